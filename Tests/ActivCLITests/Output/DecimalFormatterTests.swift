import Activations
import Testing

@testable import ActivCLI

/// The byte formatter against the String one it replaces on the write path: `shortestDecimal`
/// (Swift's `description` without a trailing ".0") is the reference, for every kind of double.
@Suite struct DecimalFormatterTests {
  /// The first few mismatches, as "reference != formatted" (empty when all agree).
  private func mismatches(_ values: some Sequence<Double>, limit: Int = 5) -> [String] {
    var found: [String] = []
    for x in values {
      let expected = shortestDecimal(x)
      let actual = String(decoding: DecimalFormatter.bytes(x), as: UTF8.self)
      if actual != expected {
        found.append("\(expected) (bits 0x\(String(x.bitPattern, radix: 16))) != \(actual)")
        if found.count == limit { break }
      }
    }
    return found
  }

  @Test func specialValues() {
    let values: [Double] = [
      0, -0.0, .infinity, -.infinity, .nan, -.nan, .signalingNaN, -.signalingNaN,
      Double(bitPattern: 0x7FF8_0000_0000_0001), Double(bitPattern: 0xFFF4_0000_0000_0001),
      .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
      -.leastNonzeroMagnitude, .leastNormalMagnitude, Double.leastNormalMagnitude.nextDown,
      Double.leastNormalMagnitude.nextUp, .ulpOfOne, 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, .pi,
      100,
      123.456, 1e-4, 1e-5, 0.000123, 0.00099999, 1.5e-5, 1e15, 1e16, 1e17, 1e22, 1e23,
      9_007_199_254_740_992,
      9_007_199_254_740_994, 9_007_199_254_740_991, 18_014_398_509_481_984, 4_503_599_627_370_496.5,
      -2.95, -2.9, 2.9000000000000004,
    ]
    // Subnormals of 1 to 4 units and 10 units (5e-324, 1e-323, 1.5e-323, 2e-323, 5e-323), and
    // exact ties between the two closest shortest candidates (the even one wins).
    let more =
      [1, 2, 3, 4, 10].map { Double(bitPattern: $0) }
      + [
        0x4312_1CE4_03A6_5477, 0x42D7_8AE6_D0FE_5C58, 0x431A_29E7_5EFB_F9A7, 0x4276_7554_2040_7980,
        0x42A9_1CE2_BBCD_4620,
      ].map { Double(bitPattern: $0) }
    #expect(mismatches(values + more, limit: 100) == [])
    #expect(String(decoding: DecimalFormatter.bytes(-0.0), as: UTF8.self) == "-0")
    #expect(String(decoding: DecimalFormatter.bytes(-.nan), as: UTF8.self) == "nan")
    #expect(String(decoding: DecimalFormatter.bytes(1e-5), as: UTF8.self) == "1e-05")
  }

  /// Every power of ten and of two that is a double, with both neighbours.
  @Test func powersAndNeighbours() {
    var values: [Double] = []
    for exponent in -323...308 {
      let x = Double("1e\(exponent)")!
      values += [x, x.nextUp, x.nextDown, -x]
    }
    for exponent in -1074...1023 {
      let x = Double(sign: .plus, exponent: exponent, significand: 1)
      values += [x, x.nextUp, x.nextDown]
    }
    #expect(mismatches(values) == [])
  }

  /// The smallest subnormals (1 to 20000 units), where the digits are few and Java's Schubfach
  /// differs from the shortest; and the largest subnormals and smallest normals.
  @Test func subnormals() {
    let small = (1...20_000).map { Double(bitPattern: UInt64($0)) }
    let border = (0..<20_000).map {
      Double(bitPattern: 0x0010_0000_0000_0000 - 10_000 + UInt64($0))
    }
    #expect(mismatches(small + border) == [])
  }

  /// A million random bit patterns (fixed seed): mostly large and tiny exponents.
  @Test func randomBitPatterns() {
    var random = SplitMix64(seed: 8)
    #expect(mismatches((0..<1_000_000).lazy.map { _ in Double(bitPattern: random.next()) }) == [])
  }

  /// Random doubles of moderate size, where the plain decimal layout is used, and random short
  /// decimals and whole numbers, where trailing zeros and ties are common.
  @Test func randomModerateAndShortValues() {
    var random = SplitMix64(seed: 88)
    var values: [Double] = []
    for _ in 0..<300_000 {
      let exponent = Int(random.next() % 70) - 20
      values.append(
        Double(sign: .plus, exponent: exponent, significand: 1 + random.nextUnitInterval()))
      let digits = Double(random.next() % 100_000_000)
      values.append(digits * Double("1e\(Int(random.next() % 30) - 15)")!)
      values.append(-Double(random.next() >> (random.next() % 64)))
    }
    #expect(mismatches(values) == [])
  }

  @Test func eightDigitChunks() {
    for n: UInt64 in [0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 12_345_678, 99_999_999] {
      let chunk = DecimalFormatter.eightDigits(n)
      let text = String(
        decoding: withUnsafeBytes(of: chunk.littleEndian) { Array($0) }, as: UTF8.self)
      let padded = String(repeating: "0", count: 8 - String(n).count) + String(n)
      #expect(text == padded)
    }
    var random = SplitMix64(seed: 888)
    for _ in 0..<100_000 {
      let n = random.next() % 100_000_000
      let chunk = DecimalFormatter.eightDigits(n)
      let text = String(
        decoding: withUnsafeBytes(of: chunk.littleEndian) { Array($0) }, as: UTF8.self)
      #expect(UInt64(text) == n)
    }
  }
}

/// `--precision P` from the shortest digits, against C's `%.*g` (what it replaces when it can).
@Suite struct SignificantDigitsTests {
  private func mismatches(_ values: [Double], precision: Int) -> [String] {
    var found: [String] = []
    var buffer = [UInt8](repeating: 0, count: DecimalFormatter.scratchLength)
    for x in values {
      let count = buffer.withUnsafeMutableBufferPointer {
        DecimalFormatter.writeSignificant(x, precision: precision, to: $0.baseAddress!)
      }
      guard let count else { continue }
      let expected = POSIX.formatSignificant(x, precision: precision)
      let actual = String(decoding: buffer[0..<count], as: UTF8.self)
      if actual != expected {
        found.append("%.\(precision)g of \(x): \(expected) != \(actual)")
        if found.count == 5 { break }
      }
    }
    return found
  }

  @Test func matchesPrintf() {
    var random = SplitMix64(seed: 15)
    var values: [Double] = [
      0, -0.0, 1, -1, 0.5, 0.125, 2.5, 0.15, 0.25, 9.5, 99.5, 999_999.5, 1e-4, 1e-5, 9.9999e-5,
      123_456, 1_234_567, 1e15, 1e16, 0.1, 1.0 / 3, .pi, 5e-324, .greatestFiniteMagnitude,
      .leastNormalMagnitude, 9.995, 0.000_099_995, 1e22, 1e23,
    ]
    for _ in 0..<20_000 {
      values.append(Double(bitPattern: random.next()))
      let exponent = Int(random.next() % 60) - 20
      values.append(
        Double(sign: .plus, exponent: exponent, significand: 1 + random.nextUnitInterval()))
      values.append(Double(random.next() % 2_000_000) / 1000 - 1000)
      values.append(-Double(random.next() % 100_000) * 1e-7)
    }
    for precision in 0...17 {
      #expect(mismatches(values, precision: precision) == [], "precision \(precision)")
    }
  }

  /// Ties of the shortest digits, precision above 15 and subnormals are left to printf.
  @Test func leavesTiesToPrintf() {
    var buffer = [UInt8](repeating: 0, count: DecimalFormatter.scratchLength)
    buffer.withUnsafeMutableBufferPointer { out in
      #expect(DecimalFormatter.writeSignificant(0.125, precision: 2, to: out.baseAddress!) == nil)
      #expect(DecimalFormatter.writeSignificant(2.5, precision: 1, to: out.baseAddress!) == nil)
      #expect(DecimalFormatter.writeSignificant(0.1, precision: 17, to: out.baseAddress!) == nil)
      #expect(DecimalFormatter.writeSignificant(0.1, precision: 16, to: out.baseAddress!) == nil)
      #expect(DecimalFormatter.writeSignificant(5e-320, precision: 3, to: out.baseAddress!) == nil)
      // The usual case is handled.
      #expect(DecimalFormatter.writeSignificant(0.1, precision: 6, to: out.baseAddress!) == 3)
      #expect(DecimalFormatter.writeSignificant(-1.0 / 3, precision: 4, to: out.baseAddress!) == 7)
    }
  }
}
