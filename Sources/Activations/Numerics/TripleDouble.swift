/// An unevaluated sum `hi + mid + lo` of three doubles: about 2⁻¹⁵⁰ relative, for the rare place
/// where double-double's ~2⁻¹⁰⁴ is not enough and no precomputed ``RootExpansion`` can help.
struct TripleDouble: Sendable {
  // That place is Meta-ACON's f″: its bracket cancels to ~1e-17 of its terms at three roots whose
  // positions move with p1 − p2, so they cannot be tabulated, and a double-double bracket (absolute
  // error ~1e-31) loses all but a few digits at the doubles next to them. Every operation collects
  // the exact partial results of the error-free transformations (`twoSum`, `twoProduct`) and
  // rounds them to three parts (``normalized(_:)``), so nothing is lost before the final
  // truncation. It is slow (arrays, sorting): the callers use it only when the double-double
  // result has cancelled.

  var hi: Double
  var mid: Double
  var lo: Double

  init(_ hi: Double, _ mid: Double = 0, _ lo: Double = 0) {
    self.hi = hi
    self.mid = mid
    self.lo = lo
  }

  init(_ x: DoubleDouble) { self.init(x.hi, x.lo) }

  /// The double-double nearest the value (the third part folded into the second).
  var doubleDouble: DoubleDouble { DoubleDouble(hi) + DoubleDouble.sum(mid, lo) }

  /// The value rounded to a double.
  var value: Double { doubleDouble.value }

  /// The exact sum of `terms` in three parts: the largest-first accumulation of the terms
  /// (`twoSum` keeps each rounding error as a new term), its errors accumulated again for the
  /// middle part, and what is left summed for the last. The relative error is ~n³·2⁻¹⁵⁹ for n
  /// terms.
  static func normalized(_ terms: [Double]) -> TripleDouble {
    var remaining = terms.filter { $0 != 0 }
    var parts: [Double] = []
    while parts.count < 2 && !remaining.isEmpty {
      remaining.sort { abs($0) > abs($1) }
      // Sum from the smallest up; each rounding error becomes a term of the remainder.
      var sum = remaining[remaining.count - 1]
      var errors: [Double] = []
      for term in remaining.dropLast().reversed() {
        let s = DoubleDouble.sum(term, sum)
        if s.lo != 0 { errors.append(s.lo) }
        sum = s.hi
      }
      guard sum.isFinite else { return TripleDouble(sum) }
      parts.append(sum)
      remaining = errors
    }
    let last = remaining.reduce(0, +)
    // Make the parts non-overlapping (a sum of sorted terms can be a few ULPs from the exact one).
    let top = DoubleDouble.sum(parts.first ?? 0, parts.count > 1 ? parts[1] : 0)
    let bottom = DoubleDouble.sum(top.lo, last)
    return TripleDouble(top.hi, bottom.hi, bottom.lo)
  }

  static func + (a: TripleDouble, b: TripleDouble) -> TripleDouble {
    normalized([a.hi, a.mid, a.lo, b.hi, b.mid, b.lo])
  }

  static func + (a: TripleDouble, b: Double) -> TripleDouble {
    normalized([a.hi, a.mid, a.lo, b])
  }

  static prefix func - (a: TripleDouble) -> TripleDouble {
    TripleDouble(-a.hi, -a.mid, -a.lo)
  }

  static func - (a: TripleDouble, b: TripleDouble) -> TripleDouble { a + -b }

  /// The product: every partial product whose size reaches 2⁻¹⁶⁰ of the result, exactly.
  static func * (a: TripleDouble, b: TripleDouble) -> TripleDouble {
    let x = [a.hi, a.mid, a.lo]
    let y = [b.hi, b.mid, b.lo]
    var terms: [Double] = []
    for i in 0..<3 {
      for j in 0..<3 {
        if i + j <= 2 {
          let p = DoubleDouble.product(x[i], y[j])
          terms += [p.hi, p.lo]
        } else {
          terms.append(x[i] * y[j])
        }
      }
    }
    return normalized(terms)
  }

  static func * (a: TripleDouble, b: Double) -> TripleDouble {
    let parts = [a.hi, a.mid, a.lo].map { DoubleDouble.product($0, b) }
    return normalized(parts.flatMap { [$0.hi, $0.lo] })
  }

  /// The quotient by long division: three correction steps on the double quotient.
  static func / (a: TripleDouble, b: TripleDouble) -> TripleDouble {
    var quotients: [Double] = []
    var remainder = a
    for _ in 0..<4 {
      let q = remainder.hi / b.hi
      quotients.append(q)
      remainder = remainder - b * q
    }
    return normalized(quotients)
  }

  static func / (a: TripleDouble, b: Double) -> TripleDouble { a / TripleDouble(b) }

  /// `self·2ⁿ`, exact unless a part leaves the normal range.
  func scaled(by exponent: Int) -> TripleDouble {
    TripleDouble(
      Double(sign: .plus, exponent: exponent, significand: hi),
      Double(sign: .plus, exponent: exponent, significand: mid),
      Double(sign: .plus, exponent: exponent, significand: lo))
  }
}

/// ln 2 in triple-double (mpmath).
private let ln2 = TripleDouble(0.6931471805599453, 2.3190468138462996e-17, 5.707708438416212e-34)

/// eˣ in triple-double, for moderate x (|x| < 700, the result a normal double) to ~2⁻¹⁴⁰.
///
/// x = k·ln 2 + r with |r| <= ln 2 / 2; eʳ = (e^(r/2¹⁰))^(2¹⁰), the inner exponential a Taylor
/// series of degree 12 (its remainder ~1e-55) squared ten times (which multiplies its relative
/// error by 2¹⁰).
func exponential(_ x: TripleDouble) -> TripleDouble {
  if x.hi.isNaN { return TripleDouble(.nan) }
  let k = (x.hi / ln2.hi).rounded()
  let r = (x - ln2 * k).scaled(by: -10)
  var series = TripleDouble(1)
  for n in stride(from: 12, through: 1, by: -1) {
    series = series * r / Double(n) + 1
  }
  for _ in 0..<10 { series = series * series }
  return series.scaled(by: Int(k))
}
