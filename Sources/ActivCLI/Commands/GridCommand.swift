import Activations

/// `eval`, `grad` and `table`: functions evaluated on a grid over the x range, or at the numbers
/// of a file, written as rows.
enum GridCommand {
  enum Mode {
    /// x and f (and f′ with --grad) for one function.
    case eval
    /// x and f′ for one function.
    case grad
    /// x and each function (and each f′ with --grad), side by side.
    case table

    var name: String {
      switch self {
      case .eval: return "eval"
      case .grad: return "grad"
      case .table: return "table"
      }
    }
  }

  /// `grad --order 1|2`: the first derivative (default) or only the second.
  static let order = OptionSpec(
    long: "order", value: ValueSpec(name: "N", kind: .choice(["1", "2"])),
    help: "Which derivative: 1 (default, column <name>_grad) or 2 (only f'', column <name>_grad2).")

  static func run(_ parsed: ParsedArguments, console: Console, mode: Mode) throws(CLIError) {
    let command = mode.name
    let (words, writtenRange) = try XRange.split(parsed.positionals, command: command)
    guard !words.isEmpty else { throw .missingArgument(command: command, name: "a function SPEC") }
    let specs = SpecWords.readAll(words, parsed: parsed)
    // A file name where a SPEC goes is --input forgotten (`eval gelu xs.txt`).
    for (word, spec) in zip(words, specs) {
      if case .failure = spec, SpecWords.looksLikeFile(word) { throw .fileAsArgument(word) }
    }
    // eval and grad take one SPEC word, which may be a sweep of several functions; several
    // functions that read as such are a table (`eval gelu mish`). A number is refused as a SPEC.
    if mode != .table && words.count > 1 {
      let allFunctions = specs.allSatisfy { spec in
        if case .success = spec { return true }
        return false
      }
      guard allFunctions else { throw .unexpectedArgument(command: command, value: words[1]) }
      var table = ["table"] + words
      if let writtenRange { table += [writtenRange.low.text, writtenRange.high.text] }
      if mode == .grad { table.append(parsed.value(order) == "2" ? "--grad2" : "--grad") }
      throw .oneFunctionOnly(command: command, table: table)
    }

    if parsed.has(SharedOptions.points) && parsed.has(SharedOptions.step) {
      throw .conflictingOptions("--points", "--step")
    }
    if parsed.has(SharedOptions.input) {
      for other in [SharedOptions.points, SharedOptions.step] where parsed.has(other) {
        throw .conflictingOptions("--input", other.displayName)
      }
      if writtenRange != nil { throw .conflictingOptions("--input", "MIN MAX") }
    } else if parsed.has(SharedOptions.column) {
      throw .missingOption(option: "--input", for: "--column")
    }
    let column = try parsed.value(SharedOptions.column).map(InputReader.Column.init)
    let settings = try OutputSettings(parsed)

    let functions = try SpecWords.functions(specs, parsed: parsed)

    let grid: Grid
    if let path = parsed.value(SharedOptions.input) {
      grid = Grid(values: try InputReader.numbers(from: path, column: column, console: console))
    } else {
      let range = try XRange.checked(writtenRange)
      // A grid finer than the doubles of the range is refused rather than repeating x.
      if let points = parsed.value(SharedOptions.points).flatMap(Int.init) {
        grid = .evenlySpaced(from: range.low, to: range.high, count: points)
        try grid.refuseRepeats(
          from: range.low, to: range.high,
          spacing: (range.high.value - range.low.value) / Double(points - 1)
        ) { "use --points \($0) or fewer, or a wider range" }
      } else if let step = parsed.value(SharedOptions.step) {
        // The parser has checked --step is a number > 0.
        let step = try DecimalArgument(step, name: "--step")
        grid = try .stepped(from: range.low, step: step, to: range.high)
        try grid.refuseRepeats(from: range.low, to: range.high, spacing: step.value) { _ in
          "use a larger --step, or a wider range"
        }
      } else {
        grid = .automatic(from: range.low.value, to: range.high.value)
      }
    }

    var orders: [Int]
    switch mode {
    case .grad: orders = parsed.value(order) == "2" ? [2] : [1]
    case .eval, .table: orders = parsed.has(SharedOptions.grad) ? [0, 1] : [0]
    }
    if parsed.has(SharedOptions.grad2) && !orders.contains(2) { orders.append(2) }
    try GridOutput.write(
      functions, on: grid, orders: orders, settings: settings, console: console)
  }
}
