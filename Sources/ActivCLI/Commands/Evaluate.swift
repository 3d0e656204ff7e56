import Activations

/// `eval`, `grad` and `table`: functions evaluated on a grid or on numbers from a file.
enum Evaluate {
  enum Mode {
    /// x and f (and f′ with --grad) for one function.
    case eval
    /// x and f′ for one function.
    case grad
    /// x and each function (and each f′ with --grad), side by side.
    case table
  }

  /// `grad --order 1|2`: the first derivative (default) or only the second.
  static let order = OptionSpec(
    long: "order", value: ValueSpec(name: "N", kind: .choice(["1", "2"])),
    help: "Which derivative: 1 (default, column <name>_grad) or 2 (only f'', column <name>_grad2).")

  static let rangeHelp = PositionalSpec(
    name: "MIN MAX",
    help: "The range, both ends included (default -5 5). Negative numbers need no quoting.")
  static let gridDiscussion =
    "Without --points or --step the grid has about 100 intervals of a round step (1, 2 or 5 × 10^k), "
    + "so x prints as short decimals; MIN and MAX are always included. Numbers are printed in the "
    + "shortest form that reads back exactly, independent of the locale."
  static let outputDiscussion =
    "--format json writes one JSON array: an object per row on its own line, keyed by the CSV "
    + "header's column names, numbers as JSON numbers in the same digits as the CSV (shortest, or "
    + "--precision). JSON has no NaN or infinity, so nan, inf and -inf are written as null; use "
    + "--format csv to tell nan from ±inf. The keys are the header, so --no-header does not go "
    + "with json."
  static let progressDiscussion =
    "Progress: a run of 2,000,000 rows or more shows a line on standard error, 'activ: 42% "
    + "(840,000 of 2,000,001 rows)', redrawn at most 10 times a second and erased when the run "
    + "ends or fails; only when standard error is a terminal and the rows go elsewhere (-o FILE, "
    + "or standard output redirected), never when standard error is a pipe or file."
  static let specDiscussion =
    "A SPEC names a function, optionally with parameters: mish, elu(alpha=0.5), leaky_relu(0.2), "
    + "gelu(approximate=tanh). A value may be a sweep of alternatives separated by '|': "
    + "'swish(beta=0.5|1|2)' stands for swish(beta=0.5), swish(beta=1) and swish(beta=2), each with "
    + "its own column or curve; several swept parameters give every combination (at most "
    + "\(Catalogue.maximumSweep) per SPEC). Quote specs with parentheses in the shell ('|' is "
    + "also the shell's pipe). Names ignore case, '_' and '-'."

  static let evalSpec = CommandSpec(
    name: "eval", abstract: "Evaluate a function (and its derivative) over a range, as CSV.",
    positionalUsage: "SPEC [MIN MAX]",
    positionals: [
      PositionalSpec(name: "SPEC", help: "The function, e.g. mish or 'elu(alpha=0.5)'."), rangeHelp,
    ],
    options: [SharedOptions.grad, SharedOptions.grad2] + SharedOptions.grid + [
      SharedOptions.name, SharedOptions.seed,
    ]
      + SharedOptions.output4
      + [SharedOptions.help],
    discussion: [specDiscussion, gridDiscussion, outputDiscussion, progressDiscussion],
    examples: [
      "activ eval mish -3 3", "activ eval 'elu(alpha=0.5)' -2 2 --grad --points 5",
      "activ eval gelu --input xs.txt", "activ eval sigmoid -6 6 --format table --precision 6",
    ])

  static let gradSpec = CommandSpec(
    name: "grad", abstract: "Evaluate a function's derivative over a range, as CSV.",
    positionalUsage: "SPEC [MIN MAX]",
    positionals: [
      PositionalSpec(name: "SPEC", help: "The function, e.g. relu or 'swish(beta=2)'."), rangeHelp,
    ],
    options: [order, SharedOptions.grad2] + SharedOptions.grid + [
      SharedOptions.name, SharedOptions.seed,
    ] + SharedOptions.output4 + [
      SharedOptions.help
    ],
    discussion: [
      specDiscussion, gridDiscussion,
      "At a kink the derivative follows PyTorch's autograd (relu'(0) = 0); 'activ info SPEC' says which side.",
      outputDiscussion, progressDiscussion,
    ],
    examples: ["activ grad relu -1 1 --points 5", "activ grad 'gelu(approximate=tanh)' -4 4"])

  static let tableSpec = CommandSpec(
    name: "table", abstract: "Several functions side by side on one grid, as CSV.",
    positionalUsage: "SPEC... [MIN MAX]",
    positionals: [PositionalSpec(name: "SPEC...", help: "One or more functions."), rangeHelp],
    options: [SharedOptions.grad, SharedOptions.grad2] + SharedOptions.grid + [
      SharedOptions.name, SharedOptions.seed,
    ]
      + SharedOptions.output4
      + [SharedOptions.help],
    discussion: [
      specDiscussion,
      "The last two arguments are the range when both are numbers. With --grad each function's "
        + "derivative column follows its value column.",
      gridDiscussion, outputDiscussion, progressDiscussion,
    ],
    examples: [
      "activ table relu gelu mish -3 3", "activ table sigmoid tanh --grad --format table",
      "activ table relu gelu -1 1 --points 3 --format json",
    ])

  static func run(_ parsed: ParsedArguments, console: Console, mode: Mode) throws(CLIError) {
    let command = mode == .eval ? "eval" : (mode == .grad ? "grad" : "table")
    let (words, range) = try specsAndRange(parsed.positionals, command: command)
    guard !words.isEmpty else { throw .missingArgument(command: command, name: "a function SPEC") }
    // eval and grad take one SPEC word, which may be a sweep of several functions.
    if mode != .table && words.count > 1 {
      throw .unexpectedArgument(command: command, value: words[1])
    }

    if parsed.has(SharedOptions.points) && parsed.has(SharedOptions.step) {
      throw .conflictingOptions("--points", "--step")
    }
    if parsed.has(SharedOptions.input) {
      for other in [SharedOptions.points, SharedOptions.step] where parsed.has(other) {
        throw .conflictingOptions("--input", other.displayName)
      }
      if range != nil { throw .conflictingOptions("--input", "MIN MAX") }
    }
    let settings = try OutputSettings(parsed)

    let functions = try bindFunctions(words, parsed: parsed)

    let grid: Grid
    if let path = parsed.value(SharedOptions.input) {
      grid = Grid(values: try InputReader.numbers(from: path, console: console))
    } else {
      let (low, high) = range ?? (Bound(text: "-5", value: -5), Bound(text: "5", value: 5))
      guard low.value < high.value else { throw .emptyRange(min: low.text, max: high.text) }
      if let points = parsed.value(SharedOptions.points).flatMap(Int.init) {
        grid = .evenlySpaced(from: low, to: high, count: points)
      } else if let step = parsed.value(SharedOptions.step) {
        grid = try .stepped(
          from: low, step: Bound(text: step, value: parseDecimal(step)!), to: high)
      } else {
        grid = .automatic(from: low.value, to: high.value)
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

  /// Binds every SPEC word, with the command's `--seed`: a catalogue spec (a sweep such as
  /// `swish(beta=0.5|1|2)` gives one function per value, in the order of `Catalogue.bindAll`, at
  /// most `Catalogue.maximumSweep` per word, each labelled by its own spec), or otherwise an
  /// expression in x (labelled by its text, or by `--name`). See ``resolve(_:context:)``.
  static func bindFunctions(_ words: [String], parsed: ParsedArguments) throws(CLIError)
    -> [NamedFunction]
  {
    let context = parsed.bindingContext
    var functions: [NamedFunction] = []
    for word in words { functions += try resolve(word, context: context) }
    if let name = parsed.value(SharedOptions.name) {
      guard functions.count == 1 else {
        throw .badOptionValue(
          option: "--name", value: name, expected: "one function to name (got \(functions.count))")
      }
      functions[0].label = name
    }
    return functions
  }

  /// A SPEC word as functions. A word shaped like a spec whose name is in the catalogue is that
  /// spec (`mish`, `elu(alpha=0.5)`, a sweep), unless an argument is `x` (`elu(x, alpha=0.5)` is an
  /// expression). A spec-shaped word with an unknown name and no argument list is refused as an
  /// unknown function (with the catalogue's "did you mean"). Everything else is an expression.
  static func resolve(_ word: String, context: BindingContext) throws(CLIError) -> [NamedFunction] {
    if let syntax = try? SpecSyntax.parse(word) {
      let mentionsX = syntax.arguments.contains { argument in
        argument.alternatives.contains { $0 == .word("x") || $0 == .word("X") }
      }
      let name = syntax.name.lowercased()
      let isExpressionName =
        name == "x" || name == "pi" || name == "e" || Expression.builtinFunctions.contains(name)
      if !mentionsX
        && (Catalogue.entry(named: syntax.name) != nil
          || (!isExpressionName && syntax.arguments.isEmpty))
      {
        do {
          return try Catalogue.bindAll(word, context: context).map(NamedFunction.init)
        } catch {
          throw .spec(error)
        }
      }
    }
    do {
      let expression = try Expression.parse(word, context: context)
      return [NamedFunction(label: word.trimmingSpaces, function: expression)]
    } catch {
      // `elu(alpha=0.5` or an empty word reads as a broken spec, not a broken expression: the
      // catalogue's message says what is wrong with it.
      switch error {
      case .empty, .parameterBeforeInput:
        do {
          _ = try Catalogue.bindAll(word, context: context)
        } catch let specError {
          throw .spec(specError)
        }
      default:
        break
      }
      throw .expression(error, text: word)
    }
  }

  /// A SPEC word that must name one function (a sweep is refused).
  static func resolveOne(_ word: String, context: BindingContext) throws(CLIError) -> NamedFunction
  {
    let functions = try resolve(word, context: context)
    guard functions.count == 1 else {
      throw .spec(.sweepNotAccepted(spec: word, count: functions.count))
    }
    return functions[0]
  }

}

extension String {
  /// Without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}
