/// A finite decimal number as written: optional sign, digits with an optional point, optional
/// exponent (`-3`, `0.5`, `.5`, `5.`, `+2`, `1e-3`). This is the one place that decides whether a
/// word is a number, for spec values, expression literals, option values, ranges and `--input`
/// lines alike; `nan`, `inf`, hexadecimal, empty text and values that overflow to ±inf are not.
/// The Unicode minus sign U+2212 (`−3`, `1e−3`), which activ's own plot labels print, reads as `-`.
package struct DecimalNumeral: Sendable {
  /// The nearest double.
  package let value: Double
  /// The written digits as an integer and a power of ten, `mantissa·10^exponent` exactly, with
  /// every written digit kept (`2.50` is `250·10⁻²`); nil when the digits do not fit below 2⁵³
  /// or the written exponent is 400 or more in magnitude.
  package let exact: (mantissa: Int64, exponent: Int)?

  /// Integers this small convert to `Double` exactly.
  package static let exactLimit: Int64 = 1 << 53

  package init?(_ written: String) {
    let text = DecimalNumeral.asciiMinus(written)
    let bytes = Array(text.utf8)
    var index = 0
    func at(_ i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }
    func isDigit(_ c: UInt8?) -> Bool {
      c.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
    }
    var negative = false
    if let c = at(index), c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
      negative = c == UInt8(ascii: "-")
      index += 1
    }
    var digits = 0
    var mantissa: Int64? = 0
    var exponent = 0
    func append(_ digit: UInt8) {
      guard let m = mantissa else { return }
      let (times10, overflow1) = m.multipliedReportingOverflow(by: 10)
      let (next, overflow2) = times10.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
      mantissa = overflow1 || overflow2 || next >= DecimalNumeral.exactLimit ? nil : next
    }
    while isDigit(at(index)) {
      append(bytes[index])
      digits += 1
      index += 1
    }
    if at(index) == UInt8(ascii: ".") {
      index += 1
      while isDigit(at(index)) {
        append(bytes[index])
        exponent -= 1
        digits += 1
        index += 1
      }
    }
    guard digits > 0 else { return nil }
    if let c = at(index), c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
      index += 1
      let exponentStart = index
      if let s = at(index), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { index += 1 }
      guard isDigit(at(index)) else { return nil }
      while isDigit(at(index)) { index += 1 }
      // A written exponent too large for an Int, or far beyond any double's, is no exact decimal.
      if let power = Int(String(decoding: bytes[exponentStart...], as: UTF8.self)),
        abs(power) < 400
      {
        exponent += power
      } else {
        mantissa = nil
      }
    }
    guard index == bytes.count, let value = Double(text), value.isFinite else { return nil }
    self.value = value
    self.exact = mantissa.map { (negative ? -$0 : $0, exponent) }
  }

  /// The Unicode minus sign U+2212 anywhere in `text` replaced by `-`.
  package static func asciiMinus(_ text: String) -> String {
    guard text.unicodeScalars.contains(minusSign) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { scalars.append(scalar == minusSign ? "-" : scalar) }
    return String(scalars)
  }

  /// U+2212 MINUS SIGN, as typeset numbers (and activ's plot labels) write a negative number.
  package static let minusSign: Unicode.Scalar = "\u{2212}"

  /// A number in data (`--input` lines, feature maps): a finite decimal, or `nan`, `inf` or
  /// `infinity` in any case, optionally signed, as other tools write them.
  package static func dataValue(_ written: String) -> Double? {
    if let numeral = DecimalNumeral(written) { return numeral.value }
    let text = asciiMinus(written)
    var word = Substring(text)
    var negative = false
    if let sign = word.first, sign == "+" || sign == "-" {
      negative = sign == "-"
      word = word.dropFirst()
    }
    guard isNonFiniteWord(String(word)) else { return nil }
    if word.lowercased() == "nan" { return .nan }
    return negative ? -.infinity : .infinity
  }

  /// Whether a word that starts with `-` is a negative number rather than an option: `-`
  /// followed by a digit, or by `.` and a digit (`-3`, `-.5`, `-1e-3`), or a non-finite word
  /// (`-inf`), which is then refused as a number, not as an unknown option. The minus may be
  /// U+2212 (`−3`).
  package static func isNegativeNumberShaped(_ written: String) -> Bool {
    let word = asciiMinus(written)
    let bytes = Array(word.utf8.prefix(3))
    guard bytes.first == UInt8(ascii: "-") else { return false }
    if bytes.count > 1 && isDigit(bytes[1]) { return true }
    if bytes.count > 2 && bytes[1] == UInt8(ascii: ".") && isDigit(bytes[2]) { return true }
    return isNonFiniteWord(String(word.dropFirst()))
  }

  /// Whether a word is meant as a number, so a range can be told from the specs before it: it
  /// starts with a digit, a sign or a point, or is a non-finite word. Wider than ``init(_:)``
  /// on purpose: `2*x` or `1.5.` there is a number written wrong, reported as such. A leading
  /// U+2212 counts as `-`.
  package static func isNumberShaped(_ written: String) -> Bool {
    let word = asciiMinus(written)
    guard let first = word.utf8.first else { return false }
    if isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
      || first == UInt8(ascii: ".")
    {
      return true
    }
    return isNonFiniteWord(word)
  }

  /// `inf`, `infinity` or `nan` in any case: numbers in C and Python, but never activ's.
  private static func isNonFiniteWord(_ word: String) -> Bool {
    ["inf", "infinity", "nan"].contains(word.lowercased())
  }

  private static func isDigit(_ c: UInt8) -> Bool {
    c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
  }
}

/// The value of a finite decimal number (see ``DecimalNumeral``), or nil.
package func parseDecimal(_ text: String) -> Double? { DecimalNumeral(text)?.value }
