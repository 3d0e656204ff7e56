import Activations

/// `activ info SPEC`: what a function is, as field/value records.
enum InfoCommand {
  static let spec = CommandSpec(
    name: "info",
    abstract: "Describe a function: formulas, parameters, aliases, kinks, the article's remark.",
    positionalUsage: "SPEC...",
    positionals: [
      PositionalSpec(
        name: "SPEC",
        help: "The function, with parameters if wanted; several, or a sweep, give the --all layout."
      )
    ],
    options: [
      all, format, latex, SharedOptions.precision, SharedOptions.seed, SharedOptions.noHeader,
      SharedOptions.output, SharedOptions.help,
    ],
    discussion: [
      "Kinks list each point where f or f' is not continuous and the value activ's derivative takes "
        + "there, which follows PyTorch's autograd.",
      "Properties: range (infimum and supremum, [ ] where attained), global minimum and maximum (by a "
        + "bracketed root search on f'), monotonic (else where f increases and decreases), zero_centered "
        + "(takes both signs, f(0) = 0), identity_near_origin (f(0) = 0, f'(0) = 1 from both sides), "
        + "continuity (C-1 for a jump of f, C0, C1, ... or Cinf), bounded_below/above, saturation "
        + "(|f'| < 0.001), dead (f' = 0 on an interval) and f'(0). The continuity class is declared per "
        + "catalogue entry and checked against numeric evidence by the tests; the rest is computed for "
        + "the actual parameters; for an expression everything is numeric, and says so.",
      "--all lays the catalogue side by side, one row per function at its defaults; several SPECs, "
        + "or a sweep, are laid out the same way, one row per function.",
      "Every number, in text, tables, CSV, markdown and JSON alike, is the shortest decimal that "
        + "reads back to the same double, or has P significant digits with --precision P.",
      "Saturation lists the half-lines where |f'| stays below 0.001 as x goes to -inf or inf, and "
        + "bounded intervals that hold a flat stretch (f' = 0 on an interval); a point where f' "
        + "vanishes only there (silu's minimum, tanhshrink at 0) is listed as stationary instead.",
      "For an expression, scanned says where f' was sampled, and undecided where f' changes sign "
        + "between samples (sin(x) far out, x*sin(1/x) near 0): increasing, decreasing and the "
        + "extrema say nothing of those intervals, and the range is that of the samples there.",
      "--format json gives one object for SPEC, or with --all an array of them, one per line (the "
        + "layout of the other commands' json). Numbers are JSON numbers; an unbounded end of the "
        + "range, an absent extremum and any nan or ±inf are null, as JSON has no such numbers. "
        + "--no-header does not go with json.",
    ],
    examples: [
      "activ info mish", "activ info 'hard_tanh(min_val=-2, max_val=2)'",
      "activ info 'x*sigmoid(1.702*x)'", "activ info gelu --format json",
      "activ info --all --format markdown",
    ])

  static let format = SharedOptions.format.described(
    "text (default) or json for one function; table (default), csv, markdown or json with --all "
      + "or several.",
    kind: .choice(["text", "json", "table", "csv", "markdown"]))
  static let latex = OptionSpec(
    long: "latex", value: nil,
    help: "Also give the formulas in LaTeX (in JSON, formula and derivative become LaTeX).")
  static let all = OptionSpec(
    long: "all", value: nil,
    help: "Every catalogue function at its defaults, one column per property.")

  static func run(_ parsed: ParsedArguments, console: Console) throws(CLIError) {
    let chosen = parsed.value(format)
    let style =
      parsed.value(SharedOptions.precision).flatMap(Int.init).map(NumberStyle.significant)
      ?? .shortest
    if chosen == "json" && parsed.has(SharedOptions.noHeader) {
      throw .conflictingOptions(SharedOptions.noHeader.displayName, "--format json")
    }
    if parsed.has(all) {
      if let extra = parsed.positionals.first {
        throw .unexpectedArgument(command: "info", value: extra)
      }
      if let chosen, chosen == "text" {
        throw .badOptionValue(
          option: "--format", value: chosen, expected: "table, csv, markdown or json with --all")
      }
      let descriptions = Catalogue.entries.map { entry in
        // Every entry binds with its defaults (the catalogue tests say so).
        FunctionDescription(bound: try! Catalogue.bind(entry.name), style: style)
      }
      return try writeAll(descriptions, parsed, format: chosen ?? "table", console: console)
    }
    let context = parsed.bindingContext
    if parsed.positionals.count > 1 {
      try refuseTextForSeveral(chosen)
      var specs: [FunctionSpec] = []
      for word in parsed.positionals { specs.append(try SpecWords.read(word, context: context)) }
      return try writeSeveral(specs, parsed, chosen: chosen, style: style, console: console)
    }
    var spec: FunctionSpec?
    if let word = parsed.positionals.first { spec = try SpecWords.read(word, context: context) }
    if let spec, spec.count > 1 {
      try refuseTextForSeveral(chosen)
      return try writeSeveral([spec], parsed, chosen: chosen, style: style, console: console)
    }
    if let chosen, !["text", "json"].contains(chosen) {
      throw .badOptionValue(
        option: "--format", value: chosen,
        expected: "text or json (table, csv and markdown go with --all)")
    }
    guard let spec else {
      throw .missingArgument(command: "info", name: "a function SPEC (or --all)")
    }
    let description: FunctionDescription
    switch spec {
    case .expression(let expression, _):
      description = FunctionDescription(
        expression: expression, latex: parsed.has(latex), style: style)
    case .catalogue(let functions):
      description = FunctionDescription(bound: functions[0], latex: parsed.has(latex), style: style)
    }
    try OutputTarget.writing(parsed.value(SharedOptions.output), console: console) { target in
      if chosen == "json" {
        target.writer.append(description.json + "\n")
      } else {
        let width = description.records.map(\.0.count).max() ?? 0
        for (field, value) in description.records {
          target.writer.append(
            field + String(repeating: " ", count: width - field.count + 2) + value + "\n")
        }
      }
    }
  }

  /// Several functions have no text layout: table, csv, markdown or json.
  static func refuseTextForSeveral(_ chosen: String?) throws(CLIError) {
    if let chosen, chosen == "text" {
      throw .badOptionValue(
        option: "--format", value: chosen,
        expected: "table, csv, markdown or json for several functions")
    }
  }

  /// `info SPEC SPEC...` or a sweep: the `--all` layout, one row per function named.
  static func writeSeveral(
    _ specs: [FunctionSpec], _ parsed: ParsedArguments, chosen: String?, style: NumberStyle,
    console: Console
  ) throws(CLIError) {
    var descriptions: [FunctionDescription] = []
    for spec in specs {
      switch spec {
      case .expression(let expression, _):
        descriptions.append(FunctionDescription(expression: expression, style: style))
      case .catalogue(let functions):
        for bound in functions {
          var description = FunctionDescription(bound: bound, style: style)
          // A row names the function as its spec says (swish(beta=2)), not by the entry alone.
          description.name = bound.label
          descriptions.append(description)
        }
      }
    }
    try writeAll(descriptions, parsed, format: chosen ?? "table", console: console)
  }

  /// `info --all` (the catalogue at its defaults) and several functions: one row per function.
  static func writeAll(
    _ descriptions: [FunctionDescription], _ parsed: ParsedArguments, format: String,
    console: Console
  ) throws(CLIError) {
    if format == "json" {
      try OutputTarget.writing(parsed.value(SharedOptions.output), console: console) { target in
        target.writer.append(
          "[\n" + descriptions.map { "  " + $0.json }.joined(separator: ",\n") + "\n]\n")
      }
      return
    }
    let header = FunctionDescription.summaryColumns
    let rows = descriptions.map(\.summaryRow)
    if format == "markdown" {
      try OutputTarget.writing(parsed.value(SharedOptions.output), console: console) { target in
        if !parsed.has(SharedOptions.noHeader) {
          target.writer.append("| " + header.joined(separator: " | ") + " |\n")
          target.writer.append("|" + String(repeating: " --- |", count: header.count) + "\n")
        }
        for row in rows {
          // A '|' inside a cell would end it: escape it as Markdown asks.
          let cells = row.dropFirst().map {
            $0.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
          }
          target.writer.append("| `" + row[0] + "` | " + cells.joined(separator: " | ") + " |\n")
        }
      }
      return
    }
    var settings = try OutputSettings(parsed)
    settings.format = format == "csv" ? .csv : .table
    try settings.write(header: header, alignments: header.map { _ in .left }, console: console) {
      writer throws(CLIError) in
      for row in rows { try writer.write(row) }
    }
  }

  /// What activ knows of an expression: its canonical form, and how its derivatives are made.
  static func identity(of expression: Expression) -> [(String, String)] {
    [
      ("expression", expression.text),
      ("derivatives", "f' and f'' by forward-mode automatic differentiation, exact to rounding"),
      (
        "kinks",
        "not declared for expressions; at abs, max, min, where, clamp the one-sided rules of the catalogue apply"
      ),
    ]
  }

  static func identity(of bound: BoundActivation, style: NumberStyle = .shortest) -> [(
    String, String
  )] {
    let shortestDecimal = { (x: Double) in style.format(x + 0) }
    let entry = bound.entry
    var records: [(String, String)] = [
      ("name", entry.name),
      ("spec", bound.label),
      ("summary", entry.summary),
      ("aliases", entry.aliases.isEmpty ? "none" : entry.aliases.joined(separator: ", ")),
      ("formula", entry.formula),
      ("derivative", entry.derivativeFormula),
    ]
    for parameter in entry.parameters {
      let value = bound.arguments.values[parameter.name]!.specText
      let defaultText = parameter.defaultValue.specText
      let note = value == defaultText ? "(default)" : "(default \(defaultText))"
      records.append(("parameter", "\(parameter.name) = \(value) \(note): \(parameter.summary)"))
    }
    let kinks = bound.function.kinks
    if kinks.isEmpty {
      records.append(("kinks", "none: f and f' are continuous"))
    }
    for kink in kinks {
      let x = shortestDecimal(kink.x)
      let side: String
      switch kink.rule {
      case .left: side = "the derivative from the left"
      case .right: side = "the derivative from the right"
      case .average: side = "the mean of both sides, as torch.maximum"
      }
      let jump =
        kink.isJump ? "; f jumps here, f(\(x)) = \(shortestDecimal(bound.value(kink.x)))" : ""
      records.append(
        (
          "kink",
          "x = \(x): f'(\(x)) = \(shortestDecimal(bound.derivative(kink.x))), \(side)\(jump)"
        ))
    }
    return records
  }
}
