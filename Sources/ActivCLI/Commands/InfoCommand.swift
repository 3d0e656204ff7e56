import Activations

/// `activ info SPEC`: what a function is, as field/value records.
enum InfoCommand {
  static let spec = CommandSpec(
    name: "info",
    abstract: "Describe a function: formulas, parameters, aliases, kinks, the article's remark.",
    positionalUsage: "SPEC",
    positionals: [PositionalSpec(name: "SPEC", help: "The function, with parameters if wanted.")],
    options: [
      SharedOptions.seed, SharedOptions.format, SharedOptions.noHeader, SharedOptions.output,
      SharedOptions.help,
    ],
    discussion: [
      "Kinks list each point where f or f' is not continuous and the value activ's derivative takes "
        + "there, which follows PyTorch's autograd. The default format here is table."
    ],
    examples: [
      "activ info mish", "activ info 'hard_tanh(min_val=-2, max_val=2)'",
      "activ info gelu --format csv",
    ])

  static func run(_ parsed: ParsedArguments, console: Console) throws(CLIError) {
    guard let word = parsed.positionals.first else {
      throw .missingArgument(command: "info", name: "a function SPEC")
    }
    if parsed.positionals.count > 1 {
      throw .unexpectedArgument(command: "info", value: parsed.positionals[1])
    }
    let context = BindingContext(seed: parsed.value(SharedOptions.seed).flatMap(UInt64.init) ?? 0)
    let resolved = try Evaluate.resolve(word, context: context)
    guard resolved.count == 1 else {
      throw .spec(.sweepNotAccepted(spec: word, count: resolved.count))
    }
    let information: [(String, String)]
    if let expression = resolved[0].function as? Expression {
      information = records(for: expression)
    } else {
      do {
        information = records(for: try Catalogue.bind(word, context: context))
      } catch {
        throw .spec(error)
      }
    }
    let settings = OutputSettings(parsed, defaultFormat: .table)
    try settings.write(header: ["field", "value"], alignments: [.left, .left], console: console) {
      writer throws(CLIError) in
      for (field, value) in information { try writer.write([field, value]) }
    }
  }

  /// What activ knows of an expression: its canonical form, and how its derivatives are made.
  static func records(for expression: Expression) -> [(String, String)] {
    [
      ("expression", expression.text),
      ("derivatives", "f' and f'' by forward-mode automatic differentiation, exact to rounding"),
      (
        "kinks",
        "not declared for expressions; at abs, max, min, where, clamp the one-sided rules of the catalogue apply"
      ),
    ]
  }

  static func records(for bound: BoundActivation) -> [(String, String)] {
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
    if let remark = entry.remark { records.append(("remark", remark)) }
    return records
  }
}
