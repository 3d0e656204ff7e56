// The logistic family: sigmoid and the gates built from it.

/// The logistic sigmoid, squashing ℝ onto (0, 1).
///
/// ```
/// f(x)   = 1 / (1 + e^-x)
/// f'(x)  = f(x)·(1 - f(x)) = e^-|x| / (1 + e^-|x|)^2
/// f''(x) = f'(x)·(1 - 2·f(x)) = -sign(x)·e·(1 - e) / (1 + e)^3,   e = e^-|x|
/// ```
/// Range (0, 1). Within activ's accuracy budget (2, 4 and 8 ULP for f, f′ and f″): symmetric forms
/// in e^−|x|, which neither overflow nor cancel, rounded once.
public struct Sigmoid: Activation {
  // For |x| < 708, f and f′ come from the fast table-driven exponential (`fastLogistic(_:)`,
  // `fastLogisticDerivative(_:)`): e = e^−|x| in two doubles, 1 + e exact and its reciprocal s
  // refined by a Newton step, f = s or e·s and f′ = e·s², about an ULP from the truth. Beyond
  // (subnormal results), and for f″: in double-double from a double-double eˣ (`logistic(_:)`),
  // branching on the sign of x so the exponential is never large; the derivatives use the symmetric
  // forms, which never cancel or overflow (1 − e as −expm1(−|x|), so f″ ≈ −x/8 keeps its digits
  // near 0; below 2⁻⁵⁰⁰ it is −x/8 itself). One final rounding.

  public init() {}
  public func value(_ x: Double) -> Double {
    fastLogistic(x) ?? logistic(DoubleDouble(x)).value
  }
  public func derivative(_ x: Double) -> Double {
    fastLogisticDerivative(x) ?? logisticDerivative(DoubleDouble(x)).value
  }
  public func secondDerivative(_ x: Double) -> Double {
    // f″ = −x/8 + x³/96 − …: the first term alone is correctly rounded here.
    if abs(x) < 0x1p-500 { return -x * 0.125 }
    return logisticSecondDerivative(DoubleDouble(x)).value
  }
}

/// The piecewise-linear stand-in for the sigmoid: ReLU6(x + 3)/6 (PyTorch's `hardsigmoid`).
///
/// ```
/// f(x)   = min(max(x + 3, 0), 6) / 6
/// f'(x)  = 1/6 for -3 < x < 3, else 0        (0 at x = ±3, as PyTorch)
/// f''(x) = 0
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
  public func secondDerivative(_ x: Double) -> Double { x.isNaN ? x : 0 }
  public var kinks: [Kink] { [Kink(at: -3, rule: .left), Kink(at: 3, rule: .right)] }
}

/// The logarithm of the sigmoid, a smooth version of min(x, 0).
///
/// ```
/// f(x)   = -log(1 + e^-x) = min(x, 0) - log1p(e^-|x|)
/// f'(x)  = 1 / (1 + e^x) = sigmoid(-x)
/// f''(x) = -sigmoid'(x) = -e^-|x| / (1 + e^-|x|)^2
/// ```
/// Range (-inf, 0). Within activ's accuracy budget (2, 4 and 8 ULP for f, f′ and f″): the split
/// form neither overflows nor cancels, and is rounded once.
public struct LogSigmoid: Activation {
  // The split form keeps the exponential from overflowing and the logarithm from cancelling; the
  // tail log1p(e^−|x|) is the double-double `softplusTail(_:)`, rounded once. f″ is the sigmoid's
  // symmetric f′ negated (`logisticDerivative(_:)`), scaled where subnormal. f′ = σ(−x) and f″ take
  // the sigmoid's fast path for |x| < 708 (see `Sigmoid`).

  public init() {}
  public func value(_ x: Double) -> Double {
    if x.isNaN { return x }
    // For x >= 0 the result is −tail alone, so an underflowing tail still gives −0.
    let tail = softplusTail(DoubleDouble(x))
    return x >= 0 ? -tail.value : (-tail + x).value
  }
  public func derivative(_ x: Double) -> Double {
    fastLogistic(-x) ?? logistic(DoubleDouble(-x)).value
  }
  public func secondDerivative(_ x: Double) -> Double {
    if let fast = fastLogisticDerivative(x) { return -fast }
    return (logisticDerivative(DoubleDouble(x)) * -1).value
  }
}

/// Swish, the self-gated x·σ(βx) of Ramachandran et al.; β = 1 is SiLU.
///
/// ```
/// f(x)   = x·sigmoid(b·x)
/// f'(x)  = h(v) = sigmoid(v) + v·sigmoid(v)·(1 - sigmoid(v)),   v = b·x
///        = e^v·(1 + v + e^v) / (1 + e^v)^2                    (the form used for v < 0)
///        = (1 + e + v·e) / (1 + e)^2,  e = e^-v                (the form used for v >= 0)
/// f''(x) = b·h'(v),  h'(v) = sigmoid'(v)·(2 - v·tanh(v/2))
///        = b·e·(2·(1 + e) - |v|·(1 - e)) / (1 + e)^3,  e = e^-|v|   (h' is even)
/// ```
/// Range: for b > 0, [m, inf) with a negative minimum m (≈ -0.2785/b); b = 0 gives x/2. Within
/// activ's accuracy budget (2, 4 and 8 ULP for f, f′ and f″): double-double, with a Taylor
/// expansion about the roots of f′ and f″.
public struct Swish: Activation {
  // v = b·x is carried in double-double and σ(v) computed in double-double, so the result is one
  // rounding from the truth; the scaled exponential keeps x·eᵛ's digits where eᵛ alone would be
  // subnormal. The forms of f′ and f″ have no cancellation but the true one at their roots (f′ at v
  // ≈ −1.28, f″ at v ≈ ±2.40): double-double absorbs it down to 2⁻²⁰ from the root, and within that
  // a Taylor expansion about the root (`RootExpansion`) gives full relative precision. Fast path:
  // where b·x is exact and |b·x| < 708, f and f′ come from the table-driven exponential (σ as hi +
  // lo to about 2⁻⁶⁰; for v < 0, f′ = σ(v)·(1 + v·s) with v·s formed exactly, s = 1/(1 + e^v)),
  // rounded once, except within 1/64 of f′'s root, which stays on the double-double path.

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
    // Dekker's exact product needs its operands and result well inside the normal range.
    let v = exactProduct(beta, x)
    if v.lo == 0, abs(x) > 0x1p-900, abs(v.hi) > 0x1p-900, let gate = Swish.fastGate(v.hi) {
      // x·σ(v) with σ as hi + lo (about 2⁻⁶⁰): one rounding of a product good to ~2⁻⁵⁹.
      let p = exactProduct(x, gate.hi)
      return p.hi + (p.lo + x * gate.lo)
    }
    return (logistic(DoubleDouble.product(beta, x)) * x).value
  }

  public func derivative(_ x: Double) -> Double {
    if x.isNaN { return x }
    guard x.isFinite else { return beta == 0 ? 0.5 : (beta * x > 0 ? 1 : 0) }
    let v = exactProduct(beta, x)
    if v.lo == 0, abs(v.hi) > 0x1p-900, let fast = Swish.fastGateDerivative(v.hi) { return fast }
    return Swish.gateDerivative(DoubleDouble.product(beta, x)).value
  }

  /// σ(v) as hi + lo from the fast exponential (about 2⁻⁶⁰ relative), for |v| < 708 (nil beyond,
  /// where e^−|v| or the result may leave the normal range).
  @inline(__always)
  static func fastGate(_ v: Double) -> (hi: Double, lo: Double)? {
    let magnitude = abs(v)
    guard magnitude < 708 else { return nil }
    let (e, s) = fastLogisticParts(magnitude)
    guard v < 0 else { return s }
    let p = exactProduct(e.hi, s.hi)
    return (p.hi, p.lo + (e.hi * s.lo + e.lo * s.hi))
  }

  /// h(v) by the fast exponential, within about an ULP, or nil where the double-double path must
  /// take it: |v| >= 708, and within 1/64 of h's root at −1.2785, where 1 + v·σ(−v) cancels
  /// (there e^−|v|'s 2⁻⁶⁰ error would be magnified more than 64-fold).
  /// With e = e^−|v| and s = 1/(1 + e): h = s + v·e·s² for v >= 0 (all terms positive), and
  /// h = (e·s)·(1 + v·s) for v < 0, where v·s is formed exactly before 1 is added.
  @inline(__always)
  static func fastGateDerivative(_ v: Double) -> Double? {
    let magnitude = abs(v)
    guard magnitude < 708, abs(v - gateRoot.root.hi) >= 0x1p-6 else { return nil }
    let (e, s) = fastLogisticParts(magnitude)
    if v >= 0 {
      let sigma = productOfSums(e.hi, e.lo, (s.hi, s.lo))
      return s.hi + (s.lo + v * sigma * s.hi)
    }
    // σ(v) = e·s and w = 1 + v·s each as hi + lo, multiplied and rounded once.
    let p = exactProduct(e.hi, s.hi)
    let sigma = (hi: p.hi, lo: p.lo + (e.hi * s.lo + e.lo * s.hi))
    let vs = exactProduct(v, s.hi)
    let w = DoubleDouble.sum(1, vs.hi)
    let wLow = w.lo + (vs.lo + v * s.lo)
    let h = exactProduct(sigma.hi, w.hi)
    return h.hi + (h.lo + (sigma.hi * wLow + sigma.lo * w.hi))
  }

  public func secondDerivative(_ x: Double) -> Double {
    if x.isNaN { return x }
    // h′ approaches 0 from below at ±∞.
    guard x.isFinite else { return beta > 0 ? -0.0 : 0 }
    return (Swish.gateSecondDerivative(DoubleDouble.product(beta, x)) * beta).value
  }

  /// h(v) around its root v ≈ −1.2785 (mpmath).
  static let gateRoot = RootExpansion(
    root: (-1.2784645427610737, -1.0946994183093437e-16, -3.907766676128665e-33),
    coefficients: (
      0.2178117057198001, 0.1466487969969469, 0.018874814223782312, -0.015222655223188032
    ))

  /// h′(v) around its root |v| ≈ 2.3994 (mpmath), in |v|: h′ is even.
  static let gateSecondRoot = RootExpansion(
    root: (2.3993572805154675, 1.8464872855353363e-16, 1.0808311685947344e-33),
    coefficients: (
      -0.09153052016419229, 0.07629586548655085, -0.022487259234225326, -0.001836670144762844
    ))

  /// h(v) = d/dv of v·σ(v), the derivative shared by every x·σ(βx) form (it depends on v only).
  static func gateDerivative(_ v: DoubleDouble) -> Scaled {
    // Beyond these the gate is open or shut to double precision (and v·e^v would be inf·0).
    if v.hi > 800 { return Scaled(DoubleDouble(1)) }
    if v.hi < -2000 { return Scaled(DoubleDouble(-0.0)) }
    if let nearRoot = Swish.gateRoot.value(at: v) { return Scaled(DoubleDouble(nearRoot)) }
    if v.hi >= 0 {
      let e = exponential(-v).doubleDouble
      let d = e + 1
      return Scaled((e * v + e + 1) / (d * d))
    }
    let e = exponential(v)
    let d = e.doubleDouble + 1
    return e * (v + 1 + e.doubleDouble) / (d * d)
  }

  /// h′(v) = σ′(v)·(2 − v·tanh(v/2)) = e·(2(1 + e) − |v|(1 − e))/(1 + e)³ with e = e^−|v|, the
  /// second derivative of v·σ(v): even in v, one scaled exponential, and no cancellation but at
  /// its roots |v| ≈ 2.40, where the Taylor expansion takes over.
  static func gateSecondDerivative(_ v: DoubleDouble) -> Scaled {
    let magnitude = v.hi < 0 ? -v : v
    // Beyond this h′ ≈ −|v|·e^−|v| is far below the smallest subnormal (and |v|·0 may be inf·0).
    if magnitude.hi > 2000 { return Scaled(DoubleDouble(-0.0)) }
    if let nearRoot = Swish.gateSecondRoot.expansion(at: magnitude) { return Scaled(nearRoot) }
    let e = exponential(-magnitude)
    let d = e.doubleDouble + 1
    let bracket = d * 2 + -(magnitude * (-e.doubleDouble + 1))
    return e * bracket / (d * d * d)
  }
}

/// The sigmoid-weighted linear unit x·σ(x) (SiLU, Swish with β = 1).
///
/// ```
/// f(x)   = x·sigmoid(x)
/// f'(x)  = sigmoid(x)·(1 + x·(1 - sigmoid(x)))
/// f''(x) = sigmoid'(x)·(2 - x·tanh(x/2))
/// ```
/// Range [-0.27846…, inf). Computed exactly as `Swish(beta: 1)`; see there for the method.
public struct SiLU: Activation {
  public init() {}
  public func value(_ x: Double) -> Double { Swish(beta: 1).value(x) }
  public func derivative(_ x: Double) -> Double { Swish(beta: 1).derivative(x) }
  public func secondDerivative(_ x: Double) -> Double { Swish(beta: 1).secondDerivative(x) }
}

/// QuickGELU, the sigmoid approximation of GELU used by CLIP: x·σ(1.702·x).
///
/// ```
/// f(x)   = x·sigmoid(1.702·x)
/// f'(x)  = sigmoid(v) + v·sigmoid(v)·(1 - sigmoid(v)),   v = 1.702·x
/// f''(x) = 1.702·sigmoid'(v)·(2 - v·tanh(v/2))
/// ```
/// Range [-0.16361…, inf). Computed exactly as `Swish(beta: 1.702)` (1.702 as the nearest double,
/// as PyTorch and JAX write it); see there for the method.
public struct QuickGELU: Activation {
  /// The gate's sharpness: 1.702 makes σ(1.702·x) close to Φ(x) (within 0.02).
  public static let beta = 1.702

  public init() {}
  public func value(_ x: Double) -> Double { Swish(beta: QuickGELU.beta).value(x) }
  public func derivative(_ x: Double) -> Double { Swish(beta: QuickGELU.beta).derivative(x) }
  public func secondDerivative(_ x: Double) -> Double {
    Swish(beta: QuickGELU.beta).secondDerivative(x)
  }
}

/// The hard swish of MobileNetV3: x·ReLU6(x + 3)/6, a cheap piecewise-quadratic swish.
///
/// ```
/// f(x)   = 0 for x <= -3;  x·(x + 3)/6 for -3 < x < 3;  x for x >= 3
/// f'(x)  = 0 for x < -3;   (2x + 3)/6 for -3 <= x <= 3;  1 for x > 3
/// f''(x) = 0 for x < -3;   1/3 for -3 <= x <= 3;         0 for x > 3
/// ```
/// At the kinks PyTorch's `hardswish_backward` gives f′(−3) = −0.5 (from the right) and
/// f′(3) = 1.5 (from the left); activ does the same, and f″ takes the same sides: the quadratic
/// piece's 1/3 on the closed [−3, 3] (as differentiating `hardswish_backward`'s `(2x + 3)/6`
/// branch, which covers both ends, gives). Range [-0.375, inf).
/// The quadratic piece is formed in double-double, so it is correctly rounded; f″ is exact.
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
  public func secondDerivative(_ x: Double) -> Double {
    if x.isNaN { return x }
    return x >= -3 && x <= 3 ? 1.0 / 3 : 0
  }
  public var kinks: [Kink] { [Kink(at: -3, rule: .right), Kink(at: 3, rule: .left)] }
}
