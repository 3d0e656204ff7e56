// Shared kernels: the exponential and the logistic function in double-double, written once with
// the care every caller needs. libm's `exp` is within about half an ULP, but every later rounding
// adds to that; carrying eˣ (and everything built from it) to ~2⁻¹⁰⁴ makes each activation a
// single final rounding away from its true value.

/// A double-double mantissa and a power of two, `mantissa · 2^exponent`: results such as x·eˣ
/// whose factors would underflow or overflow on their own are formed at full precision and
/// scaled once, at the end.
struct Scaled: Sendable {
  var mantissa: DoubleDouble
  var exponent: Int

  init(_ mantissa: DoubleDouble, exponent: Int = 0) {
    self.mantissa = mantissa
    self.exponent = exponent
  }

  /// `x` as a mantissa in [1, 2) and its power of two (0, ±inf and NaN as they are), so that a
  /// product of large and small factors (ACON's (p1 − p2)² by a subnormal h′) overflows or
  /// underflows only if the result does.
  init(normalizing x: DoubleDouble) {
    guard x.hi.isFinite, x.hi != 0 else {
      self.init(x)
      return
    }
    let exponent = Int(x.hi.exponent)
    self.init(x.scaled(by: -exponent), exponent: exponent)
  }

  /// The value rounded to a double, once: a subnormal result is rounded directly to its multiple
  /// of 2⁻¹⁰⁷⁴ (see ``DoubleDouble/roundedToSubnormal(scaledBy:)``), not first to 53 bits.
  var value: Double {
    let rounded = scaledByPowerOfTwo(mantissa.value, exponent)
    guard abs(rounded) < Double.leastNormalMagnitude, rounded.isFinite else { return rounded }
    return mantissa.roundedToSubnormal(scaledBy: exponent)
  }

  /// The value as a double-double (its low part may underflow first; harmless where it is added to
  /// something of order 1).
  var doubleDouble: DoubleDouble { mantissa.scaled(by: exponent) }

  static func * (a: Scaled, b: DoubleDouble) -> Scaled {
    Scaled(a.mantissa * b, exponent: a.exponent)
  }
  static func * (a: Scaled, b: Double) -> Scaled { Scaled(a.mantissa * b, exponent: a.exponent) }
  static func * (a: Scaled, b: Scaled) -> Scaled {
    Scaled(a.mantissa * b.mantissa, exponent: a.exponent + b.exponent)
  }
  static func / (a: Scaled, b: DoubleDouble) -> Scaled {
    Scaled(a.mantissa / b, exponent: a.exponent)
  }
}

/// ln 2 in three parts: `k·ln2Hi` is exact for |k| < 2²⁰ (its low 32 bits are zero), `k·ln2Mid`
/// is formed exactly as a double-double, and ln2Tail carries the next 53 bits, so k·ln 2 is
/// known to ~2⁻¹³⁰·k, far below what eʳ's double-double result can show.
private let ln2Hi = 0.6931471803691238
private let ln2Mid = 1.9082149292705877e-10
private let ln2Tail = 1.1612227229362532e-26

/// eˣ as `m·2ᵏ` with m ∈ [e^(−1/256), 2·e^(1/256)] in double-double, to about 2⁻¹⁰² relative.
func exponential(_ x: DoubleDouble) -> Scaled {
  // Reduction x = (k/128)·ln 2 + r with |r| <= ln 2/256 (x − (k/128)·ln2Hi is exact by Sterbenz'
  // lemma, the other two parts of (k/128)·ln 2 are subtracted in double-double), so
  // eˣ = 2^⌊k/128⌋ · 2^(j/128) · eʳ with j = k mod 128: 2^(j/128) is a double-double table entry
  // (`Tables.powersOfTwo`, from mpmath), and eʳ the Taylor polynomial of degree 10 (remainder
  // below 2⁻¹⁰⁸), its terms of degree 5 and up summed in double (they are below 2⁻⁴⁸), the rest
  // by Horner's rule in double-double. Arguments beyond ±2000 saturate (the scaled result is 0 or
  // inf).
  if x.hi.isNaN { return Scaled(DoubleDouble(.nan)) }
  if x.hi < -2000 { return Scaled(DoubleDouble(0)) }
  if x.hi > 2000 { return Scaled(DoubleDouble(.infinity)) }
  // k = x·128/ln 2 rounded to an integer (adding and subtracting 1.5·2⁵²); |k| < 2¹⁹, so
  // (k/128)·ln2Hi is exact.
  let k = (x.hi * 184.6649652337873 + 0x1.8p52) - 0x1.8p52
  let m = k * 0x1p-7
  let r =
    DoubleDouble(x.hi - m * ln2Hi) + -DoubleDouble.product(m, ln2Mid) + (x.lo - m * ln2Tail)
  let t = r.hi
  let high =
    ((((t * (1.0 / 3_628_800) + 1.0 / 362_880) * t + 1.0 / 40_320) * t + 1.0 / 5040) * t
      + 1.0 / 720) * t + 1.0 / 120
  var series = r * high + inverseFactorial4
  series = series * r + inverseFactorial3
  series = series * r + 0.5
  series = series * r + 1
  series = series * r + 1
  let n = Int(k)
  let j = n & 127
  let power = Tables.powersOfTwo.withUnsafeBufferPointer { table in
    DoubleDouble(table[2 &* j], table[2 &* j &+ 1])
  }
  return Scaled(series * power, exponent: n >> 7)
}

/// 1/24 and 1/6 in double-double.
private let inverseFactorial4 = DoubleDouble(0.041666666666666664, 2.3129646346357427e-18)
private let inverseFactorial3 = DoubleDouble(0.16666666666666666, 9.25185853854297e-18)

func exponential(_ x: Double) -> Scaled { exponential(DoubleDouble(x)) }

/// The logistic function σ(v) = 1/(1 + e⁻ᵛ), branching on the sign of v so the exponential is
/// never large: 1/(1 + e⁻ᵛ) for v >= 0, eᵛ/(1 + eᵛ) for v < 0 (scaled, so a subnormal σ keeps
/// its digits until the final rounding).
func logistic(_ v: DoubleDouble) -> Scaled {
  if v.hi >= 0 {
    return Scaled(DoubleDouble(1) / (exponential(-v).doubleDouble + 1))
  }
  let e = exponential(v)
  return e / (e.doubleDouble + 1)
}

/// σ′(v) = σ(v)·σ(−v) = e^−|v| / (1 + e^−|v|)², which has no cancellation anywhere.
func logisticDerivative(_ v: DoubleDouble) -> Scaled {
  let e = exponential(v.hi < 0 ? v : -v)
  let d = e.doubleDouble + 1
  return e / (d * d)
}

/// σ″(v) = σ′(v)·(1 − 2σ(v)) = −sign(v)·e·(1 − e)/(1 + e)³ with e = e^−|v|: a product with no
/// cancellation, 1 − e formed as −(e^−|v| − 1) by ``exponentialMinusOne(_:)`` so it keeps its
/// digits near v = 0, and e scaled, so a subnormal σ″ keeps its digits until it is rounded.
/// Its zero at v = ±0 has the sign of σ″ beside it: −0 for +0, +0 for −0.
func logisticSecondDerivative(_ v: DoubleDouble) -> Scaled {
  let negative = v.hi.sign == .minus
  let magnitude = negative ? -v : v
  let e = exponential(-magnitude)
  let d = e.doubleDouble + 1
  let curvature = e * -exponentialMinusOne(-magnitude) / (d * d * d)
  return negative ? curvature : curvature * -1
}

/// log(1 + e^−|v|), the bounded part of softplus, in double-double: softplus(v) = max(v, 0) +
/// softplusTail(v). libm's `log1p` gives y to about an ULP; one Newton step on eʸ = 1 + e,
/// y ← y + (1 + e)·e⁻ʸ − 1 with a double-double exponential, makes it exact to double-double.
func softplusTail(_ v: DoubleDouble) -> DoubleDouble {
  if v.hi.isNaN { return DoubleDouble(.nan) }
  let e = exponential(v.hi < 0 ? v : -v).doubleDouble
  if e.hi == 0 { return DoubleDouble(0) }
  // For small e, the series log1p(e) = e − e²/2 + e³/3 − … (12 terms reach 2⁻¹¹⁰ below 2⁻¹⁰):
  // the Newton step would subtract 1 from a number within e of 1 and lose e's digits.
  if e.hi < 0x1p-10 {
    var series = DoubleDouble(1.0 / 12)
    for n in stride(from: 11, through: 1, by: -1) {
      series = DoubleDouble(1) / Double(n) + -(series * e)
    }
    return series * e
  }
  let y = Libm.log1p(e.hi)
  let correction = exponential(DoubleDouble(-y)).doubleDouble * (e + 1) + -1
  return DoubleDouble(y) + correction
}

/// tanh(x) in double-double: Lambert's continued fraction x/(1 + q) for |x| < 0.55, where it
/// converges in a few terms and has no cancellation, else (1 − e)/(1 + e) with e = e^−2|x|.
func hyperbolicTangent(_ x: DoubleDouble) -> DoubleDouble {
  let magnitude = abs(x.hi)
  if magnitude < 0.55 { return x / (lambertTail(x) + 1) }
  let e = exponential(DoubleDouble(-2 * magnitude) + (x.hi < 0 ? 2 * x.lo : -2 * x.lo)).doubleDouble
  let t = (-e + 1) / (e + 1)
  return x.hi < 0 ? -t : t
}

/// q(x) with tanh(x) = x/(1 + q): q = x²/(3 + x²/(5 + x²/(7 + …))), all terms positive, in
/// double-double; depth 12 reaches 1e-32 for |x| < 0.55 and 1e-20 for |x| <= 3.
func lambertTail(_ x: DoubleDouble, depth: Int = 12) -> DoubleDouble {
  let square = x * x
  var denominator = DoubleDouble(Double(2 * depth + 3))
  for k in stride(from: depth, through: 1, by: -1) {
    denominator = square / denominator + Double(2 * k + 1)
  }
  return square / denominator
}

/// eˣ − 1 in double-double: the Taylor series x·(1 + x/2·(1 + x/3·(…))) for |x| < 1/2, where
/// subtracting 1 from eˣ would cancel, else eˣ − 1.
func exponentialMinusOne(_ x: DoubleDouble) -> DoubleDouble {
  guard abs(x.hi) < 0.5 else { return exponential(x).doubleDouble + -1 }
  var series = DoubleDouble(1)
  for n in stride(from: 26, through: 2, by: -1) {
    series = series * x / Double(n) + 1
  }
  return series * x
}
