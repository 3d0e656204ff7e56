import Activations

/// activ's exit statuses (BSD `sysexits.h` values, so shells and scripts can tell them apart).
package enum ExitCode: Int32, Sendable, CaseIterable {
  case success = 0
  /// The command line is wrong: unknown command, option, function or parameter, a bad number,
  /// MIN >= MAX, non-finite bounds, too many points.
  case usage = 64
  /// The input data is wrong (a line of `--input` that is not a number).
  case dataError = 65
  /// The input file is missing or unreadable.
  case noInput = 66
  /// The output file cannot be created.
  case cannotCreate = 73
  /// Writing failed (disk full, I/O error).
  case ioError = 74

  /// A few words for the overview, `activ --help`.
  var summary: String {
    switch self {
    case .success: return "success (also when a reader such as head closes the pipe early)"
    case .usage: return "usage error"
    case .dataError: return "bad input data"
    case .noInput: return "input file missing or unreadable"
    case .cannotCreate: return "cannot create the output file"
    case .ioError: return "write error (e.g. disk full)"
    }
  }

  /// A sentence for the manual page.
  var manual: String {
    switch self {
    case .success: return "Success, also when a reader such as head closes the pipe early."
    case .usage: return "Usage error: unknown command, option, function or parameter, a bad value."
    case .dataError:
      return "Bad input data: an --input line or a feature map that cannot be read."
    case .noInput: return "The input file is missing or unreadable."
    case .cannotCreate: return "The output file cannot be created."
    case .ioError: return "Write error, e.g. disk full."
    }
  }
}

/// What is wrong at one line of a feature map.
enum FeatureMapProblem: Equatable, Sendable {
  case notANumber(column: Int, text: String)
  case emptyValue(column: Int)
  /// A row whose number of values differs from the first row's.
  case raggedRow(channel: Int, row: Int, count: Int, expected: Int)
  /// A channel (ending at this line) whose number of rows differs from the first channel's.
  case channelHeight(channel: Int, rows: Int, expected: Int)
  /// A blank line where a channel's first row should be.
  case emptyChannel(channel: Int)
  /// No rows at all.
  case noData
  /// A row separated by commas in a file whose first row used spaces or tabs, or the reverse.
  case mixedSeparators(found: String, expected: String, firstLine: Int)

  var message: String {
    switch self {
    case .notANumber(let column, let text):
      return "column \(column): '\(text)' is not a number"
    case .emptyValue(let column):
      return "column \(column) is empty; write a number there"
    case .raggedRow(let channel, let row, let count, let expected):
      return
        "row \(row) of channel \(channel) has \(count) value\(count == 1 ? "" : "s") but the first "
        + "row has \(expected); every row needs the same number"
    case .channelHeight(let channel, let rows, let expected):
      return
        "channel \(channel) has \(rows) row\(rows == 1 ? "" : "s") but channel 1 has \(expected); "
        + "every channel needs the same size"
    case .emptyChannel(let channel):
      return
        "channel \(channel) is empty; separate channels by exactly one blank line and start with a row"
    case .noData:
      return "no rows; a feature map needs at least one row of numbers"
    case .mixedSeparators(let found, let expected, let firstLine):
      return "values separated by \(found), but line \(firstLine) separates them by \(expected); "
        + "use one separator in the whole file"
    }
  }
}

/// Everything that stops a command. Messages, hints and exit codes are rendered here only.
enum CLIError: Error, Equatable {
  case unknownCommand(String, suggestion: String?)
  case unknownOption(command: String, option: String, suggestion: String?)
  case missingOptionValue(option: String, valueName: String)
  case flagTakesNoValue(option: String)
  case badOptionValue(option: String, value: String, expected: String)
  case repeatedOption(option: String)
  case conflictingOptions(String, String)
  /// Two columns with one name (`table relu relu`, `eval x`), which JSON cannot key.
  case duplicateColumn(String)
  case missingArgument(command: String, name: String)
  case unexpectedArgument(command: String, value: String)
  /// A word where a SPEC or the range goes that names a file (`eval gelu xs.txt`): `--input` reads it.
  case fileAsArgument(String)
  /// Several functions given to a command of one (`eval gelu mish`): `table` compares them;
  /// `table` is the suggested command line's words after `activ`.
  case oneFunctionOnly(command: String, table: [String])
  /// An option this command lacks that other commands have (`eval --svg`); `commandLine`, the
  /// words after `activ`, when exactly one other command has it.
  case optionOfOtherCommand(
    command: String, option: String, owners: [String], commandLine: [String]?)
  /// `--xlim` and the like on a command whose x range is the MIN MAX positionals; `example` is
  /// the command line's words after `activ` with the range written there.
  case rangeOption(command: String, option: String, example: [String])
  /// A positional that is not one of the words it may be (`completions tcsh`).
  case badArgument(name: String, value: String, expected: String)
  case badNumber(name: String, text: String)
  case emptyRange(min: String, max: String)
  /// More than two numbers where a range goes (`eval relu 1 2 3`).
  case tooManyNumbers(command: String, numbers: [String])
  case tooManyPoints(count: String, limit: Int)
  /// A range written before the functions (`table -3 3 relu gelu`); `fix` is the command line
  /// with the range moved after them.
  case misplacedRange(fix: String)
  /// A plain number where a function SPEC goes (`eval 3`), which would be a constant function.
  case numberAsSpec(String)
  /// A range written as `LO:HI` (`-3:3`) where two numbers go; `option` is `--ylim` when it was
  /// its value, nil for MIN MAX.
  case colonRange(option: String?, text: String, low: String, high: String)
  /// A grid whose points would repeat x because the range holds too few doubles
  /// (`eval relu 1 1.0000000000000002 --points 5`); `advice` says what to change.
  case repeatedGridPoints(count: Int, min: String, max: String, distinct: String, advice: String)
  /// `--format table` aligns its columns only once every row is known, so it keeps them all.
  case tooManyTableRows(count: Int, limit: Int)
  case spec(SpecError)
  /// An expression refused, with the text it was read from (for the caret).
  case expression(ExpressionError, text: String)
  case unreadableInput(path: String, reason: String)
  case badInputLine(source: String, line: Int, text: String)
  /// The column `--column` asks for is not in `--input`.
  case inputColumn(source: String, line: Int, problem: InputColumnProblem)
  /// `--name` given a number of times other than the number of functions.
  case nameCount(names: Int, functions: [String])
  /// An option that only means something with another (`--column` without `--input`).
  case missingOption(option: String, for: String)
  /// A feature map for `apply` that cannot be read: the line (1-based) and what is wrong there.
  case badFeatureMap(source: String, line: Int, problem: FeatureMapProblem)
  /// A layer whose parameters do not fit the feature map's shape.
  case layer(LayerError)
  case cannotCreateOutput(path: String, reason: String)
  case writeFailed(target: String, reason: String)
  /// `plot -o FILE` whose name ends in neither `.svg` nor `.csv` (or `-`): the format is unknown.
  case unknownPlotFormat(path: String, suggestion: String?)
  /// Standard output's reader went away (`| head`): not an error, the run just stops quietly.
  case outputClosed

  var exitCode: ExitCode {
    switch self {
    case .unreadableInput: return .noInput
    case .badInputLine, .badFeatureMap, .inputColumn: return .dataError
    case .cannotCreateOutput: return .cannotCreate
    case .writeFailed: return .ioError
    case .outputClosed: return .success
    default: return .usage
    }
  }

  /// The one-line message after `error: `.
  var message: String {
    switch self {
    case .unknownCommand(let name, let suggestion):
      return "unknown command '\(excerpt(name))'" + didYouMean(suggestion)
    case .unknownOption(let command, let option, let suggestion):
      return "unknown option '\(excerpt(option))' for '\(command)'" + didYouMean(suggestion)
    case .missingOptionValue(let option, let valueName):
      return "option '\(excerpt(option))' needs a value (\(option) \(valueName))"
    case .flagTakesNoValue(let option):
      return "option '\(excerpt(option))' takes no value"
    case .badOptionValue(let option, let value, let expected):
      return "bad value '\(excerpt(value))' for \(option); expected \(expected)"
    case .repeatedOption(let option):
      return "option '\(excerpt(option))' is given more than once; give it once"
    case .conflictingOptions(let a, let b):
      return "options '\(a)' and '\(b)' cannot be used together; choose one"
    case .duplicateColumn(let name):
      return
        "column '\(excerpt(name))' appears twice, but --format json needs unique keys; give each "
        + "function once (--name, once per function, renames them)"
    case .missingArgument(let command, let name):
      return "'\(command)' needs \(name)"
    case .unexpectedArgument(let command, let value):
      return "unexpected argument '\(excerpt(value))' for '\(command)'"
    case .fileAsArgument(let word):
      return
        "'\(excerpt(word))' looks like a file; to evaluate at its numbers use --input "
        + shellWord(excerpt(word, limit: 300))
    case .oneFunctionOnly(let command, let table):
      return
        "\(command) takes one function; to compare several use: activ "
        + excerpt(table.map(shellWord).joined(separator: " "), limit: 200)
    case .optionOfOtherCommand(let command, let option, let owners, let commandLine):
      let optionName = excerpt(option)
      if let commandLine {
        return
          "\(optionName) is an option of \(owners[0]): activ "
          + excerpt(commandLine.map(shellWord).joined(separator: " "), limit: 200)
      }
      let head = "\(optionName) is an option of \(listed(owners)), not of \(command)"
      // plot draws f′ unless told not to: --grad there is not a typo of --grad2.
      if command == "plot" && option == "--grad" {
        return "plot draws f′ beside f by default (--no-grad leaves it out); " + head
      }
      if command == "grad" && option == "--grad" {
        return "grad writes f′ already (--grad2 adds f″, --order 2 writes it alone); " + head
      }
      return head
    case .rangeOption(let command, let option, let example):
      return
        "\(command) has no \(excerpt(option)); the x-range is MIN MAX after the functions: activ "
        + excerpt(example.map(shellWord).joined(separator: " "), limit: 200)
    case .badArgument(let name, let value, let expected):
      return "bad \(name) '\(excerpt(value))'; expected \(expected)"
    case .badNumber(let name, let text):
      return "\(name) '\(excerpt(text))' is not a finite decimal number (like -3, 0.5 or 1e-3)"
    case .tooManyNumbers(let command, let numbers):
      return
        "'\(command)' takes one range MIN MAX, but got \(numbers.count) numbers ("
        + excerpt(numbers.joined(separator: " ")) + "); give two"
    case .emptyRange(let min, let max):
      return "MIN (\(excerpt(min))) must be less than MAX (\(excerpt(max)))"
    case .tooManyPoints(let count, let limit):
      return
        "\(count) points is more than activ writes (at most \(limit)); use a larger --step or fewer --points"
    case .misplacedRange(let fix):
      return "the range goes after the functions: \(excerpt(fix, limit: 300))"
    case .numberAsSpec(let word):
      return
        "'\(excerpt(word))' is a number where a function SPEC goes; a constant function is an "
        + "expression in x, such as '\(excerpt(word))+0*x'"
    case .colonRange(let option, let text, let low, let high):
      if let option {
        return
          "bad value '\(excerpt(text))' for \(option); write the range as two numbers: "
          + "\(option) \(excerpt(low)) \(excerpt(high))"
      }
      return
        "'\(excerpt(text))' is not a range; write the range as two numbers: "
        + "\(excerpt(low)) \(excerpt(high))"
    case .repeatedGridPoints(let count, let min, let max, let distinct, let advice):
      return
        "\(count) points from \(excerpt(min)) to \(excerpt(max)) would repeat x: the range holds "
        + "\(distinct) distinct double\(distinct == "1" ? "" : "s"); \(advice)"
    case .tooManyTableRows(let count, let limit):
      return
        "\(count) rows is more than --format table holds (at most \(limit)); use csv or tsv, which stream"
    case .spec(let error):
      return error.description
    case .expression(let error, _):
      return error.description
    case .unreadableInput(let path, let reason):
      return "cannot read input '\(excerpt(path, limit: 300))': \(reason)"
    case .badInputLine(let source, let line, let text):
      return "\(source):\(line): '\(excerpt(text))' is not a number"
    case .badFeatureMap(let source, let line, let problem):
      return "\(source):\(line): " + problem.message
    case .inputColumn(let source, let line, let problem):
      return "\(source):\(line): " + problem.message
    case .nameCount(let names, let functions):
      let shown =
        functions.prefix(4).map { excerpt($0, limit: 30) }.joined(separator: ", ")
        + (functions.count > 4 ? ", …" : "")
      return "--name is given \(names) time\(names == 1 ? "" : "s") for \(functions.count) "
        + "function\(functions.count == 1 ? "" : "s") (\(shown)); give one --name per function, "
        + "in order"
    case .missingOption(let option, let other):
      return "\(other) goes with \(option); add \(option) FILE (- for standard input)"
    case .layer(let error):
      return error.description
    case .cannotCreateOutput(let path, let reason):
      return "cannot create output file '\(excerpt(path, limit: 300))': \(reason)"
    case .writeFailed(let target, let reason):
      return "cannot write to \(target): \(reason)"
    case .unknownPlotFormat(let path, let suggestion):
      if path == "-" {
        return "-o - names no format; write to standard output with --svg - or --csv -"
      }
      let head =
        "cannot tell the plot format of '\(excerpt(path, limit: 300))': plot writes .svg or .csv"
      if let suggestion { return head + didYouMean(suggestion) }
      if path.hasSuffix("/") { return head }
      let stem = excerpt(PlotFormat.stem(of: path), limit: 300)
      if path.lowercased().hasSuffix(".pdf") {
        return head
          + "; for a PDF, write \(stem).svg and run rsvg-convert -f pdf \(stem).svg -o \(stem).pdf"
      }
      return head + "; for a PNG, write \(stem).svg and run rsvg-convert \(stem).svg -o \(stem).png"
    case .outputClosed:
      return ""
    }
  }

  /// Lines after the message that say how to go on.
  func hints(command: String?) -> [String] {
    let usage = command.map { "run 'activ help \($0)' for usage" } ?? "run 'activ --help' for usage"
    switch self {
    case .unknownCommand:
      return ["the commands are: " + Commands.all.map(\.spec.name).joined(separator: ", ")]
    case .spec(.unknownFunction):
      return ["run 'activ list' for the catalogue"]
    case .expression(let error, let text):
      return error.caretLines(for: text)
    case .numberAsSpec:
      guard let command, ["eval", "grad", "table", "plot"].contains(command) else { return [usage] }
      return ["the range MIN MAX goes after the functions: activ \(command) relu -3 3", usage]
    case .unknownOption(let name, let option, _)
    where !option.hasPrefix("--")
      && Commands.all.contains(where: { $0.spec.name == name && $0.spec.takesFunctions }):
      return [
        "if '\(excerpt(option))' starts an expression, put the words after --, which ends the "
          + "options: activ \(name) -- '-x^2'",
        usage,
      ]
    case .spec(.syntax):
      return ["a spec looks like mish, elu(alpha=0.5) or leaky_relu(0.2); quote it in the shell"]
    case .badInputLine:
      return [
        "input holds one number per line (the first column of a CSV, or the one --column picks); "
          + "blank lines, lines starting with # and a first line that is not a number (a header) "
          + "are skipped"
      ]
    case .inputColumn:
      return ["--column takes a header name or a column number from 1"]
    case .badFeatureMap:
      return [
        "a feature map is CSV: a line of comma-separated (or space- or tab-separated) numbers per "
          + "row, every row and channel the same size, channels separated by one blank line"
      ]
    case .unreadableInput, .cannotCreateOutput, .writeFailed, .outputClosed:
      return []
    default:
      return [usage]
    }
  }
}

/// A word as the shell must be given it: as is when it holds only characters no shell treats
/// specially, else in single quotes (`'maxout(k=2)'`).
func shellWord(_ word: String) -> String {
  let plain =
    !word.isEmpty
    && word.unicodeScalars.allSatisfy { scalar in
      ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        || "-_.,/:=+@%^".unicodeScalars.contains(scalar)
    }
  if plain { return word }
  return "'" + word.replacingSingleQuotes() + "'"
}

extension String {
  /// `'` as `'\''`, for a word inside single quotes.
  fileprivate func replacingSingleQuotes() -> String {
    var result = ""
    for character in self { result += character == "'" ? "'\\''" : String(character) }
    return result
  }
}

/// `a`, `a and b`, `a, b and c`.
private func listed(_ words: [String]) -> String {
  guard let last = words.last else { return "" }
  if words.count == 1 { return last }
  return words.dropLast().joined(separator: ", ") + " and " + last
}
