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
      } else if argument.hasPrefix("-"), argument.count > 1, !looksNumeric(argument),
        !nonFiniteWords.contains(argument.lowercased())
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

  /// Negative non-finite numbers stay words, so they are refused as numbers, not as options.
  static let nonFiniteWords: Set<String> = ["-inf", "-infinity", "-nan"]

  /// `-` followed by a digit, or by `.` and a digit: the start of a negative number.
  static func looksNumeric(_ argument: String) -> Bool {
    let bytes = Array(argument.utf8.prefix(3))
    func isDigit(_ b: UInt8?) -> Bool {
      b.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
    }
    guard bytes.first == UInt8(ascii: "-") else { return false }
    if isDigit(bytes.count > 1 ? bytes[1] : nil) { return true }
    return bytes.count > 2 && bytes[1] == UInt8(ascii: ".") && isDigit(bytes[2])
  }
}
