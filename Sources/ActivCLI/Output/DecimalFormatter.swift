import Activations

/// Shortest round-trip decimals written as ASCII straight into memory, with no `String` on the way:
/// byte for byte what ``shortestDecimal(_:)`` returns (Swift's `description` without a trailing
/// ".0"), for every double.
///
/// The digits come from Schubfach (R. Giulietti, "The Schubfach way to render doubles", 2021): the
/// shortest decimal in the double's rounding interval, the closest to the double among those, ties
/// to an even last digit. The layout follows Swift's `description`: exponential form ("1e-05",
/// "1.5e+300", at least two exponent digits) below 10⁻⁴ and above 2⁵³ in magnitude, plain
/// decimals ("0.001", "-2.95", "1000000") in between; "nan", "inf", "-inf", "0", "-0".
enum DecimalFormatter {
  /// The most bytes ``write(_:to:)`` may touch after its pointer, including scratch past the
  /// number's end; callers keep this much room. (The longest number, "-2.2250738585072014e-308",
  /// is 24 bytes.)
  static let scratchLength = 48

  /// Writes the shortest decimal of `x` at `out` and returns its length; may scribble up to
  /// ``scratchLength`` bytes.
  @inline(__always)
  static func write(_ x: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
    let bits = x.bitPattern
    let magnitude = bits & 0x7FFF_FFFF_FFFF_FFFF
    let biased = Int(truncatingIfNeeded: magnitude >> 52)
    let fraction = magnitude & 0x000F_FFFF_FFFF_FFFF
    if biased == 0x7FF {
      if fraction != 0 { return store("nan", 3, out) }
      return bits == magnitude ? store("inf", 3, out) : store("-inf", 4, out)
    }
    let (start, sign) = writeSign(bits, to: out)
    if magnitude == 0 { return sign + store("0", 1, start) }
    let c: UInt64
    let q: Int
    if biased != 0 {
      c = fraction | (1 << 52)
      q = biased - 1075
      // A whole number below 2^53 prints as itself.
      if q <= 0 && q > -53 {
        let whole = c >> UInt64(-q)
        if whole << UInt64(-q) == c { return sign + writeDigits(whole, to: start) }
      }
    } else {
      c = fraction
      q = -1074
    }
    let (digits, exponent) = shortest(c, q)
    // Above 2^53 (the end of the consecutive integers) always exponential, as Swift prints.
    return sign + layout(digits, exponent, exponential: magnitude > 0x4340_0000_0000_0000, start)
  }

  /// Writes `-` when the sign bit of `bits` is set; returns where the digits go and the sign's
  /// length.
  @inline(__always)
  private static func writeSign(_ bits: UInt64, to out: UnsafeMutablePointer<UInt8>) -> (
    start: UnsafeMutablePointer<UInt8>, length: Int
  ) {
    guard bits >> 63 != 0 else { return (out, 0) }
    out.pointee = UInt8(ascii: "-")
    return (out + 1, 1)
  }

  /// Writes `x` as C's `%.*g` with `precision` significant digits would (1 ≤ precision ≤ 15, x
  /// finite), from the shortest digits: when those have at most `precision` digits they are the
  /// correctly rounded ones (a double is within 2⁻⁵³ of them, well inside half a unit of the 15th
  /// digit), and otherwise rounding them gives the correctly rounded digits unless they end in a
  /// 5 exactly one place past `precision` (then x itself may sit on either side of the tie).
  /// Returns nil in that case, for precision above 15 and for subnormals, and leaves those to
  /// `snprintf`.
  @inline(__always)
  static func writeSignificant(_ x: Double, precision: Int, to out: UnsafeMutablePointer<UInt8>)
    -> Int?
  {
    guard precision <= 15, x.isFinite else { return nil }
    let p = max(precision, 1)
    let bits = x.bitPattern
    let magnitude = bits & 0x7FFF_FFFF_FFFF_FFFF
    let (start, sign) = writeSign(bits, to: out)
    if magnitude == 0 { return sign + store("0", 1, start) }
    let biased = Int(truncatingIfNeeded: magnitude >> 52)
    // A subnormal has fewer than 53 bits: its shortest digits can be far from the correctly
    // rounded ones.
    guard biased != 0 else { return nil }
    var (digits, exponent) = shortest(
      (magnitude & 0x000F_FFFF_FFFF_FFFF) | (1 << 52), biased - 1075)
    while digits % 10 == 0 {
      digits /= 10
      exponent += 1
    }
    var count = digitCount(digits)
    if count > p {
      let dropped = count - p
      if dropped == 1 && digits % 10 == 5 { return nil }
      let unit = PowersOfTen.integer(dropped)
      var kept = digits / unit
      if digits - kept * unit >= unit / 2 { kept += 1 }
      exponent += dropped
      count = p
      if kept == PowersOfTen.integer(p) {
        kept /= 10
        exponent += 1
      }
      digits = kept
    }
    let scientific = exponent + count - 1
    return sign + layout(digits, exponent, exponential: scientific >= p, start)
  }

  @inline(__always)
  private static func digitCount(_ n: UInt64) -> Int {
    var count = 1
    var limit: UInt64 = 10
    while count < 19 && n >= limit {
      count += 1
      limit &*= 10
    }
    return count
  }

  /// The shortest decimal of `x` as bytes (for tests and small callers).
  static func bytes(_ x: Double) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: scratchLength) { buffer, count in
      count = write(x, to: buffer.baseAddress!)
    }
  }

  @inline(__always)
  private static func store(_ text: StaticString, _ count: Int, _ out: UnsafeMutablePointer<UInt8>)
    -> Int
  {
    out.update(from: text.utf8Start, count: count)
    return count
  }

  /// Schubfach: the decimal `digits·10^exponent` for `c·2^q` (c > 0).
  @inline(__always)
  private static func shortest(_ c: UInt64, _ q: Int) -> (digits: UInt64, exponent: Int) {
    let open: UInt64 = c & 1  // an odd significand's interval excludes its ends
    let cb = c << 2
    let cbr = cb + 2
    let cbl: UInt64
    let k: Int
    if c != 1 << 52 || q == -1074 {
      cbl = cb - 2
      k = (q &* 661_971_961_083) >> 41  // ⌊log10(2^q)⌋
    } else {
      // The lower neighbour is half as far: the interval is [c - 1/4, c + 1/2]·2^q.
      cbl = cb - 1
      k = (q &* 661_971_961_083 &- 274_743_187_321) >> 41  // ⌊log10(3/4·2^q)⌋
    }
    let h = q + (((-k) &* 913_124_641_741) >> 38) + 2  // q + ⌊log2(10^-k)⌋ + 2, in 1...4
    let (g1, g0) = decimalPowerTable.withUnsafeBufferPointer { table in
      let index = (k + 324) &* 2
      return (table[index], table[index + 1])
    }
    let vb = scaled(g1, g0, cb << UInt64(h))
    let vbl = scaled(g1, g0, cbl << UInt64(h))
    let vbr = scaled(g1, g0, cbr << UInt64(h))
    let s = vb >> 2
    // One digit fewer, if exactly one of the two neighbouring multiples of 10 is inside.
    let sp10 = (s / 10) &* 10
    let tp10 = sp10 &+ 10
    let lowerIn = vbl &+ open <= sp10 << 2
    let upperIn = (tp10 << 2) &+ open <= vbr
    if lowerIn != upperIn { return (lowerIn ? sp10 : tp10, k) }
    let t = s &+ 1
    let sIn = vbl &+ open <= s << 2
    let tIn = (t << 2) &+ open <= vbr
    if sIn != tIn { return (sIn ? s : t, k) }
    // Both inside: the closer one, an even one on a tie.
    let difference = Int64(bitPattern: vb &- ((s &+ t) << 1))
    return (difference < 0 || (difference == 0 && s & 1 == 0) ? s : t, k)
  }

  /// ⌊g·cp / 2^127⌋ with the lowest bit set when the division is inexact ("round to odd"), for the
  /// 126-bit g = g1·2^63 + g0.
  @inline(__always)
  private static func scaled(_ g1: UInt64, _ g0: UInt64, _ cp: UInt64) -> UInt64 {
    let x1 = g0.multipliedFullWidth(by: cp).high
    let (y1, y0) = g1.multipliedFullWidth(by: cp)
    let z = (y0 >> 1) &+ x1
    let high = y1 &+ (z >> 63)
    let mask: UInt64 = (1 << 63) - 1
    return high | (((z & mask) &+ mask) >> 63)
  }

  /// Writes `digits·10^exponent` at `out` in Swift's layout; returns the length.
  @inline(__always)
  private static func layout(
    _ digits: UInt64, _ exponent: Int, exponential: Bool, _ out: UnsafeMutablePointer<UInt8>
  ) -> Int {
    let raw = UnsafeMutableRawPointer(out)
    let all = writeDigits(digits, to: out)
    var count = all
    // Drop trailing zeros (Schubfach's shorter candidates end in 0), eight digits at a time.
    while count >= 8 {
      let last8 = UInt64(
        littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
      let zeros = (last8 ^ 0x3030_3030_3030_3030).leadingZeroBitCount &>> 3
      if zeros < 8 {
        count -= zeros
        break
      }
      count -= 8
    }
    while count > 1 && out[count - 1] == UInt8(ascii: "0") { count -= 1 }
    let scientific = exponent + all - 1  // the power of ten of the first digit
    if exponential || scientific < -4 {
      var end = 1
      if count > 1 {
        // "d.ddd": the digits after the first move one byte right (at most 16 of them).
        let a = raw.loadUnaligned(fromByteOffset: 1, as: UInt64.self)
        let b = raw.loadUnaligned(fromByteOffset: 9, as: UInt64.self)
        raw.storeBytes(of: a, toByteOffset: 2, as: UInt64.self)
        raw.storeBytes(of: b, toByteOffset: 10, as: UInt64.self)
        out[1] = UInt8(ascii: ".")
        end = count + 1
      }
      out[end] = UInt8(ascii: "e")
      out[end + 1] = scientific < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
      let power = scientific.magnitude
      if power < 100 {
        out[end + 2] = UInt8(truncatingIfNeeded: power / 10) &+ 0x30
        out[end + 3] = UInt8(truncatingIfNeeded: power % 10) &+ 0x30
        return end + 4
      }
      out[end + 2] = UInt8(truncatingIfNeeded: power / 100) &+ 0x30
      out[end + 3] = UInt8(truncatingIfNeeded: power / 10 % 10) &+ 0x30
      out[end + 4] = UInt8(truncatingIfNeeded: power % 10) &+ 0x30
      return end + 5
    }
    if scientific >= 0 {
      // scientific <= 15 here, as the value is at most 2^53.
      let whole = scientific + 1
      if count <= whole {
        raw.storeBytes(of: 0x3030_3030_3030_3030 as UInt64, toByteOffset: count, as: UInt64.self)
        raw.storeBytes(
          of: 0x3030_3030_3030_3030 as UInt64, toByteOffset: count + 8, as: UInt64.self)
        return whole
      }
      // The fraction digits (at most 16) move one byte right to make room for the point.
      let a = raw.loadUnaligned(fromByteOffset: whole, as: UInt64.self)
      let b = raw.loadUnaligned(fromByteOffset: whole + 8, as: UInt64.self)
      raw.storeBytes(of: a, toByteOffset: whole + 1, as: UInt64.self)
      raw.storeBytes(of: b, toByteOffset: whole + 9, as: UInt64.self)
      out[whole] = UInt8(ascii: ".")
      return count + 1
    }
    // -4 <= scientific <= -1: "0." and -scientific - 1 zeros before the digits.
    let a = raw.loadUnaligned(as: UInt64.self)
    let b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    let c = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
    raw.storeBytes(of: UInt64(0x3030_3030_3030_2E30).littleEndian, as: UInt64.self)  // "0.000000"
    let shift = 1 - scientific
    raw.storeBytes(of: a, toByteOffset: shift, as: UInt64.self)
    raw.storeBytes(of: b, toByteOffset: shift + 8, as: UInt64.self)
    raw.storeBytes(of: c, toByteOffset: shift + 16, as: UInt64.self)
    return shift + count
  }

  /// Writes the decimal digits of `n` (0 < n < 10^17) at `out`; returns how many. May write up to
  /// 18 bytes.
  @inline(__always)
  static func writeDigits(_ n: UInt64, to out: UnsafeMutablePointer<UInt8>) -> Int {
    let raw = UnsafeMutableRawPointer(out)
    if n < 100_000_000 {
      let chunk = eightDigits(n)
      let leading = (chunk ^ 0x3030_3030_3030_3030).trailingZeroBitCount / 8
      raw.storeBytes(of: (chunk >> UInt64(leading * 8)).littleEndian, as: UInt64.self)
      return 8 - leading
    }
    let high = n / 100_000_000
    let low = n &- high &* 100_000_000
    let count: Int
    if high < 100_000_000 {
      let chunk = eightDigits(high)
      let leading = (chunk ^ 0x3030_3030_3030_3030).trailingZeroBitCount / 8
      raw.storeBytes(of: (chunk >> UInt64(leading * 8)).littleEndian, as: UInt64.self)
      count = 8 - leading
    } else {
      let top = high / 100_000_000
      out[0] = UInt8(truncatingIfNeeded: top) &+ 0x30
      raw.storeBytes(
        of: eightDigits(high &- top &* 100_000_000).littleEndian, toByteOffset: 1, as: UInt64.self)
      count = 9
    }
    raw.storeBytes(of: eightDigits(low).littleEndian, toByteOffset: count, as: UInt64.self)
    return count + 8
  }

  /// The eight decimal digits of `n` < 10^8 (with leading zeros) as ASCII, the first digit in the
  /// lowest byte: split into halves of four digits, then two, then one, in parallel lanes.
  @inline(__always)
  static func eightDigits(_ n: UInt64) -> UInt64 {
    let upper = (n &* 109_951_163) >> 40  // n / 10^4
    var x = upper | ((n &- upper &* 10_000) << 32)
    let hundreds = ((x &* 10_486) >> 20) & 0x0000_007F_0000_007F  // each lane / 100
    x = hundreds | ((x &- hundreds &* 100) << 16)
    let tens = ((x &* 103) >> 10) & 0x000F_000F_000F_000F  // each lane / 10
    x = tens | ((x &- tens &* 10) << 8)
    return x | 0x3030_3030_3030_3030
  }
}
