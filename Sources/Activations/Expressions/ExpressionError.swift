/// Why an expression such as `x*sigmoid(x)` was refused, and where. Every message is rendered
/// here, in `description`; ``caretLines(for:)`` draws the expression with a caret under the place.
///
/// Positions (`at`) are offsets in UTF-8 bytes from the start of the text, which are also the
/// column minus one: everything before an error is ASCII, since the first character that is not
/// refuses the whole expression.
public enum ExpressionError: Error, Sendable, Equatable {
  /// The text is empty or only spaces.
  case empty
  /// The text is longer than ``Expression/maximumLength`` bytes.
  case tooLong(length: Int, maximum: Int)
  /// Parentheses, calls, signs and powers nested more than ``Expression/maximumDepth`` deep.
  case tooDeep(maximum: Int, at: Int)
  /// A character no token starts with: a NUL byte, `$`, a non-ASCII character like `·` or `−`.
  case invalidCharacter(String, at: Int)
  /// A decimal number too large for a double (`1e999`).
  case numberTooLarge(String, at: Int)
  /// A token other than the one the grammar allows here: `expected an expression after '+'`.
  /// `after` is the token before (nil at the start), `found` the token here (nil at the end).
  case expected(String, after: String?, found: String?, at: Int)
  /// The end came before the ')' of the '(' at `openedAt`.
  case unclosedParenthesis(openedAt: Int, at: Int)
  /// A ')' without a '(' before it.
  case unmatchedParenthesis(at: Int)
  /// A name called as a function that is neither a built-in nor a catalogue function.
  case unknownFunction(String, suggestion: String?, at: Int)
  /// A name used as a value that is not `x`, `pi` or `e`.
  case unknownVariable(String, suggestion: String?, at: Int)
  /// A catalogue name written with '-' (`hard-swish(x)`), which is a minus in an expression.
  case hyphenatedName(String, canonical: String, at: Int)
  /// A function named without its argument list (`mish + 1`).
  case missingArguments(function: String, at: Int)
  /// `x(2)`, `pi(1)`.
  case notAFunction(String, at: Int)
  /// A built-in called with the wrong number of arguments; `expected` is `1`, `3` or
  /// `at least 2`.
  case argumentCount(function: String, expected: String, got: Int, at: Int)
  /// `name=value` given to a built-in (`exp(x, base=2)`).
  case namedArgument(function: String, name: String, at: Int)
  /// A catalogue function whose first argument is a parameter (`elu(alpha=0.5)`).
  case parameterBeforeInput(function: String, at: Int)
  /// A parameter to a catalogue function that takes none (`mish(x, 1)`).
  case takesNoParameters(function: String, at: Int)
  /// A parameter value that is not a constant (`elu(x, alpha=2*x)`).
  case parameterNotConstant(function: String, at: Int)
  /// A sweep (`swish(x, beta=1|2)`): an expression is one function.
  case sweepInExpression(at: Int)
  /// The catalogue refused the parameters, as ``Catalogue/bind(_:context:)`` does.
  case catalogue(SpecError, at: Int)
  /// A comparison (or `and`/`or`) anywhere but in the condition of `where`.
  case comparisonOutsideWhere(at: Int)
  /// A number where a condition is needed: where's first argument, the sides of `and`/`or`.
  case conditionExpected(context: String, at: Int)
  /// `a < b < c`.
  case chainedComparison(at: Int)

  /// Where the error is, in UTF-8 bytes from the start (nil for errors about the whole text).
  public var offset: Int? {
    switch self {
    case .empty, .tooLong: return nil
    case .tooDeep(_, let at), .invalidCharacter(_, let at), .numberTooLarge(_, let at),
      .expected(_, _, _, let at), .unclosedParenthesis(_, let at), .unmatchedParenthesis(let at),
      .unknownFunction(_, _, let at), .unknownVariable(_, _, let at),
      .hyphenatedName(_, _, let at), .missingArguments(_, let at), .notAFunction(_, let at),
      .argumentCount(_, _, _, let at), .namedArgument(_, _, let at),
      .parameterBeforeInput(_, let at), .takesNoParameters(_, let at),
      .parameterNotConstant(_, let at), .sweepInExpression(let at), .catalogue(_, let at),
      .comparisonOutsideWhere(let at), .conditionExpected(_, let at), .chainedComparison(let at):
      return at
    }
  }

  /// The expression and a caret under the error, each indented by two spaces, for printing under
  /// the `error:` line:
  /// ```
  ///   x*(1+
  ///        ^
  /// ```
  /// Control characters show as spaces; a text longer than 72 columns shows a window around the
  /// error, with `...` where it is cut. Empty for errors without a position.
  public func caretLines(for text: String) -> [String] {
    guard let offset else { return [] }
    // Columns count Unicode scalars; before an error they are all ASCII, so this is the offset.
    var scalars: [Unicode.Scalar] = []
    var column: Int?
    var bytes = 0
    for scalar in text.unicodeScalars {
      if column == nil && bytes >= offset { column = scalars.count }
      scalars.append(scalar.value < 0x20 || scalar.value == 0x7f ? " " : scalar)
      bytes += String(scalar).utf8.count
    }
    var caret = column ?? scalars.count
    let width = 72
    var shown = scalars[...]
    var prefix = ""
    var suffix = ""
    if scalars.count > width {
      let start = max(0, min(caret - width / 2, scalars.count - width))
      shown = scalars[start..<min(scalars.count, start + width)]
      if start > 0 { prefix = "..." }
      if start + width < scalars.count { suffix = "..." }
      caret += prefix.count - start
    }
    var line = "  " + prefix
    line.unicodeScalars.append(contentsOf: shown)
    return [line + suffix, String(repeating: " ", count: 2 + caret) + "^"]
  }
}

extension ExpressionError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .empty:
      return "empty expression; write a function of x such as 'x*sigmoid(x)'"
    case .tooLong(let length, let maximum):
      return "expression too long: \(length) bytes, at most \(maximum)"
    case .tooDeep(let maximum, _):
      return
        "expression nested too deeply: more than \(maximum) levels of parentheses, calls, signs "
        + "or powers"
    case .invalidCharacter(let character, _):
      return "invalid character \(describe(character))" + characterHint(character)
    case .numberTooLarge(let number, _):
      return "number '\(abbreviated(number))' is too large for a double"
    case .expected(let what, let after, let found, _):
      var message = "expected \(what)"
      if let after { message += " after '\(abbreviated(after))'" }
      if let found { message += ", found '\(abbreviated(found))'" }
      if found == "=" { message += "; comparisons use ==" }
      if after == "*" && found == "*" { message += "; write x^2 for a power" }
      if found == "|" { message += "; write 'or' to join comparisons" }
      if what.hasPrefix("an operator"), let after, let found, isOperand(after),
        isOperand(found) || found == "("
      {
        message += "; write * for a product"
      }
      return message
    case .unclosedParenthesis(let openedAt, _):
      return "expected ')' to close the '(' at column \(openedAt + 1)"
    case .unmatchedParenthesis:
      return "unmatched ')'"
    // One wording for every unknown identifier of an expression, called or not; a SPEC word
    // that is a bare name is the catalogue's `unknown function`.
    case .unknownFunction(let name, let suggestion, _):
      return "unknown name '\(abbreviated(name))' in the expression" + didYouMean(suggestion)
    case .unknownVariable(let name, let suggestion, _):
      return "unknown name '\(abbreviated(name))' in the expression" + didYouMean(suggestion)
        + "; the variable is x"
    case .hyphenatedName(let written, let canonical, _):
      return "'\(written)' reads as a subtraction, since '-' is a minus in an expression; "
        + "write \(canonical)"
    case .missingArguments(let function, _):
      return "\(function) is a function; call it on an expression, like \(function)(x)"
    case .notAFunction(let name, _):
      let what = name == "x" ? "the variable" : "a constant"
      return "'\(name)' is \(what), not a function; write \(name)*(...) for a product"
    case .argumentCount(let function, let expected, let got, _):
      let plural = expected.hasSuffix(" 1") || expected == "1" ? "" : "s"
      return "\(function) takes \(expected) argument\(plural), got \(got)"
    case .namedArgument(let function, let name, _):
      return "\(function) takes no named parameters, got '\(abbreviated(name))='"
    case .parameterBeforeInput(let function, _):
      return "the first argument of \(function) is its input, an expression of x; "
        + "parameters follow it, like \(function)(x, name=value)"
    case .takesNoParameters(let function, _):
      return "\(function) takes no parameters; write \(function)(x) with only its input"
    case .parameterNotConstant(let function, _):
      return "\(function)'s parameters are constants: a number, a word or a list like [0,1]"
    case .sweepInExpression:
      return "an expression takes one value per parameter, not a sweep ('|')"
    case .catalogue(let error, _):
      return error.description
    case .comparisonOutsideWhere:
      return "a comparison is only allowed in the condition of where(condition, a, b)"
    case .conditionExpected(let context, _):
      return "expected a comparison \(context), like x > 0"
    case .chainedComparison:
      return "comparisons do not chain; write a < x and x < b"
    }
  }
}

/// A token or name for a message, cut to 40 characters.
private func abbreviated(_ text: String) -> String {
  text.count > 40 ? String(text.prefix(37)) + "..." : text
}

/// Whether a token can end or start an operand: a name, a number, a ')'.
private func isOperand(_ token: String) -> Bool {
  guard let first = token.unicodeScalars.first else { return false }
  return first == "_" || first == "." || ("0"..."9").contains(first)
    || ("a"..."z").contains(first) || ("A"..."Z").contains(first) || token == ")"
}

/// `'$'`, or `U+0000` for a character that does not print.
private func describe(_ character: String) -> String {
  guard let scalar = character.unicodeScalars.first else { return "''" }
  var hex = String(scalar.value, radix: 16, uppercase: true)
  hex = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  if scalar.value < 0x20 || scalar.value == 0x7f { return "U+\(hex)" }
  if scalar.isASCII { return "'\(character)'" }
  return "'\(character)' (U+\(hex))"
}

/// Advice for characters people type for an operator.
private func characterHint(_ character: String) -> String {
  switch character {
  case "\u{2212}", "\u{2013}": return "; write - for a minus"
  case "\u{00B7}", "\u{00D7}", "\u{22C5}": return "; write * for a product"
  case "\u{00F7}": return "; write / for a quotient"
  case "&": return "; write 'and' to join comparisons"
  case "!": return "; write != for 'not equal'"
  case "\u{03C0}": return "; write pi"
  default: return ""
  }
}
