/// An unevaluated sum `hi + lo` with `|lo| ≤ ulp(hi)/2`: twice the precision of a `Double`.
///
/// activ uses it where one rounding in an argument would be amplified by what follows, for example
/// `β·x` fed to `exp`, where a relative error ε in the argument becomes an error of `|βx|·ε` in the
/// result. The operations are the error-free transformations of Dekker and Knuth (`twoSum`,
/// `twoProduct` through fused multiply-add) and are exact up to the stated final rounding.
struct DoubleDouble: Sendable {
  var hi: Double
  var lo: Double

  init(_ hi: Double, _ lo: Double = 0) {
    self.hi = hi
    self.lo = lo
  }

  /// The exact sum `a + b`.
  static func sum(_ a: Double, _ b: Double) -> DoubleDouble {
    let s = a + b
    let bb = s - a
    let error = (a - (s - bb)) + (b - bb)
    return DoubleDouble(s, error)
  }

  /// The exact product `a·b` (exact unless it overflows or underflows).
  static func product(_ a: Double, _ b: Double) -> DoubleDouble {
    let p = a * b
    return DoubleDouble(p, p.isFinite ? (-p).addingProduct(a, b) : 0)
  }

  /// The rounded value `hi + lo` (with `hi`'s sign of zero when `lo` is 0).
  var value: Double { lo == 0 ? hi : hi + lo }

  static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
    let s = sum(a.hi, b.hi)
    return renormalized(s.hi, s.lo + a.lo + b.lo)
  }

  static func + (a: DoubleDouble, b: Double) -> DoubleDouble {
    let s = sum(a.hi, b)
    return renormalized(s.hi, s.lo + a.lo)
  }

  static func * (a: DoubleDouble, b: Double) -> DoubleDouble {
    let p = product(a.hi, b)
    return renormalized(p.hi, p.lo + a.lo * b)
  }

  static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
    let p = product(a.hi, b.hi)
    return renormalized(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi))
  }

  /// `a / b` to about 2⁻¹⁰⁴ relative, for a `Double` divisor.
  static func / (a: DoubleDouble, b: Double) -> DoubleDouble {
    let q = a.hi / b
    // The remainder a − q·b is exact through fma; it corrects the first quotient.
    let remainder = q.isFinite ? a.hi.addingProduct(-q, b) : 0
    return renormalized(q, (remainder + a.lo) / b)
  }

  /// `a / b` to about 2⁻¹⁰⁴ relative: one long-division correction step.
  static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
    let q1 = a.hi / b.hi
    let remainder = a + -(b * q1)
    return renormalized(q1, remainder.hi / b.hi)
  }

  static prefix func - (a: DoubleDouble) -> DoubleDouble {
    DoubleDouble(-a.hi, -a.lo)
  }

  /// eˣ for |x| <= 4 from its Taylor series, every term in double-double (48 terms reach 1e-32
  /// relative; e^−|x| is taken as the reciprocal, so the series never alternates).
  static func exp(_ x: Double) -> DoubleDouble {
    precondition(abs(x) <= 4)
    var term = DoubleDouble(1)
    var sum = DoubleDouble(1)
    for k in 1...48 {
      term = term * abs(x) / Double(k)
      sum = sum + term
    }
    return x < 0 ? DoubleDouble(1) / sum : sum
  }

  /// e^(hi + lo) for |hi| <= 4: the series at hi, times 1 + lo.
  static func exp(_ x: DoubleDouble) -> DoubleDouble {
    let e = exp(x.hi)
    return x.lo == 0 ? e : e + e * x.lo
  }

  private static func renormalized(_ hi: Double, _ lo: Double) -> DoubleDouble {
    if lo == 0 || !hi.isFinite { return DoubleDouble(hi, 0) }
    let s = hi + lo
    guard s.isFinite else { return DoubleDouble(s, 0) }
    return DoubleDouble(s, lo - (s - hi))
  }
}
