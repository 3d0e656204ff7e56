// The Gaussian error linear unit and its tanh approximation.

/// The Gaussian error linear unit of Hendrycks and Gimpel: x weighted by the standard normal CDF.
///
/// ```
/// exact:  f(x)   = x·Phi(x)
///         f'(x)  = Phi(x) + x·phi(x),   phi(x) = e^(-x^2/2)/sqrt(2·pi)
///         f''(x) = 2·phi(x) + x·phi'(x) = phi(x)·(2 - x^2)
/// tanh:   f(x)   = x/2·(1 + tanh(u)) = x·sigmoid(w),   w = 2u,  u = sqrt(2/pi)·(x + 0.044715·x^3)
///         f'(x)  = sigmoid(w) + x·sigmoid'(w)·w'
///                = sigmoid'(w)·(1 + e^w + x·w')         (the form used for x < 0)
///         f''(x) = sigmoid'(w)·(2w' + x·w'' - x·w'^2·tanh(w/2))
///                = e·(4k·(1 + 6c·x^2)·(1 + e) - |x|·w'^2·(1 - e)) / (1 + e)^3,
///                  e = e^-|w|,  k = sqrt(2/pi),  c = 0.044715,  w' = 2k·(1 + 3c·x^2)
/// ```
/// Range [-0.16997…, inf) (exact form). Within activ's accuracy budget (2, 4 and 8 ULP for f, f′
/// and f″): fast polynomial kernels for the exact form, double-double kernels (activ's own Φ, not
/// libm's erfc) elsewhere, and a Taylor expansion about the roots of f′ and f″.
public struct GELU: Activation {
  // The exact form is computed by fast kernels for −37 < x < ∞ (`fastExact(_:)`), about a rounding
  // or two from the truth: for |x| < 3, polynomials of degree 11 in x − centre on intervals of
  // width 1/8 give Φ (f = x·Φ) and f′ (on the intervals around f′'s root r, f′/(x − r), multiplied
  // by x − r formed from r in three doubles, so f′ keeps its relative precision at the root); for 3
  // <= |x| < 37, f and f′ are e^(−x²/2) (a table-driven exponential of x² split exactly) times
  // polynomials in |x| of the scaled tails A = |x|·Φ(−|x|)·e^(x²/2) and B = |x|/√(2π) −
  // Φ(−|x|)·e^(x²/2), on 16 intervals per binade; x >= 10 gives x and 1. f″ is e^(−x²/2)/√(2π)·(2 −
  // x²) with x² exact, for |x| < 37. The coefficients come from `Scripts/kernels/make_tables.py`,
  // which checks each polynomial against mpmath. Below −37 (f and f′ near or below the subnormal
  // range), at ±inf and NaN, and for the tanh form, the double-double kernels described next take
  // over.
  //
  // The double-double kernels: libm's `erfc` (up to ~2 ULP off, and magnifying any rounding in its
  // argument by 2z²) is not used: Φ is activ's own double-double kernel (`GELU/normalCDF(_:)`): for
  // |x| <= 3 the Taylor series of erf, for |x| > 3 the Laplace continued fraction of the Mills
  // ratio times φ, with x² split exactly and e^(−x²/2) a scaled double-double exponential, so a
  // subnormal Φ(x) keeps its digits until x·Φ(x) is rounded once. f′ adds Φ and x·φ in
  // double-double, which absorbs their cancellation near the root of f′, and within 2⁻²⁰ of that
  // root (either form) a Taylor expansion about it (`RootExpansion`). In the tanh form, 1 + tanh(u)
  // is written 2σ(2u) (no cancellation for x < 0) and u is formed in double-double with both
  // constants split into two doubles, so σ sees the exact argument of the formula's decimal
  // constants. The exact form's f″ = φ(x)·(2 − x²) is a product whose factor 2 − x² is exact in
  // double-double, so its roots ±√2 need nothing more; the tanh form's f″ is even, with a scaled
  // e^−|w| and a cancellation at its roots |x| ≈ 1.4185 that double-double absorbs down to 2⁻²⁰
  // from them and a Taylor expansion in |x| takes within.

  /// Which formula: the exact normal CDF, or PyTorch's `approximate='tanh'`.
  public enum Approximation: String, Sendable, CaseIterable {
    case none
    case tanh
  }

  public var approximation: Approximation

  public init(approximation: Approximation = .none) {
    self.approximation = approximation
  }

  public func value(_ x: Double) -> Double {
    if approximation == .none, let fast = GELU.fastExact(x) { return fast.value }
    return preciseValue(x)
  }

  /// f by the double-double kernels alone.
  func preciseValue(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: -0.0, atPlusInfinity: x) }
    switch approximation {
    case .none:
      if x < 0 { return (GELU.lowerTail(-x).probability * x).value }
      return (GELU.normalCDF(x) * x).value
    case .tanh:
      if x < -50 { return -0.0 }
      if x > 50 { return x }
      return (logistic(GELU.tanhArgument(x) * 2) * x).value
    }
  }

  public func derivative(_ x: Double) -> Double {
    if approximation == .none, let fast = GELU.fastExact(x) { return fast.first }
    return preciseDerivative(x)
  }

  /// f′ by the double-double kernels alone.
  func preciseDerivative(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: 0, atPlusInfinity: 1) }
    switch approximation {
    case .none:
      if let nearRoot = GELU.derivativeRoot.value(at: DoubleDouble(x)) { return nearRoot }
      if x < 0 { return GELU.lowerTail(-x).derivative.value }
      return (GELU.normalCDF(x) + GELU.density(x).doubleDouble * x).value
    case .tanh:
      // Far left the true f′ is a negative number far below the smallest subnormal.
      if x < -50 { return -0.0 }
      if x > 50 { return 1 }
      if let nearRoot = GELU.tanhDerivativeRoot.value(at: DoubleDouble(x)) { return nearRoot }
      let w = GELU.tanhArgument(x) * 2
      let slope = (DoubleDouble.product(x, x) * GELU.kappa * 3 + 1) * GELU.sqrt2OverPi * 2
      if x >= 0 {
        return (logistic(w).doubleDouble + logisticDerivative(w).doubleDouble * slope * x).value
      }
      let e = exponential(w)
      let d = e.doubleDouble + 1
      return (e * (slope * x + 1 + e.doubleDouble) / (d * d)).value
    }
  }

  public func secondDerivative(_ x: Double) -> Double {
    if approximation == .none, let fast = GELU.fastExactSecond(x) { return fast }
    return preciseSecondDerivative(x)
  }

  /// f″ by the double-double kernels alone.
  func preciseSecondDerivative(_ x: Double) -> Double {
    guard x.isFinite else { return x.isNaN ? x : 0 }
    switch approximation {
    case .none:
      // Beyond 1e150 x² would overflow; f″ ≈ −x²·φ(x) is far below the smallest subnormal.
      if abs(x) > 1e150 { return -0.0 }
      return (GELU.density(x) * (-DoubleDouble.product(x, x) + 2)).value
    case .tanh:
      // f″ is even; far out it is a negative number far below the smallest subnormal.
      let a = abs(x)
      if a > 50 { return -0.0 }
      if let nearRoot = GELU.tanhSecondRoot.value(at: DoubleDouble(a)) { return nearRoot }
      let e = exponential(-(GELU.tanhArgument(a) * 2))
      let d = e.doubleDouble + 1
      let square = DoubleDouble.product(a, a)
      let slope = (square * GELU.kappa * 3 + 1) * GELU.sqrt2OverPi * 2
      let bend = (square * GELU.kappa * 6 + 1) * GELU.sqrt2OverPi * 4
      let bracket = bend * d + -(slope * slope * a * (-e.doubleDouble + 1))
      return (e * bracket / (d * d * d)).value
    }
  }

  public func valueAndDerivative(_ x: Double) -> (value: Double, first: Double) {
    if approximation == .none, let fast = GELU.fastExact(x) { return fast }
    return (value(x), derivative(x))
  }

  /// f and f′ of the exact form by the fast kernels (see the type's documentation), or nil for
  /// x <= −37 (f and f′ near the subnormal range), ±inf and NaN, which go to the double-double
  /// kernels.
  @inline(__always)
  static func fastExact(_ x: Double) -> (value: Double, first: Double)? {
    let t = abs(x)
    if t < 3 {
      // f = x/2 + x²/√(2π) + …, f′ = 1/2 + 2x/√(2π) + …: the first terms, correctly rounded.
      if t < 0x1p-60 { return (x * 0.5, 0.5) }
      let i = Swift.min(Int((x + 3) * 8), 47)
      let d = x - (-3 + (Double(i) + 0.5) * 0.125)
      return Tables.geluCentral.withUnsafeBufferPointer { table in
        let base = table.baseAddress! + 26 &* i
        let cdf = tablePolynomial(base, d)
        let slope = tablePolynomial(base + 13, d)
        let value = x * (cdf.hi + cdf.tail)
        guard Tables.geluRootedIntervals.contains(i) else { return (value, slope.hi + slope.tail) }
        // f′ = (x − r)·g(x) near the root r: x − r.hi is exact there (Sterbenz).
        let (r0, r1, r2) = Tables.geluDerivativeRoot
        let distance = ((x - r0) - r1) - r2
        return (value, distance * (slope.hi + slope.tail))
      }
    }
    if x >= 10 { return x < .infinity ? (x, 1) : nil }
    guard t < 37 else { return nil }
    // e = e^(−t²/2) with t² = square + squareLo exactly.
    let square = exactProduct(t, t)
    let e = fastExponential(-0.5 * square.hi, -0.5 * square.lo)
    let key = Int(truncatingIfNeeded: t.bitPattern >> 48) &- Tables.geluTailFirstKey
    return Tables.geluTail.withUnsafeBufferPointer { table in
      let base = table.baseAddress! + 27 &* key
      let d = t - base[13]
      let a = tablePolynomial(base, d)
      let b = tablePolynomial(base + 14, d)
      if x > 0 {
        let (sa, sb) = (a.hi + a.tail, b.hi + b.tail)
        return (x - (e.hi * sa + e.lo * sa), 1 + (e.hi * sb + e.lo * sb))
      }
      return (-productOfSums(e.hi, e.lo, a), -productOfSums(e.hi, e.lo, b))
    }
  }

  /// f″ = φ(x)·(2 − x²) of the exact form by the fast exponential, 2 − x² rounded once (x² is
  /// exact, and 2 − its leading part too where they cancel); nil for |x| >= 37 (a subnormal f″ or
  /// none), ±inf and NaN.
  @inline(__always)
  static func fastExactSecond(_ x: Double) -> Double? {
    let t = abs(x)
    guard t < 37 else { return nil }
    let square = exactProduct(t, t)
    let e = fastExponential(-0.5 * square.hi, -0.5 * square.lo)
    let bracket = ((2 - square.hi) - square.lo) * inverseSqrt2Pi.hi
    return productOfSums(e.hi, e.lo, (bracket, 0))
  }

  /// f′ around its root x ≈ −0.7518 (mpmath), exact form.
  static let derivativeRoot = RootExpansion(
    root: (-0.7517915246935645, 1.4956759177009883e-17, 5.384040947833005e-34),
    coefficients: (
      0.4314939923140469, 0.388284982990552, -0.018199676398671087, -0.1140082332972217
    ))
  /// f′ around its root x ≈ −0.7525 (mpmath), tanh form.
  static let tanhDerivativeRoot = RootExpansion(
    root: (-0.7524614220710163, 3.635560509207687e-17, -2.5415595389660457e-33),
    coefficients: (
      0.4304000910248585, 0.38751844613578895, -0.01578285352184803, -0.11394448308095899
    ))

  /// f″ around its root |x| ≈ 1.4185 (mpmath), tanh form, in |x|: f″ is even.
  static let tanhSecondRoot = RootExpansion(
    root: (1.4185040087908283, 8.089265124388305e-17, -3.628949309242204e-33),
    coefficients: (
      -0.4095488174124191, 0.432081111593848, -0.008168951883944803, -0.16109481693213482
    ))

  static let inverseSqrt2Pi = DoubleDouble(0.3989422804014327, -2.49232720227773e-17)
  static let sqrt2OverPi = DoubleDouble(0.7978845608028654, -4.98465440455546e-17)
  static let kappa = DoubleDouble(0.044715, 2.1960211427085595e-18)

  /// φ(x) = e^(−x²/2)/√(2π) as a scaled double-double, with x² split exactly.
  static func density(_ x: Double) -> Scaled {
    if abs(x) > 1e150 { return Scaled(DoubleDouble(0)) }
    return exponential(DoubleDouble.product(x, x) * -0.5) * inverseSqrt2Pi
  }

  /// Φ(x) for x >= 0 in double-double: 1 − Φ(−x).
  static func normalCDF(_ x: Double) -> DoubleDouble {
    -lowerTail(x).probability.doubleDouble + 1
  }

  /// Φ(−t) for t >= 0 and, from the same pieces, gelu′(−t) = Φ(−t) − t·φ(t).
  static func lowerTail(_ t: Double) -> (probability: Scaled, derivative: Scaled) {
    let phi = density(t)
    if t <= 3 {
      // Φ(−t) = 1/2 − (1/√(2π))·Σ (−1)ⁿ t²ⁿ⁺¹/(2ⁿ n! (2n+1)): 48 terms reach 1e-32 at t = 3, and
      // the alternation loses at most 4 of its ~32 digits there.
      let square = DoubleDouble.product(t, t)
      var power = DoubleDouble(t)
      var sum = DoubleDouble(0)
      for n in 0..<48 {
        sum = sum + power / Double(2 * n + 1)
        power = -(power * square) / Double(2 * n + 2)
      }
      let probability = -(sum * inverseSqrt2Pi) + 0.5
      return (Scaled(probability), Scaled(probability + -(phi.doubleDouble * t)))
    }
    // Φ(−t) = φ(t)·R(t) with the Mills ratio R(t) = 1/(t + 1/(t + 2/(t + 3/(t + …)))), all terms
    // positive; the depth reaches 1e-20 relative from t = 3 on (fewer terms as t grows).
    let depth = t < 4 ? 80 : (t < 6 ? 48 : (t < 10 ? 30 : 20))
    var denominator = DoubleDouble(t)
    for k in stride(from: depth, through: 1, by: -1) {
      denominator = DoubleDouble(Double(k)) / denominator + t
    }
    let ratio = DoubleDouble(1) / denominator
    return (phi * ratio, phi * (ratio + -t))
  }

  /// u = √(2/π)·(x + 0.044715·x³) in double-double.
  static func tanhArgument(_ x: Double) -> DoubleDouble {
    let cube = DoubleDouble.product(x, x) * x
    return (cube * kappa + x) * sqrt2OverPi
  }
}
