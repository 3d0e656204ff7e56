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
  @inline(__always)
  static func sum(_ a: Double, _ b: Double) -> DoubleDouble {
    let s = a + b
    guard s.isFinite else { return DoubleDouble(s, 0) }
    let bb = s - a
    let error = (a - (s - bb)) + (b - bb)
    return DoubleDouble(s, error)
  }

  /// The exact product `a·b` (exact unless it overflows or underflows).
  ///
  /// Dekker's algorithm with Veltkamp's splitting where every partial product stays normal (plain
  /// arithmetic: the baseline x86-64 has no fused multiply-add instruction, and libm's `fma` is a
  /// call that would cost more than the rest), fused multiply-add near the ends of the range.
  /// Both give the same, exact, error term.
  @inline(__always)
  static func product(_ a: Double, _ b: Double) -> DoubleDouble {
    let p = a * b
    guard p.isFinite else { return DoubleDouble(p, 0) }
    if abs(p) > 0x1p-900 && abs(a) < 0x1p995 && abs(b) < 0x1p995 {
      return DoubleDouble(p, exactProduct(a, b).lo)
    }
    return DoubleDouble(p, (-p).addingProduct(a, b))
  }

  /// The rounded value `hi + lo` (with `hi`'s sign of zero when `lo` is 0).
  var value: Double { lo == 0 ? hi : hi + lo }

  @inline(__always)
  static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
    let s = sum(a.hi, b.hi)
    return renormalized(s.hi, s.lo + a.lo + b.lo)
  }

  @inline(__always)
  static func + (a: Double, b: DoubleDouble) -> DoubleDouble { b + a }

  @inline(__always)
  static func + (a: DoubleDouble, b: Double) -> DoubleDouble {
    let s = sum(a.hi, b)
    return renormalized(s.hi, s.lo + a.lo)
  }

  @inline(__always)
  static func * (a: DoubleDouble, b: Double) -> DoubleDouble {
    let p = product(a.hi, b)
    return renormalized(p.hi, p.lo + a.lo * b)
  }

  @inline(__always)
  static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
    let p = product(a.hi, b.hi)
    return renormalized(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi))
  }

  /// `a / b` to about 2⁻¹⁰⁴ relative, for a `Double` divisor.
  @inline(__always)
  static func / (a: DoubleDouble, b: Double) -> DoubleDouble {
    let q = a.hi / b
    // The remainder a − q·b, exact: q·b exactly, then a − (q·b) by Sterbenz' lemma; it corrects
    // the first quotient.
    let remainder = q.isFinite ? (-product(q, b) + a.hi).hi : 0
    return renormalized(q, (remainder + a.lo) / b)
  }

  /// `a / b` to about 2⁻¹⁰⁴ relative: one long-division correction step.
  @inline(__always)
  static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
    let q1 = a.hi / b.hi
    let remainder = a + -(b * q1)
    return renormalized(q1, remainder.hi / b.hi)
  }

  @inline(__always)
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
    DoubleDouble(scaledByPowerOfTwo(hi, exponent), scaledByPowerOfTwo(lo, exponent))
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

  @inline(__always)
  private static func renormalized(_ hi: Double, _ lo: Double) -> DoubleDouble {
    if lo == 0 || !hi.isFinite { return DoubleDouble(hi, 0) }
    let s = hi + lo
    guard s.isFinite else { return DoubleDouble(s, 0) }
    return DoubleDouble(s, lo - (s - hi))
  }
}

/// x·2ⁿ: one multiplication by 2ⁿ built from its bits where 2ⁿ is a normal double (the generic
/// `Double(sign:exponent:significand:)` is much slower), which is exact unless the result leaves
/// the normal range and then rounded once, as the generic initializer rounds it.
@inline(__always)
func scaledByPowerOfTwo(_ x: Double, _ n: Int) -> Double {
  guard n >= -1022 && n <= 1023 else { return Double(sign: .plus, exponent: n, significand: x) }
  return x * Double(bitPattern: UInt64(truncatingIfNeeded: n &+ 1023) << 52)
}
