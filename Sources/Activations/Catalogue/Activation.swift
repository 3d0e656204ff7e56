/// A scalar activation function with its parameters bound: a value type that evaluates f(x) and
/// its analytic first and second derivatives f′(x) and f″(x) for any `Double`.
///
/// Every conforming type promises: no overflow to ±inf or NaN where the true value is finite, NaN in
/// gives NaN out, and ±inf give the true limits. At a kink the derivative follows PyTorch's autograd
/// (see ``Kink``), so activ's gradients agree with the framework a user trains with; f″ takes the
/// same side as f′, and is 0 on linear pieces and at their kinks. There is no default f″: every
/// type derives its own, as accurately as f′.
public protocol Activation: Sendable {
  /// f(x).
  func value(_ x: Double) -> Double
  /// f′(x), with the documented one-sided convention at kinks.
  func derivative(_ x: Double) -> Double
  /// f″(x), with the same one-sided convention at kinks as f′ (0 on linear pieces). Where f′ is
  /// continuous but f″ jumps (elu with alpha = 1, celu, relu2, softsign at 0), the type documents
  /// its side.
  func secondDerivative(_ x: Double) -> Double
  /// The points where f or f′ is not continuous, in increasing order.
  var kinks: [Kink] { get }
  /// f, f′ and f″ at once. The default calls the three methods; a type that computes them
  /// together (an ``Expression`` carries all three through one pass) answers in one go.
  func jet(_ x: Double) -> (value: Double, first: Double, second: Double)
  /// f and f′ at once, bit for bit the same as ``value(_:)`` and ``derivative(_:)``. The default
  /// calls the two methods; a type whose two share work (an interval lookup, an exponential)
  /// answers in one go.
  func valueAndDerivative(_ x: Double) -> (value: Double, first: Double)
  /// The batch API: f, f′ and f″ at every point of `xs`, written to those outputs that are given
  /// (each at least as long as `xs`, index for index); only the orders asked for are computed.
  /// The results are bit for bit those of the scalar methods. See `Batch.swift` for the default,
  /// which runs one loop specialised for the concrete type (no dynamic call per point) and splits
  /// a large batch across the processors.
  func evaluate(
    _ xs: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>?,
    first: UnsafeMutableBufferPointer<Double>?, second: UnsafeMutableBufferPointer<Double>?)
}

extension Activation {
  public var kinks: [Kink] { [] }

  public func jet(_ x: Double) -> (value: Double, first: Double, second: Double) {
    (value(x), derivative(x), secondDerivative(x))
  }

  public func valueAndDerivative(_ x: Double) -> (value: Double, first: Double) {
    (value(x), derivative(x))
  }
}

/// A point where an activation's derivative (or the activation itself) jumps, and which one-sided
/// value activ reports there.
public struct Kink: Sendable, Equatable {
  /// Which derivative is reported at the kink itself (f′, and f″ from the same side).
  public enum Rule: String, Sendable {
    /// The derivative from the left, as PyTorch gives for relu′(0) = 0.
    case left
    /// The derivative from the right.
    case right
    /// The mean of both sides, as `torch.maximum` splits the gradient at a tie.
    case average
  }

  /// Where the kink is.
  public var x: Double
  /// Which derivative f′(x) reports there.
  public var rule: Rule
  /// Whether f itself jumps here (hardshrink, threshold), not only f′.
  public var isJump: Bool

  public init(at x: Double, rule: Rule, isJump: Bool = false) {
    self.x = x
    self.rule = rule
    self.isJump = isJump
  }
}

/// Values at ±inf and NaN that every activation shares: NaN stays NaN, and the infinities are
/// answered from the limits a function declares, so no formula meets `inf − inf` or `0·inf`.
@inline(__always)
func limit(_ x: Double, atMinusInfinity low: Double, atPlusInfinity high: Double) -> Double {
  x.isNaN ? x : (x > 0 ? high : low)
}
