import Testing

@testable import ActivCLI

/// A command line the parser must refuse, and the exact message it must give.
/// Not the shared ``ErrorCase``: these cases call the parser alone, with one command's spec,
/// so there is no exit status, standard output or hint to pin, only the parser's message.
struct ParserErrorCase: Sendable, CustomTestStringConvertible {
  var command: String = "eval"
  var arguments: [String]
  var message: String

  var testDescription: String { ([command] + arguments).joined(separator: " ") }
}

/// Parses `arguments` for the command `name`; the error, or nil when they parse.
private func parseError(_ arguments: [String], command name: String) -> CLIError? {
  guard let command = try? Commands.named(name) else {
    Issue.record("no command \(name)")
    return nil
  }
  do {
    _ = try ArgumentParser.parse(Lexer.tokens(arguments), for: command.spec)
    return nil
  } catch {
    return error
  }
}

private func parse(
  _ arguments: [String], command name: String = "eval",
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> ParsedArguments {
  let command = try #require(try? Commands.named(name), sourceLocation: sourceLocation)
  do {
    return try ArgumentParser.parse(Lexer.tokens(arguments), for: command.spec)
  } catch {
    Issue.record("\(arguments) refused: \(error.message)", sourceLocation: sourceLocation)
    throw error
  }
}

@Suite("Argument parser")
struct ArgumentParserTests {
  static let errorCases: [ParserErrorCase] = [
    ParserErrorCase(
      arguments: ["--grd"], message: "unknown option '--grd' for 'eval' (did you mean '--grad'?)"),
    ParserErrorCase(
      arguments: ["--outptu", "x"],
      message: "unknown option '--outptu' for 'eval' (did you mean '--output'?)"),
    ParserErrorCase(
      arguments: ["--point", "3"],
      message: "unknown option '--point' for 'eval' (did you mean '--points'?)"),
    ParserErrorCase(arguments: ["--zzzzzz"], message: "unknown option '--zzzzzz' for 'eval'"),
    ParserErrorCase(command: "list", arguments: ["-x"], message: "unknown option '-x' for 'list'"),
    ParserErrorCase(
      command: "grad", arguments: ["relu", "--grad"],
      message:
        "grad writes f′ already (--grad2 adds f″, --order 2 writes it alone); --grad is an "
        + "option of eval, table and apply, not of grad"),
    ParserErrorCase(
      command: "list", arguments: ["--points", "3"],
      message: "--points is an option of eval, grad, table and plot, not of list"),
    ParserErrorCase(
      arguments: ["--points"], message: "option '--points' needs a value (--points N)"),
    ParserErrorCase(
      arguments: ["--points", "--grad"], message: "option '--points' needs a value (--points N)"),
    ParserErrorCase(
      arguments: ["--points", "--", "3"], message: "option '--points' needs a value (--points N)"),
    ParserErrorCase(arguments: ["-o"], message: "option '--output' needs a value (--output FILE)"),
    ParserErrorCase(
      arguments: ["--format"], message: "option '--format' needs a value (--format FORMAT)"),
    ParserErrorCase(arguments: ["--grad=1"], message: "option '--grad' takes no value"),
    ParserErrorCase(arguments: ["--no-header=yes"], message: "option '--no-header' takes no value"),
    ParserErrorCase(
      arguments: ["--points", "0"],
      message: "bad value '0' for --points; expected a whole number from 2 to 1000000000"),
    ParserErrorCase(
      arguments: ["--points", "1"],
      message: "bad value '1' for --points; expected a whole number from 2 to 1000000000"),
    ParserErrorCase(
      arguments: ["--points", "1.5"],
      message: "bad value '1.5' for --points; expected a whole number from 2 to 1000000000"),
    ParserErrorCase(
      arguments: ["--points", "-3"],
      message: "bad value '-3' for --points; expected a whole number from 2 to 1000000000"),
    ParserErrorCase(
      arguments: ["--points=+5"],
      message: "bad value '+5' for --points; expected a whole number from 2 to 1000000000"),
    ParserErrorCase(
      arguments: ["--points", "1000000001"],
      message: "bad value '1000000001' for --points; expected a whole number from 2 to 1000000000"),
    ParserErrorCase(
      arguments: ["--precision", "18"],
      message: "bad value '18' for --precision; expected a whole number from 1 to 17"),
    ParserErrorCase(
      arguments: ["--precision", "0"],
      message: "bad value '0' for --precision; expected a whole number from 1 to 17"),
    ParserErrorCase(
      arguments: ["--format", "jsn"],
      message:
        "bad value 'jsn' for --format; expected one of csv, tsv, table, json (did you mean 'json'?)"
    ),
    // `xml` is no typo of any choice: no suggestion.
    ParserErrorCase(
      arguments: ["--format", "xml"],
      message: "bad value 'xml' for --format; expected one of csv, tsv, table, json"),
    ParserErrorCase(
      arguments: ["--format", "tabel"],
      message:
        "bad value 'tabel' for --format; expected one of csv, tsv, table, json (did you mean 'table'?)"
    ),
    ParserErrorCase(
      arguments: ["--format="],
      message: "bad value '' for --format; expected one of csv, tsv, table, json"),
    ParserErrorCase(
      arguments: ["--step", "0"],
      message: "bad value '0' for --step; expected a finite number > 0"),
    ParserErrorCase(
      arguments: ["--step", "-1"],
      message: "bad value '-1' for --step; expected a finite number > 0"),
    ParserErrorCase(
      arguments: ["--step", "inf"],
      message: "bad value 'inf' for --step; expected a finite number > 0"),
    ParserErrorCase(
      arguments: ["--step", "1e999"],
      message: "bad value '1e999' for --step; expected a finite number > 0"),
    ParserErrorCase(
      arguments: ["--seed", "-1"],
      message: "bad value '-1' for --seed; expected a whole number from 0 to 18446744073709551615"),
    ParserErrorCase(
      arguments: ["--output="],
      message: "bad value '' for --output; expected a file path, or - for standard input/output"),
    ParserErrorCase(
      arguments: ["--grad", "--grad"],
      message: "option '--grad' is given more than once; give it once"),
    ParserErrorCase(
      arguments: ["--points", "3", "--points=4"],
      message: "option '--points' is given more than once; give it once"),
    ParserErrorCase(
      arguments: ["-o", "a", "--output", "b"],
      message: "option '--output' is given more than once; give it once"),
  ]

  @Test("refuses with the exact message and usage status", arguments: errorCases)
  func refuses(_ testCase: ParserErrorCase) throws {
    let error = try #require(parseError(testCase.arguments, command: testCase.command))
    #expect(error.message == testCase.message)
    #expect(error.exitCode == .usage)
    #expect(
      error.hints(command: testCase.command) == ["run 'activ help \(testCase.command)' for usage"])
  }

  @Test("a bad --format value is never answered with a suggestion outside the choices")
  func formatSuggestionsAreChoices() throws {
    for typo in ["jsn", "jsno", "cvs", "tvs", "tabl", "TABLE1", "yaml"] {
      let message = try #require(parseError(["--format", typo], command: "eval")).message
      if let start = message.range(of: "did you mean '") {
        let suggestion = message[start.upperBound...].prefix { $0 != "'" }
        #expect(
          ["csv", "tsv", "table", "json"].contains(String(suggestion)), "\(typo): \(message)")
      }
    }
  }

  @Test("positionals, flags and validated values")
  func parsesValues() throws {
    let parsed = try parse([
      "relu", "-1", "1", "--grad", "--points", "5", "--format", "TSV", "-oout.csv",
    ])
    #expect(parsed.positionals == ["relu", "-1", "1"])
    #expect(parsed.flags == ["grad"])
    #expect(parsed.values == ["points": ["5"], "format": ["tsv"], "output": ["out.csv"]])
  }

  @Test("inline values and attached short values")
  func parsesInlineValues() throws {
    let parsed = try parse(["--points=7", "--precision=3", "-o=-", "--step", "0.5"])
    #expect(
      parsed.values == ["points": ["7"], "precision": ["3"], "output": ["-"], "step": ["0.5"]])
    #expect(parsed.positionals.isEmpty)
  }

  @Test("option values may be negative numbers, '-' and words that look like options after '='")
  func parsesSpecialValues() throws {
    #expect(try parse(["--input", "-"]).values == ["input": ["-"]])
    #expect(try parse(["--step", "1e-3"]).values == ["step": ["1e-3"]])
    #expect(try parse(["--output=--grad"]).values == ["output": ["--grad"]])
  }

  @Test("'--' ends the options: what follows is positional")
  func terminator() throws {
    let parsed = try parse(["--", "--grad", "-h", "-o"])
    #expect(parsed.positionals == ["--grad", "-h", "-o"])
    #expect(parsed.flags.isEmpty)
    #expect(parsed.values.isEmpty)
  }

  @Test("negative numbers are positionals, not options")
  func negativeNumbers() throws {
    #expect(try parse(["relu", "-3", "-.5"]).positionals == ["relu", "-3", "-.5"])
    #expect(try parse(["relu", "-inf", "-1e-3"]).positionals == ["relu", "-inf", "-1e-3"])
  }

  @Test("help is wanted for -h or --help anywhere before '--'")
  func wantsHelp() {
    #expect(ArgumentParser.wantsHelp(Lexer.tokens(["nosuchfn", "--bogus", "-h"])))
    #expect(ArgumentParser.wantsHelp(Lexer.tokens(["--points", "0", "--help"])))
    #expect(ArgumentParser.wantsHelp(Lexer.tokens(["--help=1"])))
    #expect(!ArgumentParser.wantsHelp(Lexer.tokens(["relu", "--", "-h"])))
    #expect(!ArgumentParser.wantsHelp(Lexer.tokens(["relu", "-1", "1", "--grad"])))
  }
}

@Suite("Options with several values")
struct MultiValueOptionTests {
  @Test("--ylim takes two words, negative numbers included")
  func twoValues() throws {
    let parsed = try ArgumentParser.parse(
      Lexer.tokens(["gelu", "--ylim", "-1", "2.5"]), for: PlotCommand.spec)
    #expect(parsed.allValues(PlotCommand.ylim) == ["-1", "2.5"])
    #expect(parsed.positionals == ["gelu"])
  }
}

@Suite("Option declarations")
struct OptionDeclarationTests {
  /// One name, one option: where commands describe `--points` or `--format` their own way, the
  /// short letter, the value's name and count, and whether it is a flag stay those of the one
  /// declaration.
  @Test("an option name means the same option in every command")
  func oneDeclarationPerName() {
    var first: [String: OptionSpec] = [:]
    for command in Commands.all {
      for option in command.spec.options {
        guard let earlier = first[option.long] else {
          first[option.long] = option
          continue
        }
        let context = "--\(option.long) in \(command.spec.name)"
        #expect(option.short == earlier.short, "\(context)")
        #expect(option.value?.name == earlier.value?.name, "\(context)")
        #expect(option.value?.count == earlier.value?.count, "\(context)")
      }
    }
    #expect(first["points"] != nil && first["format"] != nil && first["input"] != nil)
  }
}

@Suite("The x range after the specs")
struct XRangeTests {
  /// Positionals, the specs before the range, and the range's ends as written (nil: none).
  struct SplitCase: Sendable, CustomTestStringConvertible {
    var words: [String]
    var specs: [String]
    var range: [String]?
    var testDescription: String { words.joined(separator: " ") }
  }

  @Test(
    "trailing numbers are the range, the rest are specs",
    arguments: [
      SplitCase(words: ["relu"], specs: ["relu"], range: nil),
      SplitCase(words: ["relu", "gelu", "-3", "3"], specs: ["relu", "gelu"], range: ["-3", "3"]),
      SplitCase(words: ["2*x", "-1", ".5"], specs: ["2*x"], range: ["-1", ".5"]),
      SplitCase(words: ["-1", "1"], specs: [], range: ["-1", "1"]),
    ])
  func split(_ testCase: SplitCase) throws {
    let (specs, range) = try XRange.split(testCase.words, command: "table")
    #expect(specs == testCase.specs)
    #expect(range.map { [$0.low.text, $0.high.text] } == testCase.range)
  }

  @Test("no range is -5 5; MIN must be less than MAX")
  func checked() throws {
    let standard = try XRange.checked(nil)
    #expect(standard.low.value == -5 && standard.high.value == 5)
    let (_, written) = try XRange.split(["relu", "2", "2"], command: "eval")
    #expect(throws: CLIError.emptyRange(min: "2", max: "2")) { try XRange.checked(written) }
    #expect(throws: CLIError.tooManyNumbers(command: "eval", numbers: ["1", "2", "3"])) {
      try XRange.split(["relu", "1", "2", "3"], command: "eval")
    }
  }
}
