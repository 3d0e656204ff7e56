// The hyperbolic-tangent family: tanh, its shrink, and its cheap stand-ins.

/// The hyperbolic tangent, the zero-centred sigmoid.
///
/// ```
/// f(x)   = tanh(x)
/// f'(x)  = sech^2(x) = 4·e^(-2|x|) / (1 + e^(-2|x|))^2
/// f''(x) = -2·tanh(x)·sech^2(x) = 8·sigmoid''(2x) = -sign(x)·8·e·(1 - e) / (1 + e)^3,
///          e = e^(-2|x|)
/// ```
/// Range (-1, 1). Within activ's accuracy budget (2, 4 and 8 ULP for f, f′ and f″): activ's
/// double-double tanh rather than libm's; f′ and f″ from e^−2|x|, not 1 − tanh², so they keep their
/// digits for large |x|.
public struct Tanh: Activation {
  // Not libm's `tanh` (up to ~2 ULP off in glibc) but `hyperbolicTangent(_:)` in double-double:
  // Lambert's continued fraction near 0, (1 − e)/(1 + e) with e = e^−2|x| beyond; for 1/16 <= |x| <
  // 19.1 (f) and |x| < 354 (f′) the same forms on the table-driven exponential
  // (`fastLogisticParts(_:)`), rounded once. The derivative comes from e^−2|x| rather than 1 −
  // tanh², which would round to 0 for |x| > 19 where the true value is still ~1e-16; f″ likewise,
  // as the product 8·σ″(2x) (`logisticSecondDerivative(_:)`, no cancellation: its only root is 0),
  // and −2x itself below 2⁻⁵⁰⁰.

  public init() {}
  public func value(_ x: Double) -> Double {
    let magnitude = abs(x)
    // Fast path: e = e^−2|x| from the table-driven exponential (about 2⁻⁶⁰), 1 − e formed
    // exactly as hi + lo, times s = 1/(1 + e), rounded once. Below 1/16, 1 − e is small enough
    // that e's error would grow past an eighth of an ULP: the double-double path takes it, as it
    // does beyond 19.1 (where tanh is ±1 to the double) and for NaN.
    if magnitude >= 0.0625 && magnitude < 19.1 {
      let (e, s) = fastLogisticParts(2 * magnitude)
      let n = DoubleDouble.sum(1, -e.hi)
      let t = productOfSums(n.hi, n.lo - e.lo, (s.hi, s.lo))
      return x < 0 ? -t : t
    }
    return hyperbolicTangent(DoubleDouble(x)).value
  }
  public func derivative(_ x: Double) -> Double {
    if x.isNaN { return x }
    // Fast path: 4·(e·s)·s, e = e^−2|x| and s = 1/(1 + e) as hi + lo; no cancellation anywhere.
    if abs(x) < 354 {
      let (e, s) = fastLogisticParts(2 * abs(x))
      let es = productOfSums(e.hi, e.lo, (s.hi, s.lo))
      return 4 * (es * s.hi + es * s.lo)
    }
    let e = exponential(DoubleDouble(-2 * abs(x)))
    let d = e.doubleDouble + 1
    return (e * 4 / (d * d)).value
  }
  public func secondDerivative(_ x: Double) -> Double {
    // f″ = −2x + 8x³/3 − …: −2x is exact and correctly rounded here.
    if abs(x) < 0x1p-500 { return -2 * x }
    return (logisticSecondDerivative(DoubleDouble(2 * x)) * 8).value
  }
}

/// x − tanh(x): zero near the origin, x ∓ 1 far from it.
///
/// ```
/// f(x)   = x - tanh(x)
/// f'(x)  = tanh(x)^2
/// f''(x) = 2·tanh(x)·sech^2(x) = -tanh''(x)
/// ```
/// Range (-inf, inf), with f(x) ≈ x³/3 near 0. Within activ's accuracy budget (2, 4 and 8 ULP for
/// f, f′ and f″): near 0 a continued fraction without subtraction, in double-double.
public struct Tanhshrink: Activation {
  // The subtraction cancels catastrophically for small |x|, so there activ writes tanh(x) = x/(1 +
  // q) with Lambert's continued fraction q = x²/(3 + x²/(5 + …)), whose terms are all positive, and
  // x − tanh(x) = x·q/(1 + q) without any subtraction, in double-double. Elsewhere tanh is the
  // double-double `hyperbolicTangent(_:)` and the subtraction is exact enough. f″ is tanh″ negated
  // (see `Tanh`).

  public init() {}

  public func value(_ x: Double) -> Double {
    let xx = DoubleDouble(x)
    if abs(x) < 0.55 {
      let q = lambertTail(xx)
      return (q * x / (q + 1)).value
    }
    return (xx + -hyperbolicTangent(xx)).value
  }

  public func derivative(_ x: Double) -> Double {
    let t = hyperbolicTangent(DoubleDouble(x))
    return (t * t).value
  }
  public func secondDerivative(_ x: Double) -> Double {
    if abs(x) < 0x1p-500 { return 2 * x }
    return (logisticSecondDerivative(DoubleDouble(2 * x)) * -8).value
  }
}

/// x/(1 + |x|), a sigmoid-shaped function with polynomial (not exponential) tails.
///
/// ```
/// f(x)   = x / (1 + |x|)
/// f'(x)  = 1 / (1 + |x|)^2
/// f''(x) = -2·sign(x) / (1 + |x|)^3     (f''(0) = 0, the mean of its limits ±2)
/// ```
/// Range (-1, 1). f″ jumps from 2 to −2 at 0, where it is 0, the mean of both sides (as PyTorch's
/// double backward). Within activ's accuracy budget (2, 4 and 8 ULP for f, f′ and f″): 1 + |x|
/// exact, and no overflow on the way.
public struct Softsign: Activation {
  // 1 + |x| is kept exactly (double-double), and the derivative squares 1/(1 + |x|) instead of
  // dividing by (1 + |x|)², so it underflows gracefully instead of overflowing. f″ cubes the
  // reciprocal of 1 + |x| scaled into [1, 2) and applies the power of two once, so it neither
  // overflows nor loses digits where it is subnormal. f′ is continuous, so softsign declares no
  // kink, but f″ jumps from 2 to −2 at 0; there it is 0, the mean of both sides (PyTorch's double
  // backward gives the same, with sign(0) = 0).

  public init() {}
  public func value(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: -1, atPlusInfinity: 1) }
    return (DoubleDouble(x) / DoubleDouble.sum(1, abs(x))).value
  }
  public func derivative(_ x: Double) -> Double {
    guard x.isFinite else { return x.isNaN ? x : 0 }
    let r = DoubleDouble(1) / DoubleDouble.sum(1, abs(x))
    return (r * r).value
  }
  public func secondDerivative(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x == 0 { return 0 }
    guard x.isFinite else { return x > 0 ? -0.0 : 0 }
    let q = DoubleDouble.sum(1, abs(x))
    let exponent = Int(q.hi.exponent)
    let r = DoubleDouble(1) / q.scaled(by: -exponent)
    return Scaled(r * r * r * (x > 0 ? -2 : 2), exponent: -3 * exponent).value
  }
}

/// tanh's piecewise-linear stand-in: x clamped to [minVal, maxVal].
///
/// ```
/// f(x)   = min(max(x, min_val), max_val)
/// f'(x)  = 1 for min_val < x < max_val, else 0     (0 at both ends, as PyTorch)
/// f''(x) = 0
/// ```
/// Range [min_val, max_val]. Exact.
public struct HardTanh: Activation {
  public var minVal: Double
  public var maxVal: Double

  public init(minVal: Double = -1, maxVal: Double = 1) {
    self.minVal = minVal
    self.maxVal = maxVal
  }

  public func value(_ x: Double) -> Double {
    if x.isNaN { return x }
    return min(max(x, minVal), maxVal)
  }
  public func derivative(_ x: Double) -> Double {
    if x.isNaN { return x }
    return x > minVal && x < maxVal ? 1 : 0
  }
  public func secondDerivative(_ x: Double) -> Double { x.isNaN ? x : 0 }
  public var kinks: [Kink] { [Kink(at: minVal, rule: .left), Kink(at: maxVal, rule: .right)] }
}
