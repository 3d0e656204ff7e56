// The tokens of an expression, read in one pass before parsing, so an invalid character anywhere
// is reported first, and every later error sits after ASCII text only.

extension Expression {
  struct Token: Sendable {
    enum Kind: Sendable, Equatable {
      case number(Double)
      case identifier
      case plus
      case minus
      case star
      case slash
      case caret
      case leftParenthesis
      case rightParenthesis
      case leftBracket
      case rightBracket
      case comma
      case assign
      case bar
      case comparison(Operator)
      case end
    }

    var kind: Kind
    /// The token's bytes in the text: `start..<end`.
    var start: Int
    var end: Int
  }

  /// Splits the text into tokens. Spaces, tabs and line breaks separate tokens; numbers are decimal
  /// (`2`, `1.5e-3`, `.5`, `1.`); names are a letter or `_`, then letters, digits or `_`.
  static func tokenize(_ bytes: [UInt8], text: String) throws(ExpressionError) -> [Token] {
    var tokens: [Token] = []
    var position = 0
    func byte(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
    func isDigit(_ c: UInt8?) -> Bool { c.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
    func isLetter(_ c: UInt8?) -> Bool {
      guard let c else { return false }
      return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c == UInt8(ascii: "_")
    }
    while position < bytes.count {
      let c = bytes[position]
      let start = position
      if c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d {
        position += 1
        continue
      }
      if isDigit(c) || (c == UInt8(ascii: ".") && isDigit(byte(position + 1))) {
        while isDigit(byte(position)) { position += 1 }
        if byte(position) == UInt8(ascii: ".") {
          position += 1
          while isDigit(byte(position)) { position += 1 }
        }
        if let e = byte(position), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
          var look = position + 1
          if let sign = byte(look), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            look += 1
          }
          if isDigit(byte(look)) {
            position = look
            while isDigit(byte(position)) { position += 1 }
          }
        }
        let literal = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = parseDecimal(literal) else { throw .numberTooLarge(literal, at: start) }
        tokens.append(Token(kind: .number(value), start: start, end: position))
        continue
      }
      if isLetter(c) {
        while isLetter(byte(position)) || isDigit(byte(position)) { position += 1 }
        tokens.append(Token(kind: .identifier, start: start, end: position))
        continue
      }
      let next = byte(position + 1)
      let kind: Token.Kind
      var length = 1
      switch c {
      case UInt8(ascii: "+"): kind = .plus
      case UInt8(ascii: "-"): kind = .minus
      case UInt8(ascii: "*") where next == UInt8(ascii: "*"):
        // `**` is `^` (Python's power), same precedence and associativity.
        kind = .caret
        length = 2
      case UInt8(ascii: "*"): kind = .star
      case UInt8(ascii: "/"): kind = .slash
      case UInt8(ascii: "^"): kind = .caret
      case UInt8(ascii: "("): kind = .leftParenthesis
      case UInt8(ascii: ")"): kind = .rightParenthesis
      case UInt8(ascii: "["): kind = .leftBracket
      case UInt8(ascii: "]"): kind = .rightBracket
      case UInt8(ascii: ","): kind = .comma
      case UInt8(ascii: "|"): kind = .bar
      case UInt8(ascii: "<"):
        kind = .comparison(next == UInt8(ascii: "=") ? .lessOrEqual : .less)
      case UInt8(ascii: ">"):
        kind = .comparison(next == UInt8(ascii: "=") ? .greaterOrEqual : .greater)
      case UInt8(ascii: "="):
        kind = next == UInt8(ascii: "=") ? .comparison(.equal) : .assign
      case UInt8(ascii: "!") where next == UInt8(ascii: "="):
        kind = .comparison(.notEqual)
      default:
        throw .invalidCharacter(character(at: start, in: text), at: start)
      }
      if case .comparison(let op) = kind, op.rawValue.utf8.count == 2 { length = 2 }
      position += length
      tokens.append(Token(kind: kind, start: start, end: position))
    }
    tokens.append(Token(kind: .end, start: bytes.count, end: bytes.count))
    return tokens
  }
}

/// The character (Unicode scalar) that starts at a byte offset.
private func character(at offset: Int, in text: String) -> String {
  let utf8 = text.utf8
  let index = utf8.index(utf8.startIndex, offsetBy: offset)
  guard let scalar = text.unicodeScalars[index...].first else { return "" }
  return String(scalar)
}
