import Testing

@testable import ActivCLI

@Suite("Errors")
struct ErrorTests {
  static let usage = "run 'activ help eval' for usage"

  static let cases: [ErrorCase] = [
    ErrorCase(
      arguments: ["evl", "relu"], code: .usage,
      message: "unknown command 'evl' (did you mean 'eval'?)",
      hints: ["the commands are: eval, grad, table, apply, plot, list, info, completions"]),
    ErrorCase(
      arguments: ["lst"], code: .usage, message: "unknown command 'lst' (did you mean 'list'?)"),
    ErrorCase(arguments: ["frobnicate"], code: .usage, message: "unknown command 'frobnicate'"),
    ErrorCase(
      arguments: ["help", "evl"], code: .usage,
      message: "unknown command 'evl' (did you mean 'eval'?)"),
    ErrorCase(
      arguments: ["help", "eval", "extra"], code: .usage,
      message: "unexpected argument 'extra' for 'help'",
      hints: ["run 'activ --help' for usage"]),
    ErrorCase(
      arguments: ["--bogus"], code: .usage, message: "unknown option '--bogus' for 'activ'",
      hints: ["run 'activ --help' for usage"]),
    ErrorCase(
      arguments: ["eval", "relu", "--grd"], code: .usage,
      message: "unknown option '--grd' for 'eval' (did you mean '--grad'?)", hints: [usage]),
    ErrorCase(
      arguments: ["eval", "mihs"], code: .usage,
      message: "unknown function 'mihs' (did you mean 'mish'?)",
      hints: ["run 'activ list' for the catalogue"]),
    ErrorCase(
      arguments: ["eval", "qwertyuiop"], code: .usage, message: "unknown function 'qwertyuiop'"),
    ErrorCase(
      arguments: ["table", "relu", "gleu", "-1", "1"], code: .usage,
      message: "unknown function 'gleu' (did you mean 'gelu'?)"),
    ErrorCase(
      arguments: ["eval", "elu(alpah=1)"], code: .usage,
      message: "elu has no parameter 'alpah' (did you mean 'alpha'?); its parameters are alpha"),
    ErrorCase(
      arguments: ["eval", "softplus(beta=0)"], code: .usage,
      message: "softplus: bad value '0' for beta; expected a finite number > 0", hints: [usage]),
    ErrorCase(
      arguments: ["eval", "gelu(approximate=tahn)"], code: .usage,
      message: "gelu: bad value 'tahn' for approximate; "
        + "expected one of none, tanh (did you mean 'tanh'?)"),
    ErrorCase(
      arguments: ["eval", "relu(1)"], code: .usage,
      message: "relu takes no parameters; write it as 'relu'"),
    ErrorCase(
      arguments: ["eval", "hard_tanh(min_val=1,min_val=2)"], code: .usage,
      message: "hard_tanh: parameter 'min_val' is given twice"),
    ErrorCase(
      arguments: ["eval", "hard_tanh(min_val=1,max_val=-1)"], code: .usage,
      message: "hard_tanh: min_val (1) must be less than max_val (-1)"),
    ErrorCase(
      arguments: ["eval", "rrelu(lower=0.5,upper=0.1)"], code: .usage,
      message: "rrelu: lower (0.5) must be <= upper (0.1)"),
    ErrorCase(
      arguments: ["eval", "elu(alpha=0.5"], code: .usage,
      message: "cannot read function spec 'elu(alpha=0.5': expected ',' or ')' at the end",
      hints: ["a spec looks like mish, elu(alpha=0.5) or leaky_relu(0.2); quote it in the shell"]),
    ErrorCase(
      arguments: ["eval", ""], code: .usage,
      message: "empty function spec; name a function such as 'mish' or 'elu(alpha=0.5)'"),
    ErrorCase(
      arguments: ["eval", "relu", "1", "1"], code: .usage,
      message: "MIN (1) must be less than MAX (1)",
      hints: [usage]),
    ErrorCase(
      arguments: ["eval", "relu", "2", "-1"], code: .usage,
      message: "MIN (2) must be less than MAX (-1)"),
    ErrorCase(
      arguments: ["table", "relu", "tanh", "0.5", ".5"], code: .usage,
      message: "MIN (0.5) must be less than MAX (.5)"),
    ErrorCase(
      arguments: ["eval", "relu", "nan", "1"], code: .usage,
      message: "MIN 'nan' is not a finite decimal number (like -3, 0.5 or 1e-3)"),
    ErrorCase(
      arguments: ["eval", "relu", "-1", "inf"], code: .usage,
      message: "MAX 'inf' is not a finite decimal number (like -3, 0.5 or 1e-3)"),
    ErrorCase(
      arguments: ["eval", "relu", "-inf", "1"], code: .usage,
      message: "MIN '-inf' is not a finite decimal number (like -3, 0.5 or 1e-3)"),
    ErrorCase(
      arguments: ["eval", "relu", "-1", "1e999"], code: .usage,
      message: "MAX '1e999' is not a finite decimal number (like -3, 0.5 or 1e-3)"),
    ErrorCase(
      arguments: ["eval", "relu", "0x10", "20"], code: .usage,
      message: "MIN '0x10' is not a finite decimal number (like -3, 0.5 or 1e-3)"),
    ErrorCase(
      arguments: ["eval", "relu", "--points", "3", "--step", "1"], code: .usage,
      message: "options '--points' and '--step' cannot be used together; choose one", hints: [usage]
    ),
    ErrorCase(
      arguments: ["eval", "relu", "--input", "xs.txt", "--step", "1"], code: .usage,
      message: "options '--input' and '--step' cannot be used together; choose one"),
    ErrorCase(
      arguments: ["eval", "relu", "--input", "xs.txt", "-1", "1"], code: .usage,
      message: "options '--input' and 'MIN MAX' cannot be used together; choose one"),
    ErrorCase(
      arguments: ["eval", "relu", "-1", "1", "--step", "1e-12"], code: .usage,
      message: "2000000000001 points is more than activ writes (at most 1000000000); "
        + "use a larger --step or fewer --points"),
    ErrorCase(
      arguments: ["eval"], code: .usage, message: "'eval' needs a function SPEC", hints: [usage]),
    ErrorCase(
      arguments: ["eval", "relu", "1"], code: .usage,
      message: "'eval' needs both MIN and MAX (got only '1')"),
    ErrorCase(
      arguments: ["eval", "relu", "sigmoid"], code: .usage,
      message: "unexpected argument 'sigmoid' for 'eval'"),
    ErrorCase(
      arguments: ["grad", "-1", "1"], code: .usage, message: "'grad' needs a function SPEC"),
    ErrorCase(
      arguments: ["info"], code: .usage, message: "'info' needs a function SPEC (or --all)"),
    ErrorCase(
      arguments: ["info", "relu", "gelu"], code: .usage,
      message: "unexpected argument 'gelu' for 'info'"),
    ErrorCase(
      arguments: ["list", "extra"], code: .usage, message: "unexpected argument 'extra' for 'list'",
      hints: ["run 'activ help list' for usage"]),
    ErrorCase(
      arguments: ["eval", "relu", "--format", "xml"], code: .usage,
      message: "bad value 'xml' for --format; expected one of csv, tsv, table, json"),
    ErrorCase(
      arguments: ["eval", "relu", "--points", "0"], code: .usage,
      message: "bad value '0' for --points; expected a whole number from 2 to 1000000000"),
  ]

  @Test("fails with status, message and hints; nothing on stdout", arguments: cases)
  func fails(_ testCase: ErrorCase) {
    testCase.check()
  }

  @Test("every exit status is the sysexits value")
  func exitCodes() {
    #expect(ExitCode.usage.rawValue == 64)
    #expect(ExitCode.dataError.rawValue == 65)
    #expect(ExitCode.noInput.rawValue == 66)
    #expect(ExitCode.cannotCreate.rawValue == 73)
    #expect(ExitCode.ioError.rawValue == 74)
  }
}
