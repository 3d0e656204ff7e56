// Mish, x gated by tanh of its softplus.

/// Mish, Misra's self-regularized x·tanh(softplus(x)).
///
/// ```
/// f(x)   = x·tanh(softplus(x)) = x·T,   T = n(n + 2) / (n(n + 2) + 2),  n = e^x
/// f'(x)  = T + x·(1 - T^2)·sigmoid(x)
/// f''(x) = (1 - T^2)·sigmoid(x)·(2 + x·(1 - sigmoid(x) - 2T·sigmoid(x)))
///        = 4n·[2(1 + n)(p + 2) + x·(p + 2 - 2pn)] / (p + 2)^3,   p = n(n + 2)   (x <= 0)
///        = 4m^2·[2(1 + m)D + x·(2m^3 + 2m^2 - 3m - 2)] / D^3,
///          m = e^-x,  D = 1 + 2m + 2m^2                                         (x > 0)
/// ```
/// Range [-0.30884…, inf); smooth, non-monotone. Within activ's accuracy budget (2, 4 and 8 ULP for
/// f, f′ and f″): T as a rational function of e^±x in double-double, which never overflows, and a
/// Taylor expansion about the roots of f′ and f″.
public struct Mish: Activation {
  // T is a rational function of e^x, evaluated in double-double as above for x <= 0 and, with m =
  // e^-x, as T = (1 + 2m)/(1 + 2m + 2m²) for x > 0, so the exponential never overflows and 1 − T is
  // available without cancellation (2/(n(n + 2) + 2), resp. 2m²/(…)). For x <= 0, f, f′ and f″
  // carry the factor n as a scaled exponential (for x > 0, f″ the factor m² = e^−2x), so they keep
  // their digits where it alone would be subnormal. The remaining cancellations, at the root of f′
  // (x ≈ −1.19) and the two of f″ (x ≈ −2.26 and 1.49), are absorbed by the double-double
  // arithmetic, and within 2⁻²⁰ of a root a Taylor expansion about it (`RootExpansion`) takes over.

  public init() {}

  public func value(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: -0.0, atPlusInfinity: x) }
    // Below −2000, x·e^x is far below the smallest subnormal (and 2x could overflow).
    if x < -2000 { return -0.0 }
    if x <= 0 {
      let n = exponential(x)
      let p = Mish.product(n.doubleDouble)
      return (n * ((n.doubleDouble + 2) / (p + 2)) * x).value
    }
    let m = exponential(-x).doubleDouble
    let q = m * 2 + 1
    return (q / (m * m * 2 + q) * x).value
  }

  public func derivative(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: 0, atPlusInfinity: 1) }
    if x < -2000 { return -0.0 }
    if let nearRoot = Mish.derivativeRoot.value(at: DoubleDouble(x)) { return nearRoot }
    if x <= 0 {
      // f′ = n·[(n + 2)/(p + 2) + x·(2/(p + 2))·(1 + T)/(1 + n)], with T = p/(p + 2).
      let n = exponential(x)
      let nn = n.doubleDouble
      let p = Mish.product(nn)
      let denominator = p + 2
      let t = p / denominator
      let bracket = (nn + 2) / denominator + (t + 1) * x * 2 / (denominator * (nn + 1))
      return (n * bracket).value
    }
    let m = exponential(-x).doubleDouble
    let q = m * 2 + 1
    let denominator = m * m * 2 + q
    let t = q / denominator
    let oneMinusT = m * m * 2 / denominator
    return (t + oneMinusT * (t + 1) * x / (m + 1)).value
  }

  public func secondDerivative(_ x: Double) -> Double {
    guard x.isFinite else { return x.isNaN ? x : 0 }
    // Far left f″ ≈ (x + 2)·e^x, far right ≈ −8(x − 1)·e^−2x: both far below the smallest
    // subnormal, and negative.
    if x < -2000 || x > 800 { return -0.0 }
    if let nearRoot = Mish.secondRootLeft.value(at: DoubleDouble(x)) { return nearRoot }
    if let nearRoot = Mish.secondRootRight.value(at: DoubleDouble(x)) { return nearRoot }
    if x <= 0 {
      let n = exponential(x)
      let nn = n.doubleDouble
      let p = Mish.product(nn)
      let q = p + 2
      let bracket = (nn + 1) * q * 2 + (q + -(p * nn * 2)) * x
      return (n * (bracket * 4 / (q * q * q))).value
    }
    let m = exponential(-x).doubleDouble
    let mSquared = exponential(DoubleDouble(-2 * x))
    let denominator = m * m * 2 + (m * 2 + 1)
    let cubic = ((m * 2 + 2) * m + -3) * m + -2
    let bracket = (m + 1) * denominator * 2 + cubic * x
    return (mSquared * (bracket * 4 / (denominator * denominator * denominator))).value
  }

  /// f′ around its root x ≈ −1.1924 (mpmath).
  static let derivativeRoot = RootExpansion(
    root: (-1.1924312145154952, -4.8484829848031044e-17, -1.898915114090381e-33),
    coefficients: (
      0.2669479140495345, 0.20473126408010586, 0.04190782104360987, -0.020271822716684245
    ))

  /// f″ around its roots x ≈ −2.2564 and x ≈ 1.4906 (mpmath).
  static let secondRootLeft = RootExpansion(
    root: (-2.256376396360793, -1.0703174875019247e-16, -5.763967435146616e-33),
    coefficients: (
      0.1087544107316427, 0.09898193805255845, 0.03736189561023729, 0.0033540526593358656
    ))
  static let secondRootRight = RootExpansion(
    root: (1.4905711794854284, 7.126036715834263e-17, -4.836840730499852e-33),
    coefficients: (
      -0.23069451159746054, 0.28127277803034306, -0.0797073551654253, -0.06665173991852782
    ))

  /// p = n(n + 2) = (1 + n)² − 1.
  private static func product(_ n: DoubleDouble) -> DoubleDouble { n * (n + 2) }
}
