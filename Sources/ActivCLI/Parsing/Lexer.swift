import Activations

/// One command-line word, classified before any matching against a command's spec.
enum Token: Equatable, Sendable {
  /// `--name` or `--name=value`.
  case long(name: String, value: String?)
  /// `-x`, `-xVALUE` or `-x=VALUE`: one short option letter and what follows it.
  case short(name: Character, attached: String?)
  /// Anything else: a positional word or an option's value. Includes `-`, and every word that
  /// starts like a number (`-3`, `-0.5`, `-.5`, `-1e-3`), which is never an option.
  case word(String)
  /// `--`: every word after it is positional.
  case terminator
}

enum Lexer {
  static func tokens(_ arguments: [String]) -> [Token] {
    var result: [Token] = []
    var afterTerminator = false
    for argument in arguments {
      if afterTerminator {
        result.append(.word(argument))
      } else if argument == "--" {
        afterTerminator = true
        result.append(.terminator)
      } else if argument.hasPrefix("--") {
        let body = argument.dropFirst(2)
        if let equals = body.firstIndex(of: "=") {
          result.append(
            .long(name: String(body[..<equals]), value: String(body[body.index(after: equals)...])))
        } else {
          result.append(.long(name: String(body), value: nil))
        }
      } else if argument.hasPrefix("-"), argument.count > 1,
        !DecimalNumeral.isNegativeNumberShaped(argument)
      {
        let body = argument.dropFirst()
        let name = body.first!
        var rest = body.dropFirst()
        if rest.first == "=" { rest = rest.dropFirst() }
        result.append(.short(name: name, attached: rest.isEmpty ? nil : String(rest)))
      } else {
        result.append(.word(argument))
      }
    }
    return result
  }
}
