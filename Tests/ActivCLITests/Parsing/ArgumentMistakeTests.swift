import Activations
import Testing

@testable import ActivCLI

/// Silent mistakes: command lines that printed wrong output with exit 0 (a range before
/// the functions, `--precision` rounding x, a grid finer than the doubles) and the words that were
/// misread (an expression starting with `-`, the Unicode minus, `LO:HI`). Shared by eval, grad,
/// table, plot, info and apply, so the suite is named for the mistakes, not for one command.
@Suite("Argument mistakes")
struct ArgumentMistakeTests {
  /// A command line that now works, and exactly what it prints.
  struct OutputCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var output: String
    var testDescription: String { "activ " + arguments.joined(separator: " ") }
  }

  static let errorCases: [ErrorCase] = [
    // The range before the functions: refused with the command line that puts it after them.
    ErrorCase(
      arguments: ["table", "-3", "3", "relu", "gelu"], code: .usage,
      message: "the range goes after the functions: activ table relu gelu -3 3"),
    ErrorCase(
      arguments: ["plot", "-3", "3", "relu"], code: .usage,
      message: "the range goes after the functions: activ plot relu -3 3"),
    ErrorCase(
      arguments: ["eval", "-3", "3", "elu(alpha=0.5)"], code: .usage,
      message: "the range goes after the functions: activ eval 'elu(alpha=0.5)' -3 3"),
    ErrorCase(
      arguments: ["grad", "-3", "relu", "3"], code: .usage,
      message: "the range goes after the functions: activ grad relu -3 3"),
    ErrorCase(
      arguments: ["table", "relu", "-3", "3", "gelu"], code: .usage,
      message: "the range goes after the functions: activ table relu gelu -3 3"),
    // A lone number where a SPEC goes: a constant is an expression that says so.
    ErrorCase(
      arguments: ["info", "3"], code: .usage,
      message:
        "'3' is a number where a function SPEC goes; a constant function is an expression in x, "
        + "such as '3+0*x'",
      hints: ["run 'activ help info' for usage"]),
    ErrorCase(
      arguments: ["table", "relu", "0.5", "gelu", "-1", "1"], code: .usage,
      message:
        "'0.5' is a number where a function SPEC goes; a constant function is an expression in "
        + "x, such as '0.5+0*x'",
      hints: [
        "the range MIN MAX goes after the functions: activ table relu -3 3",
        "run 'activ help table' for usage",
      ]),
    ErrorCase(
      arguments: ["table", "1", "2", "3", "relu"], code: .usage,
      message:
        "'1' is a number where a function SPEC goes; a constant function is an expression in x, "
        + "such as '1+0*x'"),
    // LO:HI where two numbers go.
    ErrorCase(
      arguments: ["eval", "relu", "-3:3"], code: .usage,
      message: "'-3:3' is not a range; write the range as two numbers: -3 3"),
    ErrorCase(
      arguments: ["table", "relu", "gelu", "0:1.5"], code: .usage,
      message: "'0:1.5' is not a range; write the range as two numbers: 0 1.5"),
    ErrorCase(
      arguments: ["plot", "relu", "--ylim", "-1:1"], code: .usage,
      message: "bad value '-1:1' for --ylim; write the range as two numbers: --ylim -1 1"),
    ErrorCase(
      arguments: ["plot", "relu", "--ylim", "-1:1", "-o", "x.svg"], code: .usage,
      message: "bad value '-1:1' for --ylim; write the range as two numbers: --ylim -1 1"),
    ErrorCase(
      arguments: ["plot", "relu", "--ylim=0:2", "3"], code: .usage,
      message: "bad value '0:2' for --ylim; write the range as two numbers: --ylim 0 2"),
    // A grid finer than the doubles of the range.
    ErrorCase(
      arguments: ["eval", "relu", "1", "1.0000000000000002", "--points", "5"], code: .usage,
      message:
        "5 points from 1 to 1.0000000000000002 would repeat x: the range holds 2 distinct "
        + "doubles; use --points 2 or fewer, or a wider range"),
    ErrorCase(
      arguments: ["table", "relu", "1", "1.000000000000001", "--step", "1e-16"], code: .usage,
      message:
        "12 points from 1 to 1.000000000000001 would repeat x: the range holds 6 distinct "
        + "doubles; use a larger --step, or a wider range"),
    ErrorCase(
      arguments: ["grad", "relu", "0", "5e-323", "--points", "12"], code: .usage,
      message:
        "12 points from 0 to 5e-323 would repeat x: the range holds 11 distinct doubles; use "
        + "--points 11 or fewer, or a wider range"),
    // A word that looks like an option and is neither an option nor a SPEC.
    ErrorCase(
      arguments: ["eval", "-q", "1", "2"], code: .usage, message: "unknown option '-q' for 'eval'",
      hints: [
        "if '-q' starts an expression, put the words after --, which ends the options: "
          + "activ eval -- '-x^2'",
        "run 'activ help eval' for usage",
      ]),
    ErrorCase(
      arguments: ["list", "-q"], code: .usage, message: "unknown option '-q' for 'list'",
      hints: ["run 'activ help list' for usage"]),
    ErrorCase(
      arguments: ["eval", "--bogus"], code: .usage, message: "unknown option '--bogus' for 'eval'",
      hints: ["run 'activ help eval' for usage"]),
  ]

  @Test("refused with the fix; nothing on stdout", arguments: errorCases)
  func refused(_ errorCase: ErrorCase) {
    errorCase.check()
  }

  static let outputCases: [OutputCase] = [
    // --precision rounds the function columns, never x (the six rows of x=1).
    OutputCase(
      arguments: ["eval", "mish", "1", "1.005", "--step", "0.001", "--precision", "3"],
      output:
        "x,mish\n1,0.865\n1.001,0.866\n1.002,0.867\n1.003,0.868\n1.004,0.869\n1.005,0.87\n"),
    OutputCase(
      arguments: [
        "table", "relu", "gelu", "1", "1.005", "--step", "0.005", "--precision", "2", "--format",
        "tsv",
      ],
      output: "x\trelu\tgelu\n1\t1\t0.84\n1.005\t1\t0.85\n"),
    OutputCase(
      arguments: [
        "grad", "mish", "1", "1.001", "--points", "2", "--precision", "2", "--format", "json",
      ],
      output: "[\n  {\"x\": 1, \"mish_grad\": 1},\n  {\"x\": 1.001, \"mish_grad\": 1}\n]\n"),
    OutputCase(
      arguments: [
        "eval", "mish", "1", "1.005", "--step", "0.005", "--precision", "3", "--format", "table",
      ],
      output: "    x   mish\n    1  0.865\n1.005   0.87\n"),
    // A default grid on a range of at most 101 doubles gives each double once.
    OutputCase(
      arguments: ["eval", "relu", "1", "1.0000000000000002"],
      output: "x,relu\n1,1\n1.0000000000000002,1.0000000000000002\n"),
    OutputCase(
      arguments: ["eval", "relu", "0", "1.5e-323"],
      output: "x,relu\n0,0\n5e-324,5e-324\n1e-323,1e-323\n1.5e-323,1.5e-323\n"),
    // A constant function, written as an expression that says so.
    OutputCase(
      arguments: ["eval", "3+0*x", "-1", "1", "--points", "3"], output: "x,3+0*x\n-1,3\n0,3\n1,3\n"),
    // Expressions that start with '-' are SPECs, not options.
    OutputCase(
      arguments: ["eval", "-x^2", "-1", "1", "--points", "3"],
      output: "x,-x^2\n-1,-1\n0,-0\n1,-1\n"),
    OutputCase(
      arguments: ["eval", "-log(x)", "1", "2", "--points", "2"],
      output: "x,-log(x)\n1,-0\n2,-0.6931471805599453\n"),
    OutputCase(
      arguments: ["table", "relu", "-x", "-1", "1", "--points", "2"],
      output: "x,relu,-x\n-1,0,1\n1,1,-1\n"),
    OutputCase(
      arguments: ["eval", "--points", "2", "--", "-x"], output: "x,-x\n-5,5\n5,-5\n"),
    // The Unicode minus U+2212 reads as '-' in the range, a parameter and --step.
    OutputCase(
      arguments: ["eval", "relu", "\u{2212}3", "3", "--points", "3"],
      output: "x,relu\n-3,0\n0,0\n3,3\n"),
    OutputCase(
      arguments: ["eval", "elu(alpha=\u{2212}0.5)", "\u{2212}1", "0", "--points", "2"],
      output: "x,elu(alpha=-0.5)\n-1,0.31606027941427883\n0,0\n"),
    OutputCase(
      arguments: ["eval", "relu", "\u{2212}1", "\u{2212}0.5", "--step", "0.25"],
      output: "x,relu\n-1,0\n-0.75,0\n-0.5,0\n"),
  ]

  @Test("works as meant", arguments: outputCases)
  func works(_ outputCase: OutputCase) {
    expectOutput(outputCase.arguments, outputCase.output)
  }

  @Test("plot --ylim reads the Unicode minus as '-'")
  func plotUnicodeMinusLimit() {
    let ascii = expectSuccess(["plot", "relu", "--ylim", "-1", "1", "--ascii"])
    let unicode = expectSuccess(["plot", "relu", "--ylim", "\u{2212}1", "1", "--ascii"])
    #expect(unicode == ascii)
  }

  @Test("--input data reads the Unicode minus as '-'")
  func inputUnicodeMinus() {
    expectOutput(
      ["eval", "relu", "--input", "-"], "x,relu\n-2,0\n3,3\n", stdin: Array("\u{2212}2\n3\n".utf8))
  }

  @Test("every command's help explains --")
  func helpExplainsTerminator() {
    for spec in Commands.all.map(\.spec) {
      let help = expectSuccess(["help", spec.name])
      #expect(help.contains("  --  ") && help.contains("End of the options"), "\(spec.name)")
    }
  }
}
