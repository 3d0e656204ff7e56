// The fast kernels: double precision with an extra word where it matters, table-driven, for the
// common case of every argument. They are a few roundings from the truth (well inside the ULP
// budgets of the accuracy contract); the double-double kernels in Kernels.swift remain for the
// narrow regions where these do not apply. The tables come from Scripts/kernels/make_tables.py.

// No fused multiply-add here: Swift builds for the baseline x86-64 (no FMA instructions), where
// `addingProduct` is a call into libm that costs more than the kernel. Exact products use
// Dekker's algorithm with Veltkamp's splitting instead, which needs plain arithmetic only.

/// a·b exactly, as the rounded product and its error (Dekker), for |a|, |b| < 2⁹⁹⁰ and a product
/// that does not underflow.
@inline(__always)
func exactProduct(_ a: Double, _ b: Double) -> (hi: Double, lo: Double) {
  let p = a * b
  let (ah, al) = veltkampSplit(a)
  let (bh, bl) = veltkampSplit(b)
  return (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}

/// a as hi + lo with hi holding the top 26 bits of a's significand, exactly.
@inline(__always)
func veltkampSplit(_ a: Double) -> (hi: Double, lo: Double) {
  let c = 134_217_729 * a  // 2²⁷ + 1
  let hi = c - (c - a)
  return (hi, a - hi)
}

/// e^(a + b) as hi + lo (hi is the table's 2^(k/128), |lo| <= 0.003·hi), to about 2⁻⁶⁰ relative, for
/// −708 <= a <= 709 and |b| <= 2⁻²⁰·|a| + 2⁻⁴⁰ (a double-double argument): its result is a normal
/// double.
@inline(__always)
func fastExponential(_ a: Double, _ b: Double = 0) -> (hi: Double, lo: Double) {
  // a + b = k·(ln 2)/128 + r with |r| <= ln 2/256 + |b| (k·(ln 2/128)'s leading part is exact,
  // having 35 significant bits), so e^(a + b) = 2^(k/128)·eʳ: 2^(j/128) (j = k mod 128) comes from
  // a table in two doubles, 2^⌊k/128⌋ is built from its bits, and eʳ − 1 is the Taylor polynomial
  // of degree 5 (its remainder is below 2⁻⁶⁰ for |r| < 0.0028). k = a·128/ln 2 rounded to an
  // integer by adding and subtracting 1.5·2⁵² (libm's rint is a call on the baseline x86-64).
  let k = (a * 184.6649652337873 + 0x1.8p52) - 0x1.8p52
  // k·exponentStepHi is exact, and so is its subtraction (Sterbenz).
  let r = ((a - k * Tables.exponentStepHi) - k * Tables.exponentStepLo) + b
  let n = Int(k)
  let j = n & 127
  let power = Double(bitPattern: UInt64(truncatingIfNeeded: 1023 + (n >> 7)) << 52)
  let r2 = r * r
  let tail = r2 * (((r * (1.0 / 120) + 1.0 / 24) * r + 1.0 / 6) * r + 0.5) + r
  return Tables.powersOfTwo.withUnsafeBufferPointer { table in
    let hi = table[2 &* j]
    let lo = hi * tail + table[2 &* j &+ 1]
    return (hi * power, lo * power)
  }
}

/// A polynomial of the tables: [c0 hi, c0 lo, c1, …, c11] at `coefficients`, evaluated at d by
/// Horner's rule as c0 hi + tail, tail = c0 lo + d·(c1 + d·(…)), so the caller rounds the sum
/// once (or multiplies its parts separately).
@inline(__always)
func tablePolynomial(_ coefficients: UnsafePointer<Double>, _ d: Double) -> (
  hi: Double, tail: Double
) {
  var p = coefficients[12]
  p = p * d + coefficients[11]
  p = p * d + coefficients[10]
  p = p * d + coefficients[9]
  p = p * d + coefficients[8]
  p = p * d + coefficients[7]
  p = p * d + coefficients[6]
  p = p * d + coefficients[5]
  p = p * d + coefficients[4]
  p = p * d + coefficients[3]
  p = p * d + coefficients[2]
  return (coefficients[0], p * d + coefficients[1])
}

/// (hi + lo)·(c hi + c tail) for |lo| < 2⁻⁸·|hi|, |c tail| < 2⁻⁸·|c hi|, rounded once but for
/// terms below 2⁻⁶⁰ of it: the product of the leading parts exactly, the others added to its error.
@inline(__always)
func productOfSums(_ hi: Double, _ lo: Double, _ c: (hi: Double, tail: Double)) -> Double {
  let p = exactProduct(hi, c.hi)
  return p.hi + (p.lo + (hi * c.tail + lo * (c.hi + c.tail)))
}

/// e = e^−|v| and s = 1/(1 + e), each as hi + lo: 1 + e is formed exactly (Fast2Sum, e <= 1)
/// and its reciprocal corrected by one Newton step with an exact product, so s is good to about
/// 2⁻¹⁰⁰ relative but for e's own 2⁻⁶⁰. For |v| < 708 (e normal).
@inline(__always)
func fastLogisticParts(_ magnitude: Double) -> (
  e: (hi: Double, lo: Double), s: (hi: Double, lo: Double)
) {
  let e = fastExponential(-magnitude)
  let dh = 1 + e.hi
  let dl = ((1 - dh) + e.hi) + e.lo
  let q = 1 / (dh + dl)
  let p = exactProduct(dh, q)
  let r = ((1 - p.hi) - p.lo) - dl * q
  return (e, (q, q * r))
}

/// σ(v) = 1/(1 + e^−v) by the fast exponential, within about an ULP: s rounded once for v >= 0,
/// e·s for v < 0 (e = e^−|v|, s = 1/(1 + e)); nil for |v| >= 708 (or NaN), where e or the result
/// may be subnormal.
@inline(__always)
func fastLogistic(_ v: Double) -> Double? {
  let magnitude = abs(v)
  guard magnitude < 708 else { return nil }
  let (e, s) = fastLogisticParts(magnitude)
  return v >= 0 ? s.hi + s.lo : productOfSums(e.hi, e.lo, (s.hi, s.lo))
}

/// σ′(v) = e/(1 + e)² = (e·s)·s with e = e^−|v|, s = 1/(1 + e), within about an ULP and a half;
/// nil for |v| >= 708 (or NaN).
@inline(__always)
func fastLogisticDerivative(_ v: Double) -> Double? {
  let magnitude = abs(v)
  guard magnitude < 708 else { return nil }
  let (e, s) = fastLogisticParts(magnitude)
  let t = productOfSums(e.hi, e.lo, (s.hi, s.lo))
  return t * s.hi + t * s.lo
}
