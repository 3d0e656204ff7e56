// The exponential linear units: identity for x > 0, a saturating exponential below.

/// The exponential linear unit of Clevert et al.
///
/// ```
/// f(x)   = x for x > 0, else alpha·(e^x - 1)
/// f'(x)  = 1 for x > 0, else alpha·e^x          (f'(0) = alpha, from the left, as PyTorch)
/// f''(x) = 0 for x > 0, else alpha·e^x          (f''(0) = alpha, from the left, as f')
/// ```
/// Range (-alpha, inf) for alpha > 0. Within activ's accuracy budget (2, 4 and 8 ULP for f, f′ and
/// f″): double-double e^x − 1 and e^x, rounded once. With alpha = 1 f′ is continuous, but f″ still
/// jumps at 0 and takes the left side.
public struct ELU: Activation {
  // e^x − 1 and e^x are double-double kernels (`exponentialMinusOne(_:)` keeps e^x − 1 accurate
  // near 0), so alpha·(…) is rounded once and f′ and f″ (f′ itself for x <= 0) stay accurate down
  // to the underflow of e^x. With alpha = 1, f′ is continuous and no kink is declared, but f″ still
  // jumps at 0; it takes the left side there all the same.

  public var alpha: Double

  public init(alpha: Double = 1) {
    self.alpha = alpha
  }

  public func value(_ x: Double) -> Double {
    // +0 takes the right-hand branch, so f(±0) has the sign f has beside 0 on that side.
    x.sign == .plus || x.isNaN ? x : (exponentialMinusOne(DoubleDouble(x)) * alpha).value
  }
  public func derivative(_ x: Double) -> Double {
    x > 0 ? 1 : (x.isNaN ? x : (exponential(x) * alpha).value)
  }
  public func secondDerivative(_ x: Double) -> Double { x > 0 ? 0 : derivative(x) }
  public var kinks: [Kink] { alpha == 1 ? [] : [Kink(at: 0, rule: .left)] }
}

/// The scaled ELU of Klambauer et al., with the constants that make it self-normalizing.
///
/// ```
/// f(x)   = scale·x for x > 0, else scale·alpha·(e^x - 1)
/// f'(x)  = scale for x > 0, else scale·alpha·e^x     (f'(0) = scale·alpha ≈ 1.7581, as PyTorch)
/// f''(x) = 0 for x > 0, else scale·alpha·e^x         (f''(0) from the left, as f')
/// scale = 1.0507009873554804934193349852946, alpha = 1.6732632423543772848170429916717
/// ```
/// Range (-scale·alpha, inf) ≈ (-1.7581, inf). scale and scale·alpha are double-double constants
/// taken from the exact decimals, so both branches are rounded once; f″ is f′ for x <= 0.
public struct SELU: Activation {
  public static let scale = 1.0507009873554804934193349852946
  public static let alpha = 1.6732632423543772848170429916717
  static let exactScale = DoubleDouble(1.0507009873554805, 3.9874847667154144e-17)
  static let scaleTimesAlpha = DoubleDouble(1.7580993408473768, 1.41535193800845e-17)

  public init() {}
  public func value(_ x: Double) -> Double {
    if x.sign == .plus { return (SELU.exactScale * x).value }
    return x.isNaN ? x : (exponentialMinusOne(DoubleDouble(x)) * SELU.scaleTimesAlpha).value
  }
  public func derivative(_ x: Double) -> Double {
    if x > 0 { return SELU.scale }
    return x.isNaN ? x : (exponential(x) * SELU.scaleTimesAlpha).value
  }
  public func secondDerivative(_ x: Double) -> Double { x > 0 ? 0 : derivative(x) }
  public var kinks: [Kink] { [Kink(at: 0, rule: .left)] }
}

/// The continuously differentiable ELU of Barron: an ELU whose exponential is stretched by alpha,
/// so f′(0) = 1 for every alpha.
///
/// ```
/// f(x)   = max(0, x) + min(0, alpha·(e^(x/alpha) - 1))
/// f'(x)  = 1 for x > 0, else e^(x/alpha)
/// f''(x) = 0 for x > 0, else e^(x/alpha) / alpha     (f''(0) = 1/alpha, from the left)
/// ```
/// Range (-alpha, inf); alpha > 0. Within activ's accuracy budget (2, 4 and 8 ULP for f, f′ and
/// f″): x/alpha carried in double-double, rounded once. f″ jumps at 0 and takes the left side, as
/// ELU's.
public struct CELU: Activation {
  // The quotient u = x/alpha is carried in double-double (its remainder recovered exactly from the
  // exact product u·alpha), so `exp` at u ≈ −700 does not magnify its rounding by 700; the
  // exponentials are the double-double kernels, scaled, and e^u/alpha is rounded once. f′ is
  // continuous, so no kink is declared, but f″ jumps at 0: like ELU's, it takes the left side
  // there.

  public var alpha: Double

  public init(alpha: Double = 1) {
    self.alpha = alpha
  }

  public func value(_ x: Double) -> Double {
    if x.sign == .plus || x.isNaN { return x }
    return (exponentialMinusOne(quotient(x)) * alpha).value
  }

  public func derivative(_ x: Double) -> Double {
    if x > 0 { return 1 }
    return x.isNaN ? x : exponential(quotient(x)).value
  }

  public func secondDerivative(_ x: Double) -> Double {
    if x > 0 { return 0 }
    return x.isNaN ? x : (exponential(quotient(x)) / DoubleDouble(alpha)).value
  }

  /// x/alpha in double-double: the rounded quotient plus (x − u·alpha)/alpha.
  private func quotient(_ x: Double) -> DoubleDouble {
    let u = x / alpha
    guard u.isFinite else { return DoubleDouble(u) }
    return DoubleDouble(u, (-DoubleDouble.product(u, alpha) + x).hi / alpha)
  }
}
