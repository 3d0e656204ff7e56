import Activations

/// A command line matched against a ``CommandSpec``: positionals in order, and each option's
/// already-validated value.
struct ParsedArguments {
  var positionals: [String] = []
  /// Each option's values (one, or `ValueSpec.count` for options like `--ylim LO HI`).
  var values: [String: [String]] = [:]
  var flags: Set<String> = []

  func has(_ option: OptionSpec) -> Bool {
    flags.contains(option.long) || values[option.long] != nil
  }
  func value(_ option: OptionSpec) -> String? { values[option.long]?.first }
  func allValues(_ option: OptionSpec) -> [String] { values[option.long] ?? [] }

  /// The one positional of a command that takes exactly one (`apply SPEC`, `info SPEC`,
  /// `completions SHELL`); `missing` says what to give when there is none.
  func onlyPositional(command: String, missing: String) throws(CLIError) -> String {
    guard let word = positionals.first else {
      throw .missingArgument(command: command, name: missing)
    }
    if positionals.count > 1 { throw .unexpectedArgument(command: command, value: positionals[1]) }
    return word
  }

  /// What binding a spec needs from the command line: `--seed` (default 0).
  var bindingContext: BindingContext {
    BindingContext(seed: value(SharedOptions.seed).flatMap(UInt64.init) ?? 0)
  }
}

enum ArgumentParser {
  /// Whether `-h` or `--help` appears before any `--`: help wins over every other error.
  static func wantsHelp(_ tokens: [Token]) -> Bool {
    for token in tokens {
      switch token {
      case .terminator: return false
      case .long(name: "help", _), .short(name: "h", _): return true
      default: continue
      }
    }
    return false
  }

  static func parse(_ tokens: [Token], for spec: CommandSpec) throws(CLIError) -> ParsedArguments {
    var parsed = ParsedArguments()
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      index += 1
      let option: OptionSpec
      let inlineValue: String?
      switch token {
      case .terminator:
        continue
      case .word(let word):
        parsed.positionals.append(word)
        continue
      case .long(let name, let value):
        guard let match = spec.option(long: name) else {
          throw unknownOption(name, value: value, at: index - 1, in: tokens, for: spec)
        }
        option = match
        inlineValue = value
      case .short(let name, let attached):
        guard let match = spec.option(short: name) else {
          // A word that is no option of this command but reads as a SPEC (`-x^2`, `-log(x)`)
          // is a positional; `--` makes any word one.
          let word = "-" + String(name) + (attached ?? "")
          if spec.takesFunctions,
            (try? FunctionSpec(word)) != nil
          {
            parsed.positionals.append(word)
            continue
          }
          throw .unknownOption(command: spec.name, option: "-" + String(name), suggestion: nil)
        }
        option = match
        inlineValue = attached
      }
      if parsed.has(option) && !option.repeatable {
        throw .repeatedOption(option: option.displayName)
      }
      guard let valueSpec = option.value else {
        if inlineValue != nil { throw .flagTakesNoValue(option: option.displayName) }
        parsed.flags.insert(option.long)
        continue
      }
      var texts: [String] = inlineValue.map { [$0] } ?? []
      // `--ylim -1:1`: two numbers are wanted, said before a missing second value is.
      let isRange: Bool
      if case .number = valueSpec.kind { isRange = valueSpec.count == 2 } else { isRange = false }
      if isRange, let text = texts.first {
        try XRange.refuseColon(text, option: option.displayName)
      }
      while texts.count < valueSpec.count {
        guard index < tokens.count, case .word(let next) = tokens[index] else {
          throw .missingOptionValue(option: option.displayName, valueName: valueSpec.name)
        }
        if isRange { try XRange.refuseColon(next, option: option.displayName) }
        texts.append(next)
        index += 1
      }
      var checked: [String] = []
      for text in texts { checked.append(try validated(text, for: option, valueSpec)) }
      parsed.values[option.long, default: []] += checked
    }
    return parsed
  }

  /// Names people give the x range (folded as ``normalizedName(_:)``), which the MIN MAX
  /// positionals give: two numbers (`--xlim -3 3`), or one end (`--xmin -3`).
  private static let rangeOptionNames: Set<String> = ["xlim", "xlims", "xrange", "range"]
  private static let rangeEndOptionNames: Set<String> = ["xmin", "xmax", "min", "max"]

  /// Names other tools give an option of activ's (folded as ``normalizedName(_:)``), suggested
  /// where spelling alone would not find it or would find the wrong one (`--n` is not `--name`).
  private static let synonyms: [String: String] = [
    "n": "points", "num": "points", "npoints": "points", "samples": "points", "count": "points",
    "dx": "step", "stepsize": "step",
    "ymin": "ylim", "ymax": "ylim", "yrange": "ylim", "ylims": "ylim",
    "out": "output", "fmt": "format", "digits": "precision",
  ]

  /// The refusal of `--name`, which `spec` does not have: the x range's MIN MAX for `--xlim`
  /// (never `--ylim`, which is another thing), the command that has the option (`eval --svg` is
  /// plot's), or the near miss among the command's own options.
  private static func unknownOption(
    _ name: String, value: String?, at position: Int, in tokens: [Token], for spec: CommandSpec
  ) -> CLIError {
    let folded = normalizedName(name)
    if rangeOptionNames.contains(folded) || rangeEndOptionNames.contains(folded),
      spec.positionals.contains(where: { $0.name == XRange.help.name })
    {
      // Written in place of the option: its values when they make a range, else MIN MAX.
      var dropped: Set<Int> = [position]
      var range = ["MIN", "MAX"]
      if rangeEndOptionNames.contains(folded) {
        if value == nil && position + 1 < tokens.count { dropped.insert(position + 1) }
      } else if let value {
        let parts = value.split(whereSeparator: { $0 == "," || $0 == ":" }).map(String.init)
        if parts.count == 2 { range = parts }
      } else if position + 2 < tokens.count,
        case .word(let low) = tokens[position + 1], case .word(let high) = tokens[position + 2],
        DecimalNumeral.isNumberShaped(low), DecimalNumeral.isNumberShaped(high)
      {
        range = [low, high]
        dropped.formUnion([position + 1, position + 2])
      }
      let kept = tokens.indices.filter { !dropped.contains($0) }.map { tokens[$0] }
      // The range goes after the last function: before the first option.
      var example = words(of: kept)
      let firstOption = kept.firstIndex { if case .word = $0 { return false } else { return true } }
      example.insert(contentsOf: range, at: firstOption ?? example.count)
      return .rangeOption(command: spec.name, option: "--" + name, example: [spec.name] + example)
    }
    let owners = Commands.all.map(\.spec).filter {
      $0.name != spec.name && $0.option(long: name) != nil
    }
    if !owners.isEmpty {
      return .optionOfOtherCommand(
        command: spec.name, option: "--" + name, owners: owners.map(\.name),
        commandLine: owners.count == 1
          ? [owners[0].name] + words(of: tokens, keepingOptionsOf: owners[0], from: spec) : nil)
    }
    let near =
      synonyms[folded].flatMap { spec.option(long: $0)?.long }
      // One letter is the short option's (`--o` is `-o`), or no near miss at all.
      ?? (folded.count < 2
        ? folded.first.flatMap { spec.option(short: $0)?.long }
        : closestMatch(to: name, among: spec.options.map(\.long)))
    return .unknownOption(
      command: spec.name, option: "--" + name, suggestion: near.map { "--" + $0 })
  }

  /// The command-line words tokens were read from; with `owner`, without the options of `spec`
  /// that `owner` lacks (and their values), for a command line that runs `owner`.
  private static func words(
    of tokens: [Token], keepingOptionsOf owner: CommandSpec? = nil, from spec: CommandSpec? = nil
  ) -> [String] {
    var result: [String] = []
    var skip = 0
    for token in tokens {
      if skip > 0, case .word = token {
        skip -= 1
        continue
      }
      skip = 0
      switch token {
      case .word(let word): result.append(word)
      case .long(let name, let value):
        if let owner, let spec, owner.option(long: name) == nil,
          let option = spec.option(long: name)
        {
          skip = value == nil ? option.value?.count ?? 0 : 0
          continue
        }
        result.append("--" + name + (value.map { "=" + $0 } ?? ""))
      case .short(let name, let attached):
        result.append("-" + String(name) + (attached ?? ""))
      case .terminator: result.append("--")
      }
    }
    return result
  }

  /// The value, checked against its kind (choices are folded to their canonical spelling).
  private static func validated(_ text: String, for option: OptionSpec, _ value: ValueSpec)
    throws(CLIError) -> String
  {
    let refusal = CLIError.badOptionValue(
      option: option.displayName, value: text, expected: value.expectation)
    switch value.kind {
    case .number(let positive):
      guard let number = parseDecimal(text), !positive || number > 0 else { throw refusal }
    case .integer(let range):
      guard !text.isEmpty,
        text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
        let number = UInt64(text), range.contains(number)
      else { throw refusal }
    case .choice(let words):
      guard let match = words.first(where: { $0 == text.lowercased() }) else {
        // A number (`--order 3`), or any word, is no typo of one of a set of numbers.
        let near =
          DecimalNumeral.isNumberShaped(text) || words.allSatisfy(DecimalNumeral.isNumberShaped)
          ? nil : closestMatch(to: text, among: words)
        throw .badOptionValue(
          option: option.displayName, value: text,
          expected: value.expectation + didYouMean(near))
      }
      return match
    case .path, .text:
      guard !text.isEmpty else { throw refusal }
    }
    return text
  }
}
