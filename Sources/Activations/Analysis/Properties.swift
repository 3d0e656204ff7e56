/// The properties `activ info` reports for one function: range, extrema, monotonicity,
/// smoothness, saturation and the derivative at the origin. Built by
/// ``Analysis/properties(of:name:arguments:)``; see ``Analysis`` for how each fact is found.
public struct Properties: Sendable, Equatable {
  /// How a fact was established.
  public enum Method: String, Sendable, Equatable {
    /// Declared by the function's catalogue entry.
    case declared
    /// Computed numerically for the actual parameters.
    case numeric
  }

  /// An end of the range: the infimum or the supremum of f over all real x.
  public struct Bound: Sendable, Equatable {
    /// The infimum or supremum (finite).
    public var value: Double
    /// Whether some finite x has f(x) = value (see ``Analysis`` for how this is decided).
    public var isAttained: Bool

    public init(value: Double, isAttained: Bool) {
      self.value = value
      self.isAttained = isAttained
    }
  }

  /// A global minimum or maximum: a point where it is attained and the value there.
  public struct Extremum: Sendable, Equatable {
    /// Where it is attained. When f is constant at its extremum on a whole interval (relu's
    /// minimum on (−inf, 0]), the finite end of that interval nearest 0.
    public var x: Double
    /// f(x).
    public var value: Double

    public init(x: Double, value: Double) {
      self.x = x
      self.value = value
    }
  }

  /// An interval of the real line; `-.infinity` or `.infinity` at an end for a half-line. Ends
  /// found numerically are accurate to the bisection's resolution (adjacent doubles), and
  /// whether an end belongs to the interval is not tracked.
  public struct Interval: Sendable, Equatable, CustomStringConvertible {
    public var lower: Double
    public var upper: Double

    public init(_ lower: Double, _ upper: Double) {
      self.lower = lower
      self.upper = upper
    }

    /// `[a, b]`, with `(-inf, b]` and `[a, inf)` for half-lines.
    public var description: String {
      // + 0 turns a −0 end into 0: an interval's end has no sign of zero.
      let left = lower == -.infinity ? "(-inf" : "[\(shortestDecimal(lower + 0))"
      let right = upper == .infinity ? "inf)" : "\(shortestDecimal(upper + 0))]"
      return left + ", " + right
    }
  }

  /// f′ at 0: the value the function reports there, and the one-sided limits.
  public struct DerivativeAtZero: Sendable, Equatable {
    /// f′(0) as the function reports it (its convention at a kink).
    public var value: Double
    /// f′ just left of 0 (at −1e-300).
    public var left: Double
    /// f′ just right of 0 (at 1e-300).
    public var right: Double
    /// Whether the one-sided values differ (relative difference above 1e-9): 0 is a kink.
    public var isKink: Bool

    public init(value: Double, left: Double, right: Double, isKink: Bool) {
      self.value = value
      self.left = left
      self.right = right
      self.isKink = isKink
    }
  }

  /// The infimum of f; nil when f is unbounded below.
  public var infimum: Bound?
  /// The supremum of f; nil when f is unbounded above.
  public var supremum: Bound?
  /// The global minimum, when the infimum is attained.
  public var minimum: Extremum?
  /// The global maximum, when the supremum is attained.
  public var maximum: Extremum?
  /// Whether f is monotonic (non-strictly: relu is, being non-decreasing).
  public var isMonotonic: Bool
  /// Maximal intervals where f′ > 0.
  public var increasing: [Interval]
  /// Maximal intervals where f′ < 0.
  public var decreasing: [Interval]
  /// f takes both signs and f(0) = 0.
  public var isZeroCentered: Bool
  /// f(0) = 0 and f′(0⁻) = f′(0⁺) = 1 (to 1e-12).
  public var isIdentityNearOrigin: Bool
  /// The smoothness class.
  public var continuity: Smoothness
  /// Whether ``continuity`` comes from the catalogue's table or from numeric evidence.
  public var continuityMethod: Method
  /// Intervals where |f′| < 1e-3 (``Analysis/saturationThreshold``): vanishing gradients.
  public var saturation: [Interval]
  /// Intervals where f′ = 0 exactly (dead neurons).
  public var dead: [Interval]
  /// f′ at 0 and its one-sided values.
  public var derivativeAtZero: DerivativeAtZero
  /// Where an expression's f′ changes sign between samples more often than they show (sin x
  /// beyond ±26, x·sin(1/x) near 0): increasing, decreasing, dead, saturation and the extrema
  /// say nothing there. Empty for catalogue functions.
  public var undecided: [Interval] = []
  /// Points where f′ = 0 between an increase and a decrease, or at an isolated grid point.
  public var stationary: [Double] = []

  /// Whether f is bounded below.
  public var isBoundedBelow: Bool { infimum != nil }
  /// Whether f is bounded above.
  public var isBoundedAbove: Bool { supremum != nil }
  /// Whether every fact is numeric (an expression, or a name the table does not know).
  public var isNumeric: Bool { continuityMethod == .numeric }
}
