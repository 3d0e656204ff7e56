import Activations
import Testing

@Suite("Decimal numerals")
struct DecimalNumeralTests {
  /// A numeral and the exact digits it keeps (nil: none), as written.
  struct ExactCase: Sendable, CustomTestStringConvertible {
    var text: String
    var mantissa: Int64?
    var exponent: Int
    var testDescription: String { text }
  }

  @Test(
    "a number keeps its written digits exactly when they fit",
    arguments: [
      ExactCase(text: "-2.95", mantissa: -295, exponent: -2),
      ExactCase(text: "2.50", mantissa: 250, exponent: -2),
      ExactCase(text: "+1e-3", mantissa: 1, exponent: -3),
      ExactCase(text: "1.5E+2", mantissa: 15, exponent: 1),
      ExactCase(text: ".5", mantissa: 5, exponent: -1),
      ExactCase(text: "5.", mantissa: 5, exponent: 0),
      ExactCase(text: "9007199254740992", mantissa: nil, exponent: 0),
      ExactCase(text: "0e999", mantissa: nil, exponent: 0),
      ExactCase(text: "1e-400", mantissa: nil, exponent: 0),
    ])
  func exact(_ testCase: ExactCase) throws {
    let numeral = try #require(DecimalNumeral(testCase.text))
    #expect(numeral.value == Double(testCase.text))
    #expect(numeral.exact?.mantissa == testCase.mantissa)
    if testCase.mantissa != nil { #expect(numeral.exact?.exponent == testCase.exponent) }
  }

  /// The Unicode minus sign U+2212, as activ's plot labels print it, reads as '-'.
  @Test(
    "the Unicode minus reads as '-'",
    arguments: [
      ("\u{2212}3", -3.0), ("\u{2212}0.5", -0.5), ("1e\u{2212}3", 0.001), ("\u{2212}.5", -0.5),
    ])
  func unicodeMinus(_ text: String, _ value: Double) throws {
    let numeral = try #require(DecimalNumeral(text))
    #expect(numeral.value == value)
    #expect(DecimalNumeral.isNumberShaped(text))
    #expect(DecimalNumeral.dataValue("\u{2212}inf") == -.infinity)
    #expect(DecimalNumeral.isNegativeNumberShaped("\u{2212}3"))
    #expect(DecimalNumeral("\u{2212}\u{2212}3") == nil)
  }

  @Test(
    "positionals that start like a number are taken for one",
    arguments: ["3", "-3", "+3", ".5", "2*x", "-x", "-", "inf", "NaN", "Infinity"])
  func numberShaped(_ word: String) {
    #expect(DecimalNumeral.isNumberShaped(word))
  }

  @Test("other positionals are not", arguments: ["x", "mish", "", "e5", "-inf"])
  func notNumberShaped(_ word: String) {
    // `-inf` starts with a sign, so it is number-shaped too.
    #expect(DecimalNumeral.isNumberShaped(word) == (word == "-inf"))
  }

  @Test("data may hold nan and infinities, as other tools write them")
  func dataValues() {
    #expect(DecimalNumeral.dataValue("-2.5") == -2.5)
    #expect(DecimalNumeral.dataValue("NaN")?.isNaN == true)
    #expect(DecimalNumeral.dataValue("-nan")?.isNaN == true)
    #expect(DecimalNumeral.dataValue("+Infinity") == .infinity)
    #expect(DecimalNumeral.dataValue("-inf") == -.infinity)
    for bad in ["", "++inf", "infinite", "1e999", "x"] {
      #expect(DecimalNumeral.dataValue(bad) == nil, "\(bad)")
    }
  }
}
