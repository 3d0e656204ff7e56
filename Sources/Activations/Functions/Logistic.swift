// The logistic family: sigmoid and the gates built from it.

/// The logistic sigmoid, squashing ℝ onto (0, 1).
///
/// ```
/// f(x)  = 1 / (1 + e^-x)
/// f'(x) = f(x)·(1 - f(x)) = e^-|x| / (1 + e^-|x|)^2
/// ```
/// Range (0, 1). Computed by branching on the sign of x so `exp` only sees non-positive arguments;
/// the derivative uses the symmetric form, which never cancels or overflows.
public struct Sigmoid: Activation {
  public init() {}
  public func value(_ x: Double) -> Double { logistic(x) }
  public func derivative(_ x: Double) -> Double { logisticDerivative(x) }
}

/// The piecewise-linear stand-in for the sigmoid: ReLU6(x + 3)/6 (PyTorch's `hardsigmoid`).
///
/// ```
/// f(x)  = min(max(x + 3, 0), 6) / 6
/// f'(x) = 1/6 for -3 < x < 3, else 0        (0 at x = ±3, as PyTorch)
/// ```
/// Range [0, 1]. `(x + 3)/6` is formed in double-double, so the result is correctly rounded.
public struct HardSigmoid: Activation {
  public init() {}
  public func value(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x <= -3 { return 0 }
    if x >= 3 { return 1 }
    return (DoubleDouble.sum(x, 3) / 6).value
  }
  public func derivative(_ x: Double) -> Double {
    if x.isNaN { return x }
    return x > -3 && x < 3 ? 1.0 / 6 : 0
  }
  public var kinks: [Kink] { [Kink(at: -3, rule: .left), Kink(at: 3, rule: .right)] }
}

/// The logarithm of the sigmoid, a smooth version of min(x, 0).
///
/// ```
/// f(x)  = -log(1 + e^-x) = min(x, 0) - log1p(e^-|x|)
/// f'(x) = 1 / (1 + e^x) = sigmoid(-x)
/// ```
/// Range (-inf, 0). The split form keeps `exp` from overflowing and `log1p` from cancelling.
public struct LogSigmoid: Activation {
  public init() {}
  public func value(_ x: Double) -> Double {
    if x.isNaN { return x }
    return min(x, 0) - softplusTail(x)
  }
  public func derivative(_ x: Double) -> Double { logistic(-x) }
}

/// Swish, the self-gated x·σ(βx) of Ramachandran et al.; β = 1 is SiLU.
///
/// ```
/// f(x)  = x·sigmoid(b·x)
/// f'(x) = sigmoid(v) + v·sigmoid(v)·(1 - sigmoid(v)),   v = b·x
///       = e^v·(1 + v + e^v) / (1 + e^v)^2               (the form used for v < 0)
/// ```
/// Range: for b > 0, [m, inf) with a negative minimum m (≈ -0.2785/b); b = 0 gives x/2.
/// v = b·x is carried in double-double, so its rounding is not amplified by `exp`. Below
/// v = -700, where e^v is subnormal but x·e^v may not be, the product is scaled (`scaledExp`).
/// For v < 0 the derivative uses the second form; around its root (v ≈ −1.28), where 1 + v and
/// eᵛ cancel, that form is evaluated in double-double.
public struct Swish: Activation {
  public var beta: Double

  public init(beta: Double = 1) {
    self.beta = beta
  }

  public func value(_ x: Double) -> Double {
    guard x.isFinite else {
      if x.isNaN || beta.isNaN { return .nan }
      if beta == 0 { return x / 2 }
      return beta * x > 0 ? x : (x > 0 ? 0 : -0.0)
    }
    let v = DoubleDouble.product(beta, x)
    if v.hi < -700 { return scaledExp(v, times: x) }
    return x * logistic(v)
  }

  public func derivative(_ x: Double) -> Double {
    if x.isNaN { return x }
    guard x.isFinite else { return beta == 0 ? 0.5 : (beta * x > 0 ? 1 : 0) }
    let v = DoubleDouble.product(beta, x)
    return Swish.gateDerivative(v)
  }

  /// d/dv of v·σ(v), the derivative shared by every x·σ(βx) form (it depends on v = βx only).
  static func gateDerivative(_ v: DoubleDouble) -> Double {
    let (hi, lo) = (v.hi, v.lo)
    // Beyond ±800 the gate is shut or open to double precision (and 1 + v may overflow).
    if hi > 800 { return 1 }
    if hi < -3000 { return -0.0 }
    if hi < -700 { return scaledExp(hi, times: (1 + hi) + lo * (2 + hi)) }
    if hi > -2.5 && hi < -0.5 {
      // Around the root v ≈ −1.28, 1 + v and eᵛ cancel: the same formula in double-double.
      let e = DoubleDouble.exp(v)
      let d = e + 1
      return (e * (v + 1 + e) / (d * d)).value
    }
    let derivativeAtHi: Double
    if hi < 0 {
      let e = Libm.exp(hi)
      let d = 1 + e
      derivativeAtHi = e * ((1 + hi) + e) / d / d
    } else {
      let e = Libm.exp(-hi)
      let d = 1 + e
      derivativeAtHi = (1 + e + hi * e) / d / d
    }
    guard lo != 0 else { return derivativeAtHi }
    // h(v) = σ + v·σ′ has h′(v) = 2σ′ + v·σ′·(1 − 2σ).
    let s = logistic(hi)
    let ds = logisticDerivative(hi)
    return derivativeAtHi + lo * (2 * ds + hi * ds * (1 - 2 * s))
  }
}

/// The sigmoid-weighted linear unit x·σ(x) (SiLU, Swish with β = 1).
///
/// ```
/// f(x)  = x·sigmoid(x)
/// f'(x) = sigmoid(x)·(1 + x·(1 - sigmoid(x)))
/// ```
/// Range [-0.27846…, inf). Computed exactly as `Swish(beta: 1)`; see there for the method.
public struct SiLU: Activation {
  public init() {}
  public func value(_ x: Double) -> Double { Swish(beta: 1).value(x) }
  public func derivative(_ x: Double) -> Double { Swish(beta: 1).derivative(x) }
}

/// The hard swish of MobileNetV3: x·ReLU6(x + 3)/6, a cheap piecewise-quadratic swish.
///
/// ```
/// f(x)  = 0 for x <= -3;  x·(x + 3)/6 for -3 < x < 3;  x for x >= 3
/// f'(x) = 0 for x < -3;   (2x + 3)/6 for -3 <= x <= 3;  1 for x > 3
/// ```
/// At the kinks PyTorch's `hardswish_backward` gives f′(−3) = −0.5 (from the right) and
/// f′(3) = 1.5 (from the left); activ does the same. Range [-0.375, inf).
/// The quadratic piece is formed in double-double, so it is correctly rounded.
public struct HardSwish: Activation {
  public init() {}
  public func value(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x <= -3 { return 0 }
    if x >= 3 { return x }
    return (DoubleDouble.sum(x, 3) * x / 6).value
  }
  public func derivative(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x < -3 { return 0 }
    if x > 3 { return 1 }
    return (DoubleDouble.sum(2 * x, 3) / 6).value
  }
  public var kinks: [Kink] { [Kink(at: -3, rule: .right), Kink(at: 3, rule: .left)] }
}
