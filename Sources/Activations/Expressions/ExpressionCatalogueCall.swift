// A catalogue function called inside an expression, `elu(x, alpha=0.5)`: its input is parsed as
// an expression, its parameters as constants, which the catalogue then binds as it binds a spec.

extension Expression {
  /// A catalogue parameter as written: `alpha=0.5` or a positional `0.2`.
  struct WrittenParameter {
    var key: String?
    var value: String
    var start: Int
    var valueStart: Int
  }
}

extension Expression.Parser {
  /// `name(input, parameters…)`: the input is an expression, the parameters constants bound
  /// through ``Catalogue/bind(_:context:)`` exactly as a spec is.
  mutating func catalogueCall(_ entry: CatalogueEntry, start: Int, openedAt: Int, depth: Int)
    throws(ExpressionError) -> Expression.Operand
  {
    let function = entry.name
    if current.kind == .rightParenthesis {
      throw .argumentCount(function: function, expected: "at least 1", got: 0, at: current.start)
    }
    if current.kind == .identifier && next.kind == .assign {
      throw .parameterBeforeInput(function: function, at: current.start)
    }
    let input = try infix(1, depth: depth)
    try Expression.Parser.requireNumber(input)
    var parameters: [Expression.WrittenParameter] = []
    while current.kind == .comma {
      position += 1
      parameters.append(try parameter(of: function))
    }
    try close(
      openedAt: openedAt, expecting: parameters.isEmpty ? "an operator, ',' or ')'" : "',' or ')'"
    )
    if entry.parameters.isEmpty, let first = parameters.first {
      throw .takesNoParameters(function: function, at: first.start)
    }
    var spec = function
    if !parameters.isEmpty {
      spec +=
        "(" + parameters.map { ($0.key.map { $0 + "=" } ?? "") + $0.value }.joined(separator: ", ")
        + ")"
    }
    let bound: BoundActivation
    do throws(SpecError) {
      bound = try Catalogue.bind(spec, context: context)
    } catch {
      throw .catalogue(
        error,
        at: Expression.Parser.offset(of: error, entry: entry, parameters: parameters, start: start))
    }
    let slot = tree.functions.count
    tree.functions.append(bound.function)
    let written = bound.arguments.given.map { "\($0)=\(bound.arguments.values[$0]!.specText)" }
    let node = tree.add(
      .catalogue(name: function, parameters: written, slot: slot), [input.node])
    return Expression.Operand(node: node, start: start, conditionAt: nil)
  }

  /// `[key=]value`, where a value is a signed number, a word or a list of signed numbers.
  mutating func parameter(of function: String) throws(ExpressionError)
    -> Expression.WrittenParameter
  {
    let start = current.start
    var key: String?
    if current.kind == .identifier && next.kind == .assign {
      key = text(current)
      position += 2
    }
    let valueStart = current.start
    let value: String
    switch current.kind {
    case .identifier:
      value = text(current)
      position += 1
    case .leftBracket:
      position += 1
      var elements: [String] = []
      if current.kind != .rightBracket {
        while true {
          elements.append(try signedNumber(expecting: "a number"))
          if current.kind == .comma {
            position += 1
            continue
          }
          guard current.kind == .rightBracket else { throw unexpected(expecting: "',' or ']'") }
          break
        }
      }
      position += 1
      value = "[" + elements.joined(separator: ",") + "]"
    default:
      value = try signedNumber(
        expecting: "a parameter value (a number, a word or a list like [0,1])")
    }
    switch current.kind {
    case .comma, .rightParenthesis, .end:
      break
    case .bar:
      throw .sweepInExpression(at: current.start)
    case .plus, .minus, .star, .slash, .caret, .leftParenthesis, .comparison:
      throw .parameterNotConstant(function: function, at: valueStart)
    default:
      throw unexpected(expecting: "',' or ')'")
    }
    return Expression.WrittenParameter(key: key, value: value, start: start, valueStart: valueStart)
  }

  /// A number with an optional sign, as written.
  mutating func signedNumber(expecting what: String) throws(ExpressionError) -> String {
    var sign = ""
    if current.kind == .minus || current.kind == .plus {
      sign = text(current)
      position += 1
    }
    guard case .number = current.kind else { throw unexpected(expecting: what) }
    position += 1
    return sign + text(tokens[position - 1])
  }

  /// Where the catalogue's complaint points: the parameter it names, else the function.
  static func offset(
    of error: SpecError, entry: CatalogueEntry, parameters: [Expression.WrittenParameter],
    start: Int
  ) -> Int {
    // The parameter each written argument sets, as the catalogue resolves it.
    func resolved(_ index: Int) -> String? {
      if let key = parameters[index].key {
        return entry.parameters.first { normalizedName($0.name) == normalizedName(key) }?.name
      }
      return index < entry.parameters.count ? entry.parameters[index].name : nil
    }
    let indices = parameters.indices
    switch error {
    case .unknownParameter(_, let name, _, _):
      return parameters.first { $0.key == name }?.start ?? start
    case .duplicateParameter(_, let name):
      let matches = indices.filter { resolved($0) == name }
      return matches.count > 1 ? parameters[matches[1]].start : start
    case .tooManyArguments:
      let extra = indices.first { parameters[$0].key == nil && $0 >= entry.parameters.count }
      return extra.map { parameters[$0].start } ?? start
    case .positionalAfterKeyword:
      guard let keyword = indices.first(where: { parameters[$0].key != nil }) else {
        return start
      }
      let positional = indices.first { $0 > keyword && parameters[$0].key == nil }
      return positional.map { parameters[$0].start } ?? start
    case .badValue(_, let parameter, _, _):
      return indices.first { resolved($0) == parameter }.map { parameters[$0].valueStart }
        ?? start
    default:
      return start
    }
  }
}
