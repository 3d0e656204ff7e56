// The exponential linear units: identity for x > 0, a saturating exponential below.

/// The exponential linear unit of Clevert et al.
///
/// ```
/// f(x)  = x for x > 0, else alpha·(e^x - 1)
/// f'(x) = 1 for x > 0, else alpha·e^x          (f'(0) = alpha, from the left, as PyTorch)
/// ```
/// Range (-alpha, inf) for alpha > 0. `expm1` keeps e^x − 1 accurate near 0, and alpha·e^x never
/// goes through 1 + (f − …), so f′ stays accurate down to the underflow of e^x.
public struct ELU: Activation {
  public var alpha: Double

  public init(alpha: Double = 1) {
    self.alpha = alpha
  }

  public func value(_ x: Double) -> Double { x > 0 ? x : alpha * Libm.expm1(x) }
  public func derivative(_ x: Double) -> Double { x > 0 ? 1 : alpha * Libm.exp(x) }
  public var kinks: [Kink] { alpha == 1 ? [] : [Kink(at: 0, rule: .left)] }
}

/// The scaled ELU of Klambauer et al., with the constants that make it self-normalizing.
///
/// ```
/// f(x)  = scale·x for x > 0, else scale·alpha·(e^x - 1)
/// f'(x) = scale for x > 0, else scale·alpha·e^x     (f'(0) = scale·alpha ≈ 1.7581, as PyTorch)
/// scale = 1.0507009873554804934193349852946, alpha = 1.6732632423543772848170429916717
/// ```
/// Range (-scale·alpha, inf) ≈ (-1.7581, inf). The product scale·alpha is one constant rounded
/// once from its exact decimal value, so the negative branch has a single rounding besides `expm1`.
public struct SELU: Activation {
  public static let scale = 1.0507009873554804934193349852946
  public static let alpha = 1.6732632423543772848170429916717
  /// scale·alpha, correctly rounded from the exact product of the two decimal constants.
  static let scaleTimesAlpha = 1.7580993408473768599402175208123

  public init() {}
  public func value(_ x: Double) -> Double {
    x > 0 ? SELU.scale * x : SELU.scaleTimesAlpha * Libm.expm1(x)
  }
  public func derivative(_ x: Double) -> Double {
    x > 0 ? SELU.scale : SELU.scaleTimesAlpha * Libm.exp(x)
  }
  public var kinks: [Kink] { [Kink(at: 0, rule: .left)] }
}

/// The continuously differentiable ELU of Barron: an ELU whose exponential is stretched by alpha,
/// so f′(0) = 1 for every alpha.
///
/// ```
/// f(x)  = max(0, x) + min(0, alpha·(e^(x/alpha) - 1))
/// f'(x) = 1 for x > 0, else e^(x/alpha)
/// ```
/// Range (-alpha, inf); alpha > 0. The quotient u = x/alpha is carried with its rounding error
/// (recovered exactly by fused multiply-add) and applied as the first-order correction e^u·δu, so
/// `exp` at u ≈ −700 does not magnify that rounding by 700.
public struct CELU: Activation {
  public var alpha: Double

  public init(alpha: Double = 1) {
    self.alpha = alpha
  }

  public func value(_ x: Double) -> Double {
    if x > 0 || x.isNaN { return x }
    let (u, correction) = quotient(x)
    return alpha * (Libm.expm1(u) + Libm.exp(u) * correction)
  }

  public func derivative(_ x: Double) -> Double {
    if x > 0 { return 1 }
    if x.isNaN { return x }
    let (u, correction) = quotient(x)
    let e = Libm.exp(u)
    return e + e * correction
  }

  /// x/alpha as `u` plus the remainder term `(x − u·alpha)/alpha`.
  private func quotient(_ x: Double) -> (Double, Double) {
    let u = x / alpha
    guard u.isFinite else { return (u, 0) }
    return (u, x.addingProduct(-u, alpha) / alpha)
  }
}
