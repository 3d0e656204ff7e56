/// The property analysis behind `activ info`: the smoothness class is declared by the catalogue
/// entry, everything else is computed numerically for the actual parameters.
///
/// How the numeric facts are found:
/// - **Grid.** f′ is sampled on a grid of about 2,500 points: 0; ±10^k for k from −6 to 6, 20 per
///   decade; ±1e9 and ±1e12; a dense band of step 0.02 over [−20, 20]; and every declared kink
///   with its neighbouring doubles. The sign pattern of f′ beyond ±1e12 is assumed to continue to
///   ±inf, so the last run of the grid becomes a half-line.
/// - **Runs.** Consecutive grid points where f′ has the same sign (+, −, or exactly 0) form runs;
///   each boundary between runs is located by bisection down to adjacent doubles (at most 200
///   halvings), so a root of f′ (mish's minimum) is found to full precision and a jump of f′ (a
///   kink) is found at the kink.
/// - **Underflow.** A run where f′ is exactly 0 only because f′ underflowed (sigmoid′ below
///   −745, gelu′ below −38) is not dead: a zero run counts as dead only when f′ next to it, at
///   the neighbouring grid points, has magnitude ≥ 1e-100 on every side that has a neighbour.
///   Otherwise the run takes the sign of its neighbour. So does a zero of f′ at a single grid
///   point between nonzero neighbours (tanhshrink′(0) = 0, x² at 0): dead means an interval.
///   A boundary that lands on the doubles beside a declared kink is reported at the kink.
/// - **Limits.** f(±inf) is asked of the function itself (every catalogue type gives the true
///   limits). Where that is NaN (an expression meeting `inf·0`), the trend decides: if
///   |f(±1e12)| > 1e3 and > 2|f(±1e6)|, f diverges with the sign of f(±1e12); else the limit is
///   taken to be f(±1e12).
/// - **Range.** The infimum (supremum) is the least (greatest) of f on the grid, at the run
///   boundaries, beside the kinks and in the limits; ±inf means unbounded (nil).
/// - **Attained.** An end of the range is attained when some finite *witness* has f equal to it
///   (within 1e-12 relative): a boundary between runs (a root of f′ or a kink), a dead run, a
///   declared kink, or 0. Far grid points are no witnesses, so sigmoid(−800) underflowing to 0
///   does not make 0 attained.
/// - **Monotonic.** f′ never takes both signs, and f on the sorted grid (kink sides included) never
///   steps against that direction by more than 1e-12 relative, so a jump of f counts.
/// - **Saturation.** Runs of |f′| < ``saturationThreshold``, ends located by bisection (of the
///   two adjacent doubles that bracket an end, the shorter decimal). A bounded run with no dead
///   run in it surrounds a stationary point and is not saturation.
/// - **Undecided** (expressions only). Each grid gap is sampled 16 more times; where f′ changes
///   between −, 0 and + more than once there, the grid does not resolve it (an oscillation, or
///   rounding noise), and runs, witnesses and extrema say nothing of those gaps (joined when at
///   most 8 gaps apart; an outermost gap reaches to ±inf).
/// - **Continuity (numeric).** Candidate points are the kinks, 0, and every pair of neighbouring
///   dense-band points where f, f′ or f″ changes by more than 4 times as much as over both
///   neighbouring pairs. Each candidate interval is widened asymmetrically (a kink x gives
///   [x − h, x + 1.37h], h = 1e-3·max(1, |x|)) so that neither its ends nor its bisection
///   midpoints land on a round number, where an expression's point convention (abs′(0) = 0)
///   would hide the jump. Each is narrowed by bisection (following the half towards the change
///   that smooth behaviour does not explain) to an interval of width 1e-12·max(1, |x|), where a
///   change over 3 widths of more than 8 times the change over the widths beside it (plus
///   1e-13·max(1, |g|)) is a jump of g (see ``jumps(_:_:_:_:)``). A jump in f gives C-1, in f′
///   C0, in f″ C1, none C2+ (``Smoothness/atLeast(_:)``).
///
/// Limits: a function that oscillates (sin x) is sampled, not understood: its runs beyond the
/// dense band follow the log grid's aliasing, and its extrema are those the grid brackets. rrelu
/// in training mode draws a random slope per point, so only its declared class is meaningful.
public enum Analysis {
  /// The ends of the grid (beyond them the sign of f′ is assumed to continue).
  public static let scannedExtent = 1e12
  /// The half-width of the grid's dense band (step 0.02).
  public static let denseBand = 20.0

  /// The |f′| below which f counts as saturated.
  public static let saturationThreshold = 1e-3

  /// The properties of a bound catalogue function, using its declared facts.
  public static func properties(of bound: BoundActivation) -> Properties {
    properties(of: bound.function, name: bound.entry.name, arguments: bound.arguments)
  }

  /// The properties of `function`. With a catalogue `name` (any alias or spelling) and the
  /// `arguments` `function` was bound with, the entry's declared smoothness class is used. Without
  /// both (an ``Expression``, or a name with no arguments, since the declared class may depend on
  /// them) every fact is numeric. `name` and `arguments` must describe `function`; they are not
  /// checked against it.
  public static func properties(
    of function: any Activation, name: String? = nil, arguments: Arguments? = nil
  ) -> Properties {
    var declared: Smoothness?
    if let name, let arguments, let entry = Catalogue.entry(named: name) {
      declared = entry.continuity.resolve(arguments, function)
    }
    let scan = Scan(function, resolving: declared == nil)
    let (infimum, minimum) = scan.bound(lowest: true)
    let (supremum, maximum) = scan.bound(lowest: false)
    let zero = scan.derivativeAtZero()
    let f0 = function.value(0)
    let takesBothSigns = (infimum?.value ?? -1) < 0 && (supremum?.value ?? 1) > 0
    let isOne = { (d: Double) in abs(d - 1) <= 1e-12 }
    return Properties(
      infimum: infimum, supremum: supremum, minimum: minimum, maximum: maximum,
      isMonotonic: scan.isMonotonic(),
      increasing: scan.decided(scan.runs.filter { $0.sign > 0 }.map(\.interval)),
      decreasing: scan.decided(scan.runs.filter { $0.sign < 0 }.map(\.interval)),
      isZeroCentered: f0 == 0 && takesBothSigns,
      isIdentityNearOrigin: f0 == 0 && isOne(zero.left) && isOne(zero.right) && isOne(zero.value),
      continuity: declared ?? numericContinuity(of: function),
      continuityMethod: declared == nil ? .numeric : .declared,
      saturation: scan.saturation(),
      dead: scan.decided(scan.runs.filter { $0.sign == 0 }.map(\.interval)),
      derivativeAtZero: zero, undecided: scan.undecided,
      stationary: scan.stationaryPoints())
  }
}

/// One pass over the grid of ``Analysis``: f and f′ at every point, the runs of the sign of f′,
/// and the witnesses and values that decide the range.
struct Scan {
  struct Run {
    /// +1, −1 or 0 (dead).
    var sign: Int
    var interval: Properties.Interval
  }

  let function: any Activation
  let xs: [Double]
  let values: [Double]
  let slopes: [Double]
  /// The dense band: [−20, 20] in steps of 0.02.
  static let band = (-1000...1000).map { Double($0) / 50 }
  private(set) var runs: [Run] = []
  /// Finite points whose values may attain an end of the range.
  private(set) var witnesses: [Double] = []
  /// f(−inf) and f(+inf) (±inf when f diverges).
  let limits: (low: Double, high: Double)

  /// Where f′ changes sign between neighbouring samples more often than the samples show (see
  /// ``Analysis``): nothing about the sign of f′ is decided there.
  private(set) var undecided: [Properties.Interval] = []

  init(_ function: any Activation, resolving: Bool = false) {
    self.function = function
    var points: [Double] = [0, 1e9, 1e12, -1e9, -1e12]
    for k in 0...240 {
      let magnitude = Scan.pow10(-6 + Double(k) / 20)
      points.append(magnitude)
      points.append(-magnitude)
    }
    points += Scan.band
    for kink in function.kinks {
      points += [kink.x.nextDown, kink.x, kink.x.nextUp]
    }
    let sorted = Array(Set(points.filter(\.isFinite))).sorted()
    xs = sorted
    values = sorted.map { function.value($0) }
    slopes = sorted.map { function.derivative($0) }
    limits = (Scan.limit(function, -1), Scan.limit(function, 1))
    runs = findRuns()
    if resolving { undecided = findUndecided() }
    witnesses = [0] + function.kinks.map(\.x)
    defer { witnesses = witnesses.filter { !isUndecided($0) || $0 == 0 } }
    for run in runs {
      for end in [run.interval.lower, run.interval.upper] where end.isFinite && !isUndecided(end) {
        witnesses.append(end)
      }
      if run.sign == 0 {
        let lower = run.interval.lower.isFinite ? run.interval.lower : run.interval.upper - 1
        let upper = run.interval.upper.isFinite ? run.interval.upper : run.interval.lower + 1
        witnesses.append(lower.isFinite && upper.isFinite ? lower + (upper - lower) / 2 : 0)
      }
    }
  }

  /// 10^e for a real e without Foundation: the whole power exactly, the fraction by exp.
  static func pow10(_ e: Double) -> Double {
    let whole = e.rounded(.down)
    return PowersOfTen.double(Int(whole))
      * (exponential((e - whole) * 2.302585092994046) * 1).value
  }

  /// The limit of f at −inf (side −1) or +inf (side 1); see ``Analysis``.
  static func limit(_ function: any Activation, _ side: Double) -> Double {
    let direct = function.value(side * .infinity)
    if !direct.isNaN { return direct }
    let near = function.value(side * 1e6)
    let far = function.value(side * 1e12)
    if abs(far) > 1e3 && abs(far) > 2 * abs(near) { return far > 0 ? .infinity : -.infinity }
    return far
  }

  func sign(_ d: Double) -> Int { d > 0 ? 1 : (d < 0 ? -1 : 0) }

  /// The runs of the sign of f′, with underflowed zeros merged into their neighbours and every
  /// boundary bisected.
  func findRuns() -> [Run] {
    // Raw runs of grid indices.
    var raw: [(sign: Int, first: Int, last: Int)] = []
    for (i, d) in slopes.enumerated() where !d.isNaN {
      let s = sign(d)
      if let last = raw.last, last.sign == s {
        raw[raw.count - 1].last = i
      } else {
        raw.append((s, i, i))
      }
    }
    // Zero runs from underflow, and isolated zeros of f′ (a single grid point between nonzero
    // neighbours: tanhshrink′(0), a critical point on the grid), take their neighbour's sign.
    for r in raw.indices where raw[r].sign == 0 {
      let left = r > 0 ? slopes[raw[r - 1].last] : nil
      let right = r + 1 < raw.count ? slopes[raw[r + 1].first] : nil
      // f′ = 0 with f″ ≠ 0 is a zero of rounding (x·sin(1/x) far out), not a flat stretch.
      let flat = (raw[r].first...raw[r].last).allSatisfy {
        let g = function.secondDerivative(xs[$0])
        return g == 0 || g.isNaN
      }
      let genuine =
        flat && [left, right].allSatisfy { d in d.map { abs($0) >= 1e-100 } ?? true }
      let isolated = raw[r].first == raw[r].last && left != nil && right != nil
      if !genuine || isolated { raw[r].sign = sign(left ?? right ?? 0) }
    }
    var merged: [(sign: Int, first: Int, last: Int)] = []
    for run in raw {
      if let last = merged.last, last.sign == run.sign {
        merged[merged.count - 1].last = run.last
      } else {
        merged.append(run)
      }
    }
    var result: [Run] = []
    var lower = -Double.infinity
    for (r, run) in merged.enumerated() {
      var upper = Double.infinity
      if r + 1 < merged.count {
        let s = run.sign
        upper = bisect(xs[run.last], xs[merged[r + 1].first]) {
          self.sign(self.function.derivative($0)) == s
        }
      }
      result.append(Run(sign: run.sign, interval: Properties.Interval(lower, upper)))
      lower = upper
    }
    return result
  }

  /// The point where `holds` stops being true between a (where it holds) and b (where it does
  /// not), to adjacent doubles or 200 halvings: the end of [a, …] where it holds, or the start
  /// of the rest when that is closer to the change.
  /// A declared kink in [lo, hi], where a bisection that ends on adjacent doubles beside it
  /// reports the kink itself (frelu's dead run ends at 0, not at −5e-324).
  func kink(in lo: Double, _ hi: Double) -> Double? {
    function.kinks.first { $0.x >= lo && $0.x <= hi && lo.nextUp >= hi }?.x
  }

  func bisect(_ a: Double, _ b: Double, _ holds: (Double) -> Bool) -> Double {
    var (lo, hi) = (a, b)
    for _ in 0..<200 {
      let mid = lo + (hi - lo) / 2
      guard mid > lo && mid < hi else { break }
      if holds(mid) { lo = mid } else { hi = mid }
    }
    if let kink = kink(in: lo, hi) { return kink }
    // 200 halvings that did not reach adjacent doubles closed in on 0 (an expression's
    // max(x, 0) changes there, with no declared kink): the change is at 0, not at -6e-67.
    if lo.nextUp < hi && (lo == 0 || hi == 0) { return 0 }
    return abs(function.derivative(lo)) <= abs(function.derivative(hi)) ? lo : hi
  }
}
