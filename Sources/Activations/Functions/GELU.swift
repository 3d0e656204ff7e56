// The Gaussian error linear unit and its tanh approximation.

/// The Gaussian error linear unit of Hendrycks and Gimpel: x weighted by the standard normal CDF.
///
/// ```
/// exact:  f(x)  = x·Phi(x),  Phi(x) = erfc(-x/sqrt(2))/2
///         f'(x) = Phi(x) + x·phi(x),  phi(x) = e^(-x^2/2)/sqrt(2·pi)
/// tanh:   f(x)  = x/2·(1 + tanh(u)) = x·sigmoid(2u),  u = sqrt(2/pi)·(x + 0.044715·x^3)
///         f'(x) = sigmoid(2u) + x·sigmoid'(2u)·2u',   u' = sqrt(2/pi)·(1 + 3·0.044715·x^2)
/// ```
/// Range [-0.16997…, inf) (exact form). Methods: −x/√2 is formed in double-double and its rounding
/// applied to `erfc` as the first-order correction −δ·(2/√π)·e^(−z²), because `erfc(z)` ~ e^(−z²)
/// magnifies a relative error ε in z by 2z²; x² in φ is split exactly by fused multiply-add for the
/// same reason. Near the root of f′ (x ≈ −0.75), where Φ and xφ cancel, f′ is summed from its
/// Taylor series in double-double. In the tanh form, 1 + tanh(u) is written 2σ(2u) (no cancellation for x < 0) and u
/// is formed in double-double with both constants split into two doubles, so σ sees the exact
/// argument of the formula's decimal constants.
public struct GELU: Activation {
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
    guard x.isFinite else { return limit(x, atMinusInfinity: -0.0, atPlusInfinity: x) }
    switch approximation {
    case .none: return x * GELU.normalCDF(x)
    case .tanh:
      if x < -50 { return -0.0 }
      if x > 50 { return x }
      let v = GELU.tanhArgument(x) * 2
      if v.hi < -700 { return scaledExp(v, times: x) }
      return x * logistic(v)
    }
  }

  public func derivative(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: 0, atPlusInfinity: 1) }
    switch approximation {
    case .none:
      if x > -1.25 && x < -0.375 { return GELU.derivativeNearRoot(x) }
      return GELU.normalCDF(x) + x * GELU.normalDensity(x)
    case .tanh:
      if x < -50 { return 0 }
      if x > 50 { return 1 }
      if x > -1.25 && x < -0.375 { return GELU.tanhDerivativeNearRoot(x) }
      let w = GELU.tanhArgument(x) * 2
      let slope = ((DoubleDouble.product(x, x) * GELU.kappa * 3 + 1) * GELU.sqrt2OverPi) * 2
      if x >= 0 { return logistic(w) + x * logisticDerivative(w) * slope.value }
      // For x < 0 the two terms have opposite signs: f′ = σ′(w)·(1 + eʷ + x·w′), with the bracket
      // in double-double.
      let bracket = (slope * x + 1 + Libm.exp(w.hi)).value
      if w.hi < -700 { return scaledExp(w, times: bracket) }
      return logisticDerivative(w) * bracket
    }
  }

  static let inverseSqrt2 = DoubleDouble(0.7071067811865476, -4.833646656726457e-17)
  static let inverseSqrt2Pi = DoubleDouble(0.3989422804014327, -2.49232720227773e-17)
  static let twoOverSqrtPi = 1.1283791670955126
  static let sqrtPi = 1.772453850905516
  static let sqrt2OverPi = DoubleDouble(0.7978845608028654, -4.98465440455546e-17)
  static let kappa = DoubleDouble(0.044715, 2.1960211427085595e-18)

  /// Φ(x), accurate in the far left tail where Φ(x) ≈ e^(−x²/2)/(|x|√(2π)).
  static func normalCDF(_ x: Double) -> Double {
    let z = DoubleDouble.product(-x, inverseSqrt2.hi) + (-x * inverseSqrt2.lo)
    let tail = Libm.erfc(z.hi)
    guard z.hi > 0, tail > 0 else { return 0.5 * tail }
    // erfc(z + δ) = erfc(z)·(1 − δ·(2/√π)·ρ(z)) with ρ(z) = e^(−z²)/erfc(z) ≈ z√π(1 + 1/(2z²)).
    let rho =
      z.hi > 5
      ? z.hi * sqrtPi * (1 + 0.5 / (z.hi * z.hi)) : Libm.exp(-z.hi * z.hi) / tail
    return 0.5 * (tail - tail * (z.lo * twoOverSqrtPi * rho))
  }

  /// φ(x) = e^(−x²/2)/√(2π), with x² split exactly so `exp` sees the true argument.
  static func normalDensity(_ x: Double) -> Double {
    if abs(x) > 40 { return 0 }
    let square = DoubleDouble.product(x, x)
    let e = Libm.exp(-0.5 * square.hi)
    return (e - e * (0.5 * square.lo)) * inverseSqrt2Pi.hi
  }

  /// Φ(x) + x·φ(x) around its root x ≈ −0.7518, where the two terms cancel, from the series
  /// Φ(x) + xφ(x) = 1/2 + (1/√(2π))·Σ (−1)ⁿ (2n+2)/(2n+1) · x²ⁿ⁺¹/(2ⁿ·n!) summed in double-double.
  static func derivativeNearRoot(_ x: Double) -> Double {
    let square = DoubleDouble.product(x, x)
    var power = DoubleDouble(x)  // (−1)ⁿ x²ⁿ⁺¹ / (2ⁿ n!)
    var sum = DoubleDouble(0)
    for n in 0..<28 {
      sum = sum + power * Double(2 * n + 2) / Double(2 * n + 1)
      power = -(power * square) / Double(2 * n + 2)
    }
    return (sum * inverseSqrt2Pi + 0.5).value
  }

  /// The tanh form's f′ = σ(w)·(1 + eʷ + x·w′)/(1 + eʷ), w = 2u, around its root x ≈ −0.75, where
  /// 1 + eʷ and x·w′ cancel: every step in double-double.
  static func tanhDerivativeNearRoot(_ x: Double) -> Double {
    let w = tanhArgument(x) * 2
    let e = DoubleDouble.exp(w)
    let onePlusE = e + 1
    let slope = ((DoubleDouble.product(x, x) * kappa * 3 + 1) * sqrt2OverPi) * 2
    let bracket = onePlusE + slope * x
    return (e * bracket / (onePlusE * onePlusE)).value
  }

  /// u = √(2/π)·(x + 0.044715·x³) in double-double.
  static func tanhArgument(_ x: Double) -> DoubleDouble {
    let cube = DoubleDouble.product(x, x) * x
    return (cube * kappa + x) * sqrt2OverPi
  }
}
