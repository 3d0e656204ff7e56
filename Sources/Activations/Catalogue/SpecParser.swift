/// A function spec as written, before it is checked against the catalogue: a name and its
/// arguments, `elu(alpha=0.5)` or `leaky_relu(0.2)`, where a value may be a sweep of
/// alternatives, `swish(beta=0.5|1|2)`.
///
/// Grammar (spaces allowed between tokens):
/// ```
/// spec         = name [ "(" [ argument { "," argument } ] ")" ]
/// argument     = [ key "=" ] alternatives
/// alternatives = value { "|" value }
/// value        = number | word | "[" [ number { "," number } ] "]"
/// ```
/// Numbers are decimal (`0.5`, `-1e-3`, `.5`); `nan`, `inf` and hexadecimal are refused. An
/// alternative is a whole value: `weights=[0,1]|[1,-1]` sweeps two lists; an empty alternative
/// (`beta=|1`, `beta=1||2`, `beta=1|`) is a syntax error.
package struct SpecSyntax: Sendable, Equatable {
  package struct Argument: Sendable, Equatable {
    package var key: String?
    /// The values written for this argument, in the order written: one for a plain value,
    /// several for a sweep (`0.5|1|2`).
    package var alternatives: [RawValue]
    /// Whether a bare comma, no space on either side, separates this argument from the one
    /// before (`0,5`): with a count of values that is off, the two read as a decimal comma.
    package var followsBareComma = false

    /// Whether the argument lists more than one value.
    package var isSweep: Bool { alternatives.count > 1 }
  }

  /// A value as written, typed only by its shape.
  package enum RawValue: Sendable, Equatable {
    case number(Double, text: String)
    case word(String)
    case list([Double], text: String)

    package var text: String {
      switch self {
      case .number(_, let text), .list(_, let text): return text
      case .word(let w): return w
      }
    }
  }

  package var name: String
  package var arguments: [Argument]

  package static func parse(_ spec: String) throws(SpecError) -> SpecSyntax {
    var scanner = Scanner(Array(spec.utf8), spec: spec)
    scanner.skipSpaces()
    guard !scanner.atEnd else { throw .empty }
    guard let name = scanner.identifier() else {
      throw .syntax(spec: spec, problem: "a spec starts with a function name")
    }
    scanner.skipSpaces()
    var arguments: [Argument] = []
    if scanner.consume(UInt8(ascii: "(")) {
      scanner.skipSpaces()
      if !scanner.consume(UInt8(ascii: ")")) {
        var bare = false
        repeat {
          var argument = try scanner.argument()
          argument.followsBareComma = bare
          arguments.append(argument)
          let end = scanner.position
          scanner.skipSpaces()
          bare =
            scanner.position == end && scanner.current == UInt8(ascii: ",")
            && end + 1 < scanner.bytes.count && scanner.bytes[end + 1] != UInt8(ascii: " ")
            && scanner.bytes[end + 1] != UInt8(ascii: "\t")
        } while scanner.consume(UInt8(ascii: ","))
        guard scanner.consume(UInt8(ascii: ")")) else {
          throw scanner.unexpected(expecting: "',' or ')'")
        }
      }
      scanner.skipSpaces()
    }
    guard scanner.atEnd else { throw scanner.unexpected(expecting: "the end of the spec") }
    return SpecSyntax(name: name, arguments: arguments)
  }
}

/// Reads a spec byte by byte; errors say what was expected and where.
private struct Scanner {
  let bytes: [UInt8]
  let spec: String
  var position = 0

  init(_ bytes: [UInt8], spec: String) {
    self.bytes = bytes
    self.spec = spec
  }

  var atEnd: Bool { position == bytes.count }
  var current: UInt8? { atEnd ? nil : bytes[position] }

  mutating func skipSpaces() {
    while let c = current, c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") { position += 1 }
  }

  mutating func consume(_ byte: UInt8) -> Bool {
    guard current == byte else { return false }
    position += 1
    return true
  }

  static func isIdentifierByte(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
      || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
      || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_")
      || c == UInt8(ascii: "-")
  }

  /// A name: a letter, then letters, digits, `_` or `-`.
  mutating func identifier() -> String? {
    guard let first = current,
      (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z"))
        || (first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z"))
    else { return nil }
    let start = position
    while let c = current, Scanner.isIdentifierByte(c) { position += 1 }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  mutating func argument() throws(SpecError) -> SpecSyntax.Argument {
    skipSpaces()
    let start = position
    if let word = identifier() {
      skipSpaces()
      if consume(UInt8(ascii: "=")) {
        return SpecSyntax.Argument(key: word, alternatives: try alternatives())
      }
    }
    position = start
    return SpecSyntax.Argument(key: nil, alternatives: try alternatives())
  }

  /// One value, or several separated by `|`; none of them may be empty.
  mutating func alternatives() throws(SpecError) -> [SpecSyntax.RawValue] {
    var values: [SpecSyntax.RawValue] = []
    repeat {
      skipSpaces()
      // A missing first value keeps the plain "expected a value" message (`beta=)`); a bar
      // next to nothing is an empty alternative (`beta=|1`, `1||2`, `1|)`).
      let empty: Bool
      if let c = current {
        empty =
          c == UInt8(ascii: "|")
          || (!values.isEmpty && (c == UInt8(ascii: ",") || c == UInt8(ascii: ")")))
      } else {
        empty = !values.isEmpty
      }
      if empty {
        throw .syntax(
          spec: spec,
          problem: "empty alternative \(place); "
            + "separate a sweep's values by single '|', like 0.5|1|2")
      }
      values.append(contentsOf: try valueOrRange())
      skipSpaces()
    } while consume(UInt8(ascii: "|"))
    return values
  }

  /// A value, or the values of a range `START:END:STEP` (each its own alternative).
  mutating func valueOrRange() throws(SpecError) -> [SpecSyntax.RawValue] {
    let start = position
    let first = try value()
    guard case .number(_, let text) = first, text.contains(":") else { return [first] }
    do throws(ParameterArithmetic.RangeProblem) {
      return try ParameterArithmetic.range(text, limit: Catalogue.maximumSweep).map {
        .number($0.0, text: $0.1)
      }
    } catch {
      let problem: String
      switch error {
      case .notDecimals:
        problem = "'\(excerpt(text))' is not a range START:END:STEP of decimal numbers"
      case .needsStep:
        problem = "the range '\(excerpt(text))' needs a step: START:END:STEP, like 0.5:4:0.5"
      case .stepNotPositive: problem = "the step of the range '\(excerpt(text))' must be > 0"
      case .empty:
        problem = "the range '\(excerpt(text))' is empty: its start is above its end"
      case .tooManyDigits:
        problem = "the range '\(excerpt(text))' has too many digits to step exactly"
      case .tooMany(let count):
        problem =
          "the range '\(excerpt(text))' has \(count) values, more than the "
          + "\(Catalogue.maximumSweep) one spec may sweep"
      }
      throw .valueSyntax(spec: spec, problem: problem)
    }
  }

  mutating func value() throws(SpecError) -> SpecSyntax.RawValue {
    if let quote = current, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
      // A quoted word: `approximate="tanh"`, as Python writes it.
      let start = position
      position += 1
      while let c = current, c != quote { position += 1 }
      guard consume(quote) else {
        throw .valueSyntax(
          spec: spec,
          problem: "the quote at '\(String(decoding: bytes[start...].prefix(12), as: UTF8.self))' "
            + "is not closed")
      }
      let word = String(decoding: bytes[(start + 1)..<(position - 1)], as: UTF8.self)
      guard !word.isEmpty else { throw .syntax(spec: spec, problem: "empty quoted value") }
      return .word(word)
    }
    if consume(UInt8(ascii: "[")) {
      let start = position - 1
      var values: [Double] = []
      skipSpaces()
      if !consume(UInt8(ascii: "]")) {
        repeat {
          skipSpaces()
          values.append(try number())
          skipSpaces()
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "]")) else { throw unexpected(expecting: "',' or ']'") }
      }
      return .list(values, text: String(decoding: bytes[start..<position], as: UTF8.self))
    }
    let start = position
    if let word = identifier() {
      // A word followed by an operator is constant arithmetic: `pi/2`, `sqrt(2)`.
      let end = position
      skipSpaces()
      guard let c = current, Scanner.arithmeticBytes.contains(c) else {
        position = end
        return .word(word)
      }
      position = start
    }
    return try numberOrArithmetic()
  }

  /// Bytes that make a value arithmetic rather than a decimal or a word.
  static let arithmeticBytes: [UInt8] = Array("*/+^(".utf8)

  /// A decimal (`0.5`), constant arithmetic (`1/2`, `2*pi`, `(1+2)/3`; read by the expression
  /// parser, printed in labels as its shortest decimal) or, when the text holds `:`, a range
  /// `START:END:STEP` expanded into its values.
  mutating func numberOrArithmetic() throws(SpecError) -> SpecSyntax.RawValue {
    let start = position
    var depth = 0
    while let c = current {
      if c == UInt8(ascii: "(") {
        depth += 1
      } else if c == UInt8(ascii: ")") {
        if depth == 0 { break }
        depth -= 1
      } else if depth == 0
        && (c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "|"))
      {
        break
      }
      position += 1
    }
    // Trailing spaces belong to the separator, not to the value.
    while position > start,
      bytes[position - 1] == UInt8(ascii: " ") || bytes[position - 1] == UInt8(ascii: "\t")
    {
      position -= 1
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard !text.isEmpty else { throw unexpected(expecting: "a value") }
    if let value = parseDecimal(text) { return .number(value, text: text) }
    if text.contains(":") { return .number(.nan, text: text) }
    if let value = ParameterArithmetic.constant(text) { return .number(value, text: text) }
    let arithmetic = text.utf8.contains { Scanner.arithmeticBytes.contains($0) }
    throw .syntax(
      spec: spec,
      problem: arithmetic
        ? "'\(excerpt(text))' is not a finite number or constant arithmetic such as 1/2 or 2*pi"
        : "'\(excerpt(text))' is not a finite decimal number")
  }

  /// A decimal number token, read as ``DecimalNumeral`` reads every number.
  mutating func number() throws(SpecError) -> Double {
    let start = position
    while let c = current,
      !(c == UInt8(ascii: ",") || c == UInt8(ascii: ")") || c == UInt8(ascii: "]")
        || c == UInt8(ascii: " ") || c == UInt8(ascii: "|"))
    {
      position += 1
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard !text.isEmpty else { throw unexpected(expecting: "a value") }
    guard let value = parseDecimal(text) else {
      throw .syntax(spec: spec, problem: "'\(text)' is not a finite decimal number")
    }
    return value
  }

  /// Where the scanner is, for messages: `at ')'` (the next few bytes) or `at the end`.
  var place: String {
    if atEnd { return "at the end" }
    return "at '\(String(decoding: bytes[position...].prefix(12), as: UTF8.self))'"
  }

  func unexpected(expecting: String) -> SpecError {
    .syntax(spec: spec, problem: "expected \(expecting) \(place)")
  }
}
