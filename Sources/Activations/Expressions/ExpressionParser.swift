// Recursive descent over the tokens, building the flat tree in postfix order and checking types
// (numbers versus conditions) as each node is made, so every error knows its position.
//
// Recursion that input can drive (parentheses, calls, signs, the exponent of `^`) passes a depth
// that is checked against `Expression.maximumDepth`; chains of infix operators (`x+x+…+x`) are
// loops, so a long flat expression costs no stack.

extension Expression {
  /// An operand as parsed: its node, where it starts, and for a condition (a comparison, `and`,
  /// `or`) where its operator is; nil for a number.
  struct Operand {
    var node: Int
    var start: Int
    var conditionAt: Int?
  }

  struct Parser {
    let bytes: [UInt8]
    let tokens: [Token]
    let context: BindingContext
    /// Names that stand for numbers besides `pi` and `e`, keyed by ``normalizedName(_:)``: a
    /// catalogue entry's parameters in its definition.
    let constants: [String: Double]
    var position = 0
    var tree = Tree()

    init(bytes: [UInt8], tokens: [Token], context: BindingContext, constants: [String: Double]) {
      self.bytes = bytes
      self.tokens = tokens
      self.context = context
      self.constants = constants
    }

    /// Parses a whole expression into its tree.
    static func parse(
      _ text: String, context: BindingContext, constants: [String: Double] = [:]
    ) throws(ExpressionError) -> Tree {
      let length = text.utf8.count
      guard length <= Expression.maximumLength else {
        throw .tooLong(length: length, maximum: Expression.maximumLength)
      }
      let bytes = Array(text.utf8)
      let tokens = try Expression.tokenize(bytes, text: text)
      guard tokens.count > 1 else { throw .empty }
      var normalized: [String: Double] = [:]
      for (name, value) in constants { normalized[normalizedName(name)] = value }
      var parser = Parser(bytes: bytes, tokens: tokens, context: context, constants: normalized)
      let result = try parser.infix(1, depth: 0)
      switch parser.current.kind {
      case .end: break
      case .rightParenthesis: throw .unmatchedParenthesis(at: parser.current.start)
      default: throw parser.unexpected(expecting: "an operator")
      }
      try requireNumber(result)
      return parser.tree
    }

    var current: Token { tokens[position] }
    var next: Token { tokens[min(position + 1, tokens.count - 1)] }

    func text(_ token: Token) -> String {
      String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    /// "expected X after 'previous', found 'current'".
    func unexpected(expecting what: String) -> ExpressionError {
      .expected(
        what, after: position > 0 ? text(tokens[position - 1]) : nil,
        found: current.kind == .end ? nil : text(current), at: current.start)
    }

    /// One level deeper, refused beyond the maximum depth (at the token that opens the level).
    func deeper(_ depth: Int) throws(ExpressionError) -> Int {
      guard depth < Expression.maximumDepth else {
        throw .tooDeep(maximum: Expression.maximumDepth, at: current.start)
      }
      return depth + 1
    }

    static func requireNumber(_ operand: Operand) throws(ExpressionError) {
      if let at = operand.conditionAt { throw .comparisonOutsideWhere(at: at) }
    }

    func infixOperator(_ token: Token) -> Operator? {
      switch token.kind {
      case .plus: return .add
      case .minus: return .subtract
      case .star: return .multiply
      case .slash: return .divide
      case .comparison(let op): return op
      case .identifier:
        switch text(token).lowercased() {
        case "and": return .and
        case "or": return .or
        default: return nil
        }
      default: return nil
      }
    }

    /// Infix operators binding at least as tightly as `minimum`, by precedence climbing: each
    /// operator is left-associative (comparisons do not chain).
    mutating func infix(_ minimum: Int, depth: Int) throws(ExpressionError) -> Operand {
      var left = try unary(depth: depth)
      while let op = infixOperator(current), op.precedence >= minimum {
        let at = current.start
        position += 1
        let right = try infix(op.precedence + 1, depth: depth)
        left = try combine(op, left, right, at: at)
      }
      return left
    }

    mutating func combine(_ op: Operator, _ left: Operand, _ right: Operand, at: Int)
      throws(ExpressionError) -> Operand
    {
      if op.isLogical {
        for side in [left, right] where side.conditionAt == nil {
          throw .conditionExpected(context: "on each side of '\(op.rawValue)'", at: side.start)
        }
        let node = tree.add(.infix(op), [left.node, right.node])
        return Operand(node: node, start: left.start, conditionAt: at)
      }
      if op.isComparison, left.conditionAt != nil,
        case .infix(let inner) = tree.nodes[left.node].kind, inner.isComparison
      {
        throw .chainedComparison(at: at)
      }
      try Parser.requireNumber(left)
      try Parser.requireNumber(right)
      let node = tree.add(.infix(op), [left.node, right.node])
      return Operand(node: node, start: left.start, conditionAt: op.isComparison ? at : nil)
    }

    /// A signed operand: `-u` (one node), `+u` (no node), or a power.
    mutating func unary(depth: Int) throws(ExpressionError) -> Operand {
      guard current.kind == .minus || current.kind == .plus else { return try power(depth: depth) }
      let sign = current
      let inner = try deeper(depth)
      position += 1
      var operand = try unary(depth: inner)
      try Parser.requireNumber(operand)
      if sign.kind == .minus { operand.node = tree.add(.negate, [operand.node]) }
      operand.start = sign.start
      return operand
    }

    /// `primary [^ unary]`: right-associative, and tighter than a sign on its left (`-x^2` is
    /// −(x²)) but not on its right (`2^-x`).
    mutating func power(depth: Int) throws(ExpressionError) -> Operand {
      let base = try primary(depth: depth)
      guard current.kind == .caret else { return base }
      let inner = try deeper(depth)
      position += 1
      let exponent = try unary(depth: inner)
      try Parser.requireNumber(base)
      try Parser.requireNumber(exponent)
      let node = tree.add(.infix(.power), [base.node, exponent.node])
      return Operand(node: node, start: base.start, conditionAt: nil)
    }

    mutating func primary(depth: Int) throws(ExpressionError) -> Operand {
      let token = current
      switch token.kind {
      case .number(let value):
        position += 1
        return Operand(node: tree.add(.number(value)), start: token.start, conditionAt: nil)
      case .leftParenthesis:
        let inner = try deeper(depth)
        position += 1
        var operand = try infix(1, depth: inner)
        try close(openedAt: token.start, expecting: "an operator or ')'")
        operand.start = token.start
        return operand
      case .identifier:
        if next.kind == .leftParenthesis { return try call(depth: depth) }
        return try name()
      default:
        throw unexpected(expecting: "an expression")
      }
    }

    /// Consumes the ')' of the '(' at `openedAt`.
    mutating func close(openedAt: Int, expecting what: String) throws(ExpressionError) {
      switch current.kind {
      case .rightParenthesis: position += 1
      case .end: throw .unclosedParenthesis(openedAt: openedAt, at: current.start)
      default: throw unexpected(expecting: what)
      }
    }

    /// A name used as a value: `x`, `pi`, `e`, or one of ``constants``.
    mutating func name() throws(ExpressionError) -> Operand {
      let token = current
      let written = text(token)
      if ["and", "or"].contains(written.lowercased()) {
        throw unexpected(expecting: "an expression")
      }
      switch normalizedName(written) {
      case "x":
        position += 1
        return Operand(node: tree.add(.variable), start: token.start, conditionAt: nil)
      case "pi", "e":
        position += 1
        let constant = Constant(rawValue: normalizedName(written))!
        return Operand(node: tree.add(.constant(constant)), start: token.start, conditionAt: nil)
      case let key:
        if let value = constants[key] {
          position += 1
          return Operand(node: tree.add(.number(value)), start: token.start, conditionAt: nil)
        }
      }
      if let (hyphenated, canonical) = hyphenatedCatalogueName() {
        throw .hyphenatedName(hyphenated, canonical: canonical, at: token.start)
      }
      if let function = Parser.canonicalFunctionName(written) {
        throw .missingArguments(function: function, at: token.start)
      }
      let candidates = ["x"] + Constant.allCases.map(\.rawValue) + Parser.functionNames
      throw .unknownVariable(
        written, suggestion: Parser.suggestion(for: written, among: candidates), at: token.start)
    }

    /// `hard-swish` written for `hard_swish`: the name at the current token joined through
    /// adjacent `-name` tokens, if that spells a catalogue function.
    func hyphenatedCatalogueName() -> (written: String, canonical: String)? {
      var joined = text(current)
      var index = position + 1
      while index + 1 < tokens.count, tokens[index].kind == .minus,
        tokens[index].start == tokens[index - 1].end, tokens[index + 1].kind == .identifier,
        tokens[index + 1].start == tokens[index].end
      {
        joined += "_" + text(tokens[index + 1])
        index += 2
        if let entry = Catalogue.entry(named: joined) {
          let written = String(
            decoding: bytes[current.start..<tokens[index - 1].end], as: UTF8.self)
          return (written, entry.name)
        }
      }
      return nil
    }

    /// Every function name: the built-ins, then the catalogue's names and aliases.
    static let functionNames: [String] = Builtin.allCases.map(\.rawValue) + Catalogue.allNames

    static func canonicalFunctionName(_ name: String) -> String? {
      Builtin.named(name)?.rawValue ?? Catalogue.entry(named: name)?.name
    }

    /// A "did you mean" for names of 2 to 64 characters (a single letter suggests nothing).
    static func suggestion(for name: String, among candidates: [String]) -> String? {
      guard (2...64).contains(name.utf8.count) else { return nil }
      return closestMatch(to: name, among: candidates)
    }

    /// `name(…)`: a built-in or a catalogue function.
    mutating func call(depth: Int) throws(ExpressionError) -> Operand {
      let nameToken = current
      let written = text(nameToken)
      position += 1
      let open = current
      let inner = try deeper(depth)
      position += 1
      if let builtin = Builtin.named(written) {
        return try builtinCall(builtin, start: nameToken.start, openedAt: open.start, depth: inner)
      }
      if let entry = Catalogue.entry(named: written) {
        return try catalogueCall(entry, start: nameToken.start, openedAt: open.start, depth: inner)
      }
      let key = normalizedName(written)
      if key == "x" || Constant(rawValue: key) != nil {
        throw .notAFunction(key, at: nameToken.start)
      }
      throw .unknownFunction(
        written, suggestion: Parser.suggestion(for: written, among: Parser.functionNames),
        at: nameToken.start)
    }

    mutating func builtinCall(_ builtin: Builtin, start: Int, openedAt: Int, depth: Int)
      throws(ExpressionError) -> Operand
    {
      var arguments: [Operand] = []
      if current.kind == .rightParenthesis {
        position += 1
      } else {
        while true {
          if current.kind == .identifier && next.kind == .assign {
            throw .namedArgument(function: builtin.rawValue, name: text(current), at: current.start)
          }
          arguments.append(try infix(1, depth: depth))
          if current.kind == .comma {
            position += 1
            continue
          }
          try close(openedAt: openedAt, expecting: "an operator, ',' or ')'")
          break
        }
      }
      let (count, orMore) = builtin.arity
      if arguments.count < count || (!orMore && arguments.count > count) {
        throw .argumentCount(
          function: builtin.rawValue, expected: orMore ? "at least \(count)" : "\(count)",
          got: arguments.count,
          at: arguments.count > count ? arguments[count].start : tokens[position - 1].start)
      }
      for (index, argument) in arguments.enumerated() {
        if builtin == .where && index == 0 {
          guard argument.conditionAt != nil else {
            throw .conditionExpected(
              context: "as the first argument of where(condition, a, b)", at: argument.start)
          }
        } else {
          try Parser.requireNumber(argument)
        }
      }
      let node = tree.add(.builtin(builtin), arguments.map(\.node))
      return Operand(node: node, start: start, conditionAt: nil)
    }
  }
}
