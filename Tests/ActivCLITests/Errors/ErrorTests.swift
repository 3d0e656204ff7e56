import Testing

@testable import ActivCLI

/// Errors before any command runs (an unknown command or top-level option), and the statuses.
/// A command's own refusals are listed in that command's file.
@Suite("errors: unknown commands, exit status values")
struct ErrorTests {
  static let cases: [ErrorCase] = [
    ErrorCase(
      arguments: ["evl", "relu"], code: .usage,
      message: "unknown command 'evl' (did you mean 'eval'?)",
      hints: ["the commands are: eval, grad, table, apply, plot, list, info, completions"]),
    ErrorCase(
      arguments: ["lst"], code: .usage, message: "unknown command 'lst' (did you mean 'list'?)"),
    ErrorCase(arguments: ["frobnicate"], code: .usage, message: "unknown command 'frobnicate'"),
    ErrorCase(
      arguments: ["--bogus"], code: .usage, message: "unknown option '--bogus' for 'activ'",
      hints: ["run 'activ --help' for usage"]),
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
