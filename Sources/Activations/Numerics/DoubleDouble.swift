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
    guard s.isFinite else { return DoubleDouble(s, 0) }
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

  static func + (a: Double, b: DoubleDouble) -> DoubleDouble { b + a }

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

  /// √a in double-double: one Newton step on the double square root.
  static func squareRoot(_ a: DoubleDouble) -> DoubleDouble {
    guard a.hi > 0, a.hi.isFinite else { return DoubleDouble(a.hi.squareRoot(), 0) }
    let root = a.hi.squareRoot()
    let residual = a + -product(root, root)
    return DoubleDouble(root) + residual.hi / (2 * root)
  }

  /// `a · 2ⁿ`, exact unless a part leaves the normal range.
  func scaled(by exponent: Int) -> DoubleDouble {
    DoubleDouble(
      Double(sign: .plus, exponent: exponent, significand: hi),
      Double(sign: .plus, exponent: exponent, significand: lo))
  }

  /// `self·2ⁿ` correctly rounded when the result lies below the normal range: there a double is
  /// an integer multiple of 2⁻¹⁰⁷⁴, so the value scaled by 2¹⁰⁷⁴ is rounded to the nearest integer
  /// (ties to even) in one step, where rounding to 53 bits and then scaling would round twice.
  func roundedToSubnormal(scaledBy exponent: Int) -> Double {
    let units = scaled(by: exponent + 1074)
    guard units.hi.isFinite else { return value }
    var integer = units.hi.rounded(.toNearestOrEven)
    let remainder = (units.hi - integer) + units.lo
    if remainder > 0.5 || (remainder == 0.5 && integer.truncatingRemainder(dividingBy: 2) != 0) {
      integer += 1
    } else if remainder < -0.5
      || (remainder == -0.5 && integer.truncatingRemainder(dividingBy: 2) != 0)
    {
      integer -= 1
    }
    let result = Double(sign: .plus, exponent: -1074, significand: integer)
    return result == 0 ? (hi.sign == .minus ? -0.0 : 0) : result
  }

  private static func renormalized(_ hi: Double, _ lo: Double) -> DoubleDouble {
    if lo == 0 || !hi.isFinite { return DoubleDouble(hi, 0) }
    let s = hi + lo
    guard s.isFinite else { return DoubleDouble(s, 0) }
    return DoubleDouble(s, lo - (s - hi))
  }
}
