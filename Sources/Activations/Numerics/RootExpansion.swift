/// A function near one of its simple roots, as the Taylor polynomial about the root.
struct RootExpansion: Sendable {
  // At a root of f′ (silu′ at −1.278…, mish′ at −1.192…, gelu′ at −0.752…) or of f″ (silu″ at
  // ±2.399…, mish″ at −2.256… and 1.490…, the tanh-GELU's f″ at ±1.418…) the terms of the
  // derivative cancel completely: within a few ULPs of the root the true value is ~1e-17 while the
  // terms are ~1, so even double-double (~1e-32) cannot give it to a few ULPs. Written as
  // c₁d + c₂d² + c₃d³ + c₄d⁴ with d = x − root formed exactly (the root is a triple-double
  // constant), the value has full relative precision. The root and the coefficients come from
  // mpmath at 80 digits (`Scripts/reference/roots.py` prints them and checks these constants).

  /// The root to triple-double precision, hi + mid + lo: a double-double root is only good to
  /// ~1e-32, and points within a few ULPs of the root have d ~ 1e-18, so d needs ~1e-34.
  let root: (hi: Double, mid: Double, lo: Double)
  /// c₁ … c₄: the derivatives at the root over k!.
  let coefficients: (Double, Double, Double, Double)

  /// Within 2⁻²⁰ of the root the next term, c₅d⁵, is below 1e-24 of the first.
  static let window = 0x1p-20

  /// The expansion's value at x, or nil when x is outside the window around the root.
  func value(at x: DoubleDouble) -> Double? { expansion(at: x)?.value }

  /// The expansion's value at x in double-double, for a caller that scales it before the one
  /// rounding (swish″ = β·h′(βx)), or nil when x is outside the window around the root.
  func expansion(at x: DoubleDouble) -> DoubleDouble? {
    // x.hi − root.hi is exact (Sterbenz) and the low parts are summed exactly: d carries no
    // rounding at all, which matters because d is ~1e-18 where the terms are ~1e-16.
    let distance = DoubleDouble(x.hi - root.hi) + DoubleDouble.sum(x.lo, -root.mid) + -root.lo
    guard abs(distance.hi) < RootExpansion.window else { return nil }
    let d = distance.hi
    let (c1, c2, c3, c4) = coefficients
    return distance * (c1 + d * (c2 + d * (c3 + d * c4)))
  }
}
