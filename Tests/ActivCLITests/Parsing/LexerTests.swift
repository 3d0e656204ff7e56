import Activations
import Testing

@testable import ActivCLI

/// One command line and the tokens it must lex to.
struct LexerCase: Sendable, CustomTestStringConvertible {
  var arguments: [String]
  var tokens: [Token]

  var testDescription: String { arguments.map { "'\($0)'" }.joined(separator: " ") }
}

@Suite("Lexer")
struct LexerTests {
  static let cases: [LexerCase] = [
    LexerCase(
      arguments: ["--points", "5"], tokens: [.long(name: "points", value: nil), .word("5")]),
    LexerCase(arguments: ["--points=5"], tokens: [.long(name: "points", value: "5")]),
    LexerCase(arguments: ["--format="], tokens: [.long(name: "format", value: "")]),
    LexerCase(arguments: ["--output=a=b"], tokens: [.long(name: "output", value: "a=b")]),
    LexerCase(arguments: ["--grad"], tokens: [.long(name: "grad", value: nil)]),
    LexerCase(
      arguments: ["relu", "--", "--grad", "-h", "-o", "--"],
      tokens: [.word("relu"), .terminator, .word("--grad"), .word("-h"), .word("-o"), .word("--")]),
    LexerCase(arguments: ["-3"], tokens: [.word("-3")]),
    LexerCase(arguments: ["-0.5"], tokens: [.word("-0.5")]),
    LexerCase(arguments: ["-.5"], tokens: [.word("-.5")]),
    LexerCase(arguments: ["-1e-3"], tokens: [.word("-1e-3")]),
    LexerCase(arguments: ["-5", "5"], tokens: [.word("-5"), .word("5")]),
    LexerCase(arguments: ["-"], tokens: [.word("-")]),
    LexerCase(
      arguments: ["-o", "out.csv"], tokens: [.short(name: "o", attached: nil), .word("out.csv")]),
    LexerCase(arguments: ["-oout.csv"], tokens: [.short(name: "o", attached: "out.csv")]),
    LexerCase(arguments: ["-o=out.csv"], tokens: [.short(name: "o", attached: "out.csv")]),
    LexerCase(arguments: ["-o-"], tokens: [.short(name: "o", attached: "-")]),
    LexerCase(arguments: ["-h"], tokens: [.short(name: "h", attached: nil)]),
    LexerCase(arguments: ["-x"], tokens: [.short(name: "x", attached: nil)]),
    LexerCase(arguments: ["-inf"], tokens: [.word("-inf")]),
    LexerCase(arguments: ["-Infinity"], tokens: [.word("-Infinity")]),
    LexerCase(arguments: ["-NaN"], tokens: [.word("-NaN")]),
    LexerCase(arguments: ["inf", "nan"], tokens: [.word("inf"), .word("nan")]),
    LexerCase(arguments: ["elu(alpha=-1)"], tokens: [.word("elu(alpha=-1)")]),
    LexerCase(arguments: [], tokens: []),
  ]

  @Test("lexes", arguments: cases)
  func lexes(_ testCase: LexerCase) {
    #expect(Lexer.tokens(testCase.arguments) == testCase.tokens)
  }

  @Test(
    "numbers are words, never options",
    arguments: ["-3", "-0.5", "-.5", "-1e-3", "-0", "-9x", "-inf", "-Infinity", "-NAN"])
  func negativeNumbersLookNumeric(_ word: String) {
    #expect(DecimalNumeral.isNegativeNumberShaped(word))
  }

  @Test(
    "option-like words are not numbers",
    arguments: ["-o", "-h", "-.", "-e5", "--", "3", "", "-info", "inf"])
  func optionsDoNotLookNumeric(_ word: String) {
    #expect(!DecimalNumeral.isNegativeNumberShaped(word))
  }
}
