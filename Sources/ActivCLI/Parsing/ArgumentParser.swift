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
          throw .unknownOption(
            command: spec.name, option: "--" + name,
            suggestion: closestMatch(to: name, among: spec.options.map(\.long)).map { "--" + $0 })
        }
        option = match
        inlineValue = value
      case .short(let name, let attached):
        guard let match = spec.option(short: name) else {
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
      while texts.count < valueSpec.count {
        guard index < tokens.count, case .word(let next) = tokens[index] else {
          throw .missingOptionValue(option: option.displayName, valueName: valueSpec.name)
        }
        texts.append(next)
        index += 1
      }
      var checked: [String] = []
      for text in texts { checked.append(try validated(text, for: option, valueSpec)) }
      parsed.values[option.long, default: []] += checked
    }
    return parsed
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
        let near = closestMatch(to: text, among: words)
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
