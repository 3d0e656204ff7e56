/// The declaration of one command: its positionals, options and help text. The parser, `--help`,
/// error messages and shell completions are all driven by this one value.
struct CommandSpec: Sendable {
  var name: String
  /// One line for the command list.
  var abstract: String
  /// The positional part of the usage line, e.g. `SPEC [MIN MAX]`.
  var positionalUsage: String
  var positionals: [PositionalSpec]
  var options: [OptionSpec]
  /// Paragraphs after the option list.
  var discussion: [String] = []
  var examples: [String] = []

  func option(long name: String) -> OptionSpec? { options.first { $0.long == name } }
  /// Whether the positionals start with function SPECs (so completion offers function names).
  var takesFunctions: Bool { positionals.first?.name.hasPrefix("SPEC") ?? false }
  func option(short name: Character) -> OptionSpec? { options.first { $0.short == name } }
}

/// A positional argument, for help only: the command itself interprets its positionals, since
/// `table`'s trailing `MIN MAX` can only be told from its specs by their shape.
struct PositionalSpec: Sendable {
  var name: String
  var help: String
}

/// An option: a flag (`--grad`) or an option with one value (`--points N`).
struct OptionSpec: Sendable {
  var long: String
  var short: Character? = nil
  /// nil for a flag.
  var value: ValueSpec?
  var help: String
  /// Whether the option may be given several times, its values collected in order (`--name`).
  var repeatable = false

  var displayName: String { "--" + long }

  /// This option as a command that uses it its own way describes it: other help, and
  /// optionally other values (`plot --points` allows fewer points than `eval --points`).
  func described(_ help: String, kind: ValueSpec.Kind? = nil) -> OptionSpec {
    var option = self
    option.help = help
    if let kind { option.value?.kind = kind }
    return option
  }
}

/// What an option's value must be. The parser checks it, so commands get valid text.
struct ValueSpec: Sendable {
  enum Kind: Sendable {
    /// A finite decimal number, optionally strictly positive.
    case number(positive: Bool)
    /// A decimal integer in the closed range.
    case integer(ClosedRange<UInt64>)
    case choice([String])
    case path
    /// Any non-empty text (a title).
    case text
  }

  var name: String
  var kind: Kind
  /// How many words the option takes (`--ylim LO HI` takes 2).
  var count = 1

  var expectation: String {
    switch kind {
    case .number(let positive): return positive ? "a finite number > 0" : "a finite number"
    case .integer(let range):
      return "a whole number from \(range.lowerBound) to \(range.upperBound)"
    case .choice(let words):
      if words.count == 2 { return words[0] + " or " + words[1] }
      return "one of " + words.joined(separator: ", ")
    case .path: return "a file path, or - for standard input/output"
    case .text: return "some text"
    }
  }
}

/// The options several commands share, each declared once; a command that uses one its own way
/// says how with ``OptionSpec/described(_:kind:)``.
enum SharedOptions {
  static let help = OptionSpec(
    long: "help", short: "h", value: nil, help: "Show this help and exit.")
  static let format = OptionSpec(
    long: "format",
    value: ValueSpec(name: "FORMAT", kind: .choice(OutputFormat.allCases.map(\.rawValue))),
    help:
      "csv (default), tsv, table (aligned columns for reading), or json (one array, an object per "
      + "row keyed by the column names; nan and ±inf are null: use --format csv to tell nan from "
      + "±inf).")
  static let precision = OptionSpec(
    long: "precision", value: ValueSpec(name: "P", kind: .integer(1...17)),
    help:
      "Significant digits of the function values (default: the shortest that reads back "
      + "exactly); x is never rounded.")
  static let noHeader = OptionSpec(
    long: "no-header", value: nil, help: "Leave out the header line.")
  static let output = OptionSpec(
    long: "output", short: "o", value: ValueSpec(name: "FILE", kind: .path),
    help: "Write to FILE (atomically: a failure leaves no partial or clobbered file).")
  static let points = OptionSpec(
    long: "points", value: ValueSpec(name: "N", kind: .integer(2...UInt64(Grid.maximumPoints))),
    help: "N evenly spaced points from MIN to MAX, both included.")
  static let step = OptionSpec(
    long: "step", value: ValueSpec(name: "H", kind: .number(positive: true)),
    help: "Points MIN, MIN+H, MIN+2H, ... up to MAX.")
  static let input = OptionSpec(
    long: "input", value: ValueSpec(name: "FILE", kind: .path),
    help:
      "Evaluate at the numbers in FILE (- for stdin), one per line or the first CSV/TSV column; "
      + "a first line that is not a number is a header and is skipped.")
  static let column = OptionSpec(
    long: "column", value: ValueSpec(name: "NAME|N", kind: .text),
    help: "With --input, read the column named NAME in the header, or the N-th (from 1).")
  static let seed = OptionSpec(
    long: "seed", value: ValueSpec(name: "N", kind: .integer(0...UInt64.max)),
    help: "Seed for random functions (rrelu with training=true); default 0.")
  static let grad = OptionSpec(
    long: "grad", value: nil, help: "Add the derivative column <name>_grad.")
  static let name = OptionSpec(
    long: "name", value: ValueSpec(name: "NAME", kind: .text),
    help:
      "Name the function's columns or legend entry (default: its spec or expression text); "
      + "repeat it to name several, one --name per function in order (a sweep's members count "
      + "one each).",
    repeatable: true)
  static let grad2 = OptionSpec(
    long: "grad2", value: nil, help: "Add the second-derivative column <name>_grad2.")

  static let grid = [points, step, input, column]
  /// The options of a command that writes rows: CSV, TSV, an aligned table or JSON.
  static let rowOutput = [format, precision, noHeader, output]
}
