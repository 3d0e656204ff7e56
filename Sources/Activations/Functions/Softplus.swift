// The smooth rectifiers softplus and squareplus.

/// Softplus, the smooth ReLU log(1 + e^(βx))/β.
///
/// ```
/// f(x)   = log(1 + e^(b·x)) / b = max(x, 0) + log1p(e^-|b·x|) / b
/// f'(x)  = sigmoid(b·x)
/// f''(x) = b·sigmoid'(b·x) = b·e^-|b·x| / (1 + e^-|b·x|)^2
/// ```
/// Range (0, inf); b > 0. With `threshold` t set (PyTorch's option, off by default here), b·x > t
/// returns x, f′ = 1 and f″ = 0 (at b·x = t the smooth side). Within activ's accuracy budget (2, 4
/// and 8 ULP for f, f′ and f″): the split form in double-double, rounded once.
public struct Softplus: Activation {
  // With `threshold` t set (PyTorch's option, off by default here), b·x > t returns x, f′ = 1 and
  // f″ = 0, PyTorch's shortcut (at b·x = t itself the smooth side, as f′); without it the smooth
  // formula is used for every x, since the split form already never overflows. b·x is carried in
  // double-double and the tail log1p(e^−|b·x|) computed in double-double (see `softplusTail(_:)`),
  // so large |b·x| magnifies no rounding and the sum is rounded once; f″ is the symmetric σ′
  // (`logisticDerivative(_:)`), scaled where subnormal. Where b·x is exact (b = 1 or a power of
  // two) and |b·x| < 708, f′ takes the sigmoid's fast path (see `Sigmoid`).

  public var beta: Double
  public var threshold: Double?

  public init(beta: Double = 1, threshold: Double? = nil) {
    self.beta = beta
    self.threshold = threshold
  }

  public func value(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: 0, atPlusInfinity: .infinity) }
    let v = DoubleDouble.product(beta, x)
    if let threshold, v.hi > threshold { return x }
    return (softplusTail(v) / beta + max(x, 0)).value
  }

  public func derivative(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: 0, atPlusInfinity: 1) }
    let v = DoubleDouble.product(beta, x)
    if let threshold, v.hi > threshold { return 1 }
    // An exact β·x (β = 1, a power of two) takes the sigmoid's fast path.
    if v.lo == 0, let fast = fastLogistic(v.hi) { return fast }
    return logistic(v).value
  }

  public func secondDerivative(_ x: Double) -> Double {
    guard x.isFinite else { return x.isNaN ? x : 0 }
    let v = DoubleDouble.product(beta, x)
    if let threshold, v.hi > threshold { return 0 }
    return (logisticDerivative(v) * beta).value
  }

  public var kinks: [Kink] {
    guard let threshold else { return [] }
    return [Kink(at: threshold / beta, rule: .left, isJump: true)]
  }
}

/// Squareplus, Barron's algebraic softplus (x + √(x² + b))/2.
///
/// ```
/// f(x)   = (x + s) / 2       = b / (2·(s - x))          for x < 0,   s = sqrt(x^2 + b)
/// f'(x)  = (1 + x / s) / 2   = b / (2·s·(s - x))        for x < 0
/// f''(x) = b / (2·s^3)
/// ```
/// Range (0, inf); b > 0. Within activ's accuracy budget (2, 4 and 8 ULP for f, f′ and f″):
/// double-double, forms without cancellation for x < 0, expansions far out, and a scaled f″.
public struct Squareplus: Activation {
  // s is formed in double-double (x² split exactly, one Newton step on the square root); for x < 0
  // the second forms avoid the cancellation of x + s; for |x| > 1e150 the expansions f = x + b/(4x)
  // (x > 0), b/(4|x|) (x < 0) are exact to double-double precision, so x² never overflows. f″ has
  // no cancellation; it is formed from x and b scaled by a power of two (the larger of |x| and √b
  // into [1, 2)), which is applied once at the end, so x², s³ and b neither overflow nor underflow
  // on the way and a subnormal f″ keeps its digits.

  public var b: Double

  public init(b: Double = 4) {
    self.b = b
  }

  /// Beyond this |x|, s = |x| + b/(2|x|) to double-double precision and x² would overflow.
  private static let farOut = 1e150

  public func value(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: 0, atPlusInfinity: .infinity) }
    // Far out f = x + b/(4x) on the right and b/(4|x|) on the left.
    if x > Squareplus.farOut { return (DoubleDouble(x) + 0.25 * b / x).value }
    if x < -Squareplus.farOut { return (DoubleDouble(0.25 * b) / -x).value }
    let s = root(x)
    return x >= 0 ? ((s + x) * 0.5).value : (DoubleDouble(0.5 * b) / (s + -x)).value
  }

  public func derivative(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: 0, atPlusInfinity: 1) }
    // Far out f′ = 1 − b/(4x²) on the right and b/(4x²) on the left.
    if x > Squareplus.farOut { return (DoubleDouble(1) + -(DoubleDouble(0.25 * b) / x / x)).value }
    if x < -Squareplus.farOut { return (DoubleDouble(0.25 * b) / -x / -x).value }
    let s = root(x)
    if x >= 0 { return ((DoubleDouble(x) / s + 1) * 0.5).value }
    return (DoubleDouble(0.5 * b) / s / (s + -x)).value
  }

  public func secondDerivative(_ x: Double) -> Double {
    guard x.isFinite else { return x.isNaN ? x : 0 }
    // s = 2ᵏ·√((x/2ᵏ)² + b/4ᵏ) with the larger of |x| and √b scaled into [1, 2): x² and s³
    // neither overflow nor underflow, whatever x and b. b/4ᵏ only needs to be right relative to
    // the sum, so its rounding where it underflows does not matter; b itself, in f″, is scaled
    // apart.
    let k = Int(max(abs(x), b.squareRoot()).exponent)
    let xs = Double(sign: .plus, exponent: -k, significand: x)
    let bs = Double(sign: .plus, exponent: -2 * k, significand: b)
    let s = DoubleDouble.squareRoot(DoubleDouble.product(xs, xs) + bs)
    let kb = Int(b.exponent)
    let bm = Double(sign: .plus, exponent: -kb, significand: b)
    return Scaled(DoubleDouble(bm) / (s * s * s) * 0.5, exponent: kb - 3 * k).value
  }

  private func root(_ x: Double) -> DoubleDouble {
    DoubleDouble.squareRoot(DoubleDouble.product(x, x) + b)
  }
}
