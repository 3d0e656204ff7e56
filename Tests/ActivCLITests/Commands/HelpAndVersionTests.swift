import Activations
import Testing

@testable import ActivCLI

@Suite("help and --version")
struct HelpAndVersionTests {
  @Test("--version")
  func version() {
    expectOutput(["--version"], "activ \(Activ.version)\n")
    #expect(Activ.version == "0.1.0")
  }

  @Test("bare activ, -h and --help print the overview")
  func mainHelp() {
    let help = Help.main()
    #expect(help.hasPrefix("OVERVIEW: activ \(Activ.version)"))
    expectOutput([], help)
    expectOutput(["-h"], help)
    expectOutput(["--help"], help)
    expectOutput(["help"], help)
    for command in Commands.all {
      #expect(
        help.contains("  " + command.spec.name + " "), "\(command.spec.name) missing from help")
    }
  }

  @Test("help COMMAND and COMMAND --help print the command's help")
  func commandHelp() {
    let help = Help.command(GridCommand.evalSpec)
    #expect(help.contains("USAGE: activ eval SPEC [MIN MAX] [OPTIONS]"))
    #expect(help.contains("--format csv|tsv|table|json"))
    expectOutput(["help", "eval"], help)
    expectOutput(["eval", "--help"], help)
    expectOutput(["eval", "-h"], help)
    for command in Commands.all {
      expectOutput(["help", command.spec.name], Help.command(command.spec))
    }
  }

  @Test("-h wins over every other error: help on stdout, exit 0, nothing on stderr")
  func helpWins() {
    let help = Help.command(GridCommand.evalSpec)
    expectOutput(["eval", "nosuchfn", "--bogus", "-h"], help)
    expectOutput(["eval", "relu", "--points", "0", "--help"], help)
    expectOutput(["eval", "relu", "1", "-1", "--step", "1", "--points", "3", "-h"], help)
    expectOutput(["table", "-h"], Help.command(GridCommand.tableSpec))
  }

  /// Regression: `activ help help` once said "unknown command 'help' (did you mean 'help'?)"
  /// and exited 64.
  @Test("help help prints the overview")
  func helpHelp() {
    expectOutput(["help", "help"], Help.main())
  }

  /// Regression: `activ help -h` and `activ help --help` once failed with "unknown option '-h'
  /// for 'activ'" (64), though -h always wins.
  @Test("help -h prints the overview")
  func helpDashH() {
    expectOutput(["help", "-h"], Help.main())
    expectOutput(["help", "--help"], Help.main())
  }

  @Test(
    "help expressions: the language, every built-in function and operator, also in the man page")
  func expressionsTopic() {
    let text = ExpressionHelp.text()
    expectOutput(["help", "expressions"], text)
    let man = ManPage.render()
    #expect(man.contains(".SH EXPRESSIONS"))
    for name in Activations.Expression.builtinFunctions {
      #expect(text.contains(name + "("), "\(name) missing from 'activ help expressions'")
      #expect(man.contains(name + "("), "\(name) missing from the man page")
    }
    for fragment in [
      "**", "eval '-x^2'", "-- '-hard_swish(x)'", "(-2)^x is -2 at x = 1", "atanh(u)", "u >= 1",
    ] {
      #expect(text.contains(fragment), "\(fragment) missing")
    }
    #expect(Help.main().contains("'activ help expressions'"))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= Help.width })
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      arguments: ["help", "evl"], code: .usage,
      message: "unknown command 'evl' (did you mean 'eval'?)"),
    ErrorCase(
      arguments: ["help", "eval", "extra"], code: .usage,
      message: "unexpected argument 'extra' for 'help'",
      hints: ["run 'activ --help' for usage"]),
  ]

  @Test("fails with status, message and hints; nothing on stdout", arguments: errorCases)
  func fails(_ testCase: ErrorCase) {
    testCase.check()
  }
}
