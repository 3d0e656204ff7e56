// Shared kernels: the logistic function and friends, written once with the care every caller needs.

/// ln 2 split so that `m·ln2Hi` is exact for |m| < 2²⁰ (the low 32 bits of ln2Hi are zero).
private let ln2Hi = 6.93147180369123816490e-01
private let ln2Lo = 1.90821492927058770002e-10

/// `a·eʸ` without losing digits when `eʸ` alone would be subnormal but the product is not.
///
/// For `y > −700`, `eʸ` is a normal double and the plain product is correctly rounded up to libm's
/// error. Below that, write `eʸ = 2ᵐ·eʳ` with `r = y − m·ln2 ∈ (−ln2, 0]` (computed exactly: the
/// subtraction of `m·ln2Hi` is exact by Sterbenz' lemma), form `a·eʳ` at full precision and only
/// then scale by `2ᵐ`, so the one rounding into the subnormal range happens last.
func scaledExp(_ y: Double, times a: Double) -> Double {
  guard y < -700, y.isFinite else { return a * Libm.exp(y) }
  guard y > -3000 else { return a * 0 }
  let m = (y / (ln2Hi + ln2Lo)).rounded(.up)
  let r = (y - m * ln2Hi) - m * ln2Lo
  return Double(sign: .plus, exponent: Int(m), significand: a * Libm.exp(r))
}

/// `a·e^(y.hi + y.lo)`: `scaledExp` with the low part applied as the factor 1 + lo, which is exact
/// to double precision where it matters (|lo| ≤ ulp(hi)/2 and e^y not yet 0).
func scaledExp(_ y: DoubleDouble, times a: Double) -> Double {
  guard y.hi > -3000 else { return a * 0 }
  return scaledExp(y.hi, times: a + a * y.lo)
}

/// The logistic function σ(v) = 1/(1 + e⁻ᵛ), branching on the sign so `exp` never overflows.
func logistic(_ v: Double) -> Double {
  if v >= 0 { return 1 / (1 + Libm.exp(-v)) }
  let e = Libm.exp(v)
  return e / (1 + e)
}

/// σ′(v) = σ(v)·σ(−v) = e^−|v| / (1 + e^−|v|)², which has no cancellation anywhere.
func logisticDerivative(_ v: Double) -> Double {
  let e = Libm.exp(-abs(v))
  let d = 1 + e
  return e / d / d
}

/// σ(v) for an argument carried as `hi + lo`: σ(hi)·(1 + σ(−hi)·lo) to first order, which is exact
/// to double precision because `|lo| ≤ ulp(hi)/2`.
func logistic(_ v: DoubleDouble) -> Double {
  let s = logistic(v.hi)
  return v.lo == 0 ? s : s + s * (logistic(-v.hi) * v.lo)
}

/// σ′(v) for an argument carried as `hi + lo`, corrected to first order by σ″/σ′ = 1 − 2σ.
func logisticDerivative(_ v: DoubleDouble) -> Double {
  let d = logisticDerivative(v.hi)
  return v.lo == 0 ? d : d + d * ((logistic(-v.hi) - logistic(v.hi)) * v.lo)
}

/// log(1 + e^−|v|), the bounded part of softplus: softplus(v) = max(v, 0) + softplusTail(v).
func softplusTail(_ v: Double) -> Double {
  Libm.log1p(Libm.exp(-abs(v)))
}

/// softplusTail for `hi + lo`: its derivative is −sign(v)·σ(−|v|).
func softplusTail(_ v: DoubleDouble) -> Double {
  let t = softplusTail(v.hi)
  guard v.lo != 0 else { return t }
  let slope = v.hi > 0 ? -logistic(-v.hi) : logistic(v.hi)
  return t + slope * v.lo
}
