// Smooth rectifiers: softplus and the functions that gate x with it.

/// Softplus, the smooth ReLU log(1 + e^(βx))/β.
///
/// ```
/// f(x)  = log(1 + e^(b·x)) / b = max(x, 0) + log1p(e^-|b·x|) / b
/// f'(x) = sigmoid(b·x)
/// ```
/// Range (0, inf); b > 0. With `threshold` t set (PyTorch's option, off by default here), b·x > t
/// returns x and f′ = 1, PyTorch's shortcut; without it the smooth formula is used for every x,
/// since the split form already never overflows. b·x is carried in double-double and its rounding
/// applied as a first-order correction, so large |b·x| does not magnify it.
public struct Softplus: Activation {
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
    return max(x, 0) + softplusTail(v) / beta
  }

  public func derivative(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: 0, atPlusInfinity: 1) }
    let v = DoubleDouble.product(beta, x)
    if let threshold, v.hi > threshold { return 1 }
    return logistic(v)
  }

  public var kinks: [Kink] {
    guard let threshold else { return [] }
    return [Kink(at: threshold / beta, rule: .left, isJump: true)]
  }
}

/// Mish, Misra's self-regularized x·tanh(softplus(x)).
///
/// ```
/// f(x)  = x·tanh(softplus(x)) = x·T,   T = n(n + 2) / (n(n + 2) + 2),  n = e^x
/// f'(x) = T + x·(1 - T^2)·sigmoid(x)
/// ```
/// Range [-0.30884…, inf); smooth, non-monotone. T is a rational function of e^x, evaluated as
/// above for x <= 0 and, with m = e^-x, as T = (1 + 2m)/(1 + 2m + 2m²) for x > 0, so `exp` never
/// overflows and 1 − T is available without cancellation (2/(n(n + 2) + 2), resp. 2m²/(…)). Below
/// x = −700, f ≈ x·e^x and f′ ≈ (1 + x)·e^x are formed with `scaledExp` so they do not lose digits
/// to a subnormal e^x. Around the root of f′ (x ≈ −1.19) the derivative is evaluated in
/// double-double, since its two terms cancel there.
public struct Mish: Activation {
  public init() {}

  public func value(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: -0.0, atPlusInfinity: x) }
    if x < -700 { return scaledExp(x, times: x) }
    return x * Mish.gate(x).t
  }

  public func derivative(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: 0, atPlusInfinity: 1) }
    if x < -700 { return scaledExp(x, times: 1 + x) }
    if x > -2.25 && x < -0.5 { return Mish.derivativeNearRoot(x) }
    let (t, oneMinusT) = Mish.gate(x)
    return t + x * (oneMinusT * (1 + t)) * logistic(x)
  }

  /// f′ around its root x ≈ −1.19, where T and x(1 − T²)σ(x) cancel: the same formula with every
  /// step in double-double, from a double-double eˣ.
  static func derivativeNearRoot(_ x: Double) -> Double {
    let n = DoubleDouble.exp(x)
    let p = n * (n + 2)
    let denominator = p + 2
    let t = p / denominator
    let oneMinusT = DoubleDouble(2) / denominator
    let gate = n / (n + 1)
    return (t + oneMinusT * (t + 1) * gate * x).value
  }

  /// T = tanh(softplus(x)) and 1 − T, both to full relative precision.
  static func gate(_ x: Double) -> (t: Double, oneMinusT: Double) {
    if x <= 0 {
      let n = Libm.exp(x)
      let p = n * (n + 2)
      return (p / (p + 2), 2 / (p + 2))
    }
    let m = Libm.exp(-x)
    let q = 1 + 2 * m
    let d = q + 2 * m * m
    return (q / d, 2 * m * m / d)
  }
}

/// Squareplus, Barron's algebraic softplus (x + √(x² + b))/2.
///
/// ```
/// f(x)  = (x + sqrt(x^2 + b)) / 2     = b / (2·(sqrt(x^2 + b) - x))        for x < 0
/// f'(x) = (1 + x / sqrt(x^2 + b)) / 2 = b / (2·sqrt(x^2 + b)) / (sqrt(x^2 + b) - x)  for x < 0
/// ```
/// Range (0, inf); b > 0. For x < 0 the second forms avoid the cancellation of x + √(x² + b);
/// for |x| > 1e150, √(x² + b) is taken as |x| + b/(2|x|) so x² never overflows.
public struct Squareplus: Activation {
  public var b: Double

  public init(b: Double = 4) {
    self.b = b
  }

  private func root(_ x: Double) -> Double {
    let a = abs(x)
    return a > 1e150 ? a + 0.5 * b / a : (x * x + b).squareRoot()
  }

  public func value(_ x: Double) -> Double {
    if x.isNaN { return x }
    // Far left, f = b/(2(s + |x|)) with s + |x| = 2|x|(1 + O(b/x²)), which would overflow.
    if x < -1e150 { return 0.25 * b / -x }
    let s = root(x)
    return x >= 0 ? 0.5 * x + 0.5 * s : b / (s - x) / 2
  }

  public func derivative(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: 0, atPlusInfinity: 1) }
    if x < -1e150 { return 0.25 * b / -x / -x }
    let s = root(x)
    return x >= 0 ? (1 + x / s) / 2 : b / (2 * s) / (s - x)
  }
}
