// The hyperbolic-tangent family: tanh, its shrink, and its cheap stand-ins.

/// The hyperbolic tangent, the zero-centred sigmoid.
///
/// ```
/// f(x)  = tanh(x)
/// f'(x) = sech^2(x) = 4·e^(-2|x|) / (1 + e^(-2|x|))^2
/// ```
/// Range (-1, 1). The value is libm's `tanh`; the derivative comes from e^(-2|x|) rather than
/// 1 − tanh², which would round to 0 for |x| > 19 where the true value is still ~1e-16.
public struct Tanh: Activation {
  public init() {}
  public func value(_ x: Double) -> Double { Libm.tanh(x) }
  public func derivative(_ x: Double) -> Double {
    let t = Libm.exp(-2 * abs(x))
    let d = 1 + t
    return 4 * t / d / d
  }
}

/// x − tanh(x): zero near the origin, x ∓ 1 far from it.
///
/// ```
/// f(x)  = x - tanh(x)
/// f'(x) = tanh(x)^2
/// ```
/// Range (-inf, inf), with f(x) ≈ x³/3 near 0. The subtraction cancels catastrophically for small
/// |x|, so for |x| <= 3 activ uses Lambert's continued fraction tanh(x) = x/(1 + q),
/// q = x²/(3 + x²/(5 + x²/(7 + …))), whose terms are all positive, and writes
/// x − tanh(x) = x·q/(1 + q) without any subtraction. Beyond 3, tanh(x) is within 0.005 of ±1 and
/// the plain difference loses nothing.
public struct Tanhshrink: Activation {
  public init() {}

  public func value(_ x: Double) -> Double {
    if abs(x) <= 3 {
      let q = Tanhshrink.lambertTail(x)
      return x * q / (1 + q)
    }
    return x - Libm.tanh(x)
  }

  public func derivative(_ x: Double) -> Double {
    let t = abs(x) <= 3 ? x / (1 + Tanhshrink.lambertTail(x)) : Libm.tanh(x)
    return t * t
  }

  /// q(x) with tanh(x) = x/(1 + q), from the continued fraction truncated at depth 16, which is
  /// below 1e-20 relative for |x| <= 3.
  static func lambertTail(_ x: Double) -> Double {
    let x2 = x * x
    var denominator = 35.0
    for k in stride(from: 16, through: 1, by: -1) {
      denominator = Double(2 * k + 1) + x2 / denominator
    }
    return x2 / denominator
  }
}

/// x/(1 + |x|), a sigmoid-shaped function with polynomial (not exponential) tails.
///
/// ```
/// f(x)  = x / (1 + |x|)
/// f'(x) = 1 / (1 + |x|)^2
/// ```
/// Range (-1, 1). The derivative squares 1/(1 + |x|) instead of dividing by (1 + |x|)², so it
/// underflows gracefully instead of overflowing for |x| > 1e154.
public struct Softsign: Activation {
  public init() {}
  public func value(_ x: Double) -> Double {
    guard x.isFinite else { return limit(x, atMinusInfinity: -1, atPlusInfinity: 1) }
    return x / (1 + abs(x))
  }
  public func derivative(_ x: Double) -> Double {
    let r = 1 / (1 + abs(x))
    return r * r
  }
}

/// tanh's piecewise-linear stand-in: x clamped to [minVal, maxVal].
///
/// ```
/// f(x)  = min(max(x, min_val), max_val)
/// f'(x) = 1 for min_val < x < max_val, else 0     (0 at both ends, as PyTorch)
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
  public var kinks: [Kink] { [Kink(at: minVal, rule: .left), Kink(at: maxVal, rule: .right)] }
}
