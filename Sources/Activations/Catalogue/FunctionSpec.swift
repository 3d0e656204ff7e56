/// A SPEC word, as activ's commands take it, read once: either catalogue functions (a spec such
/// as `mish` or `elu(alpha=0.5)`, several for a sweep such as `swish(beta=0.5|1|2)`) or an
/// expression in x (`x*sigmoid(1.702*x)`).
///
/// The rule: a word that reads as a spec is a catalogue spec when its name is in the catalogue,
/// unless an argument is `x` (`elu(x, alpha=0.5)` is an expression); a spec-shaped word with an
/// unknown name and no argument list that is not an expression's own name (`x`, `pi`, `e`, a
/// built-in such as `sin`) is refused as an unknown function, with the catalogue's "did you
/// mean". Every other word is an expression. An expression that fails as empty, or because a
/// catalogue function's parameter comes before its input (`elu(alpha=0.5`), is reported with the
/// catalogue's message instead, since it reads as a broken spec.
public enum FunctionSpec: Sendable {
  /// Catalogue functions bound with the spec's arguments: one, or one per combination of a
  /// sweep's values, in the order of ``Catalogue/bindAll(_:context:)``.
  case catalogue([BoundActivation])
  /// An expression in x, with the word it was read from (without leading and trailing spaces
  /// and tabs), which names it.
  case expression(Expression, text: String)

  /// Reads a SPEC word, binding catalogue functions and expressions with `context`.
  public init(_ word: String, context: BindingContext = BindingContext())
    throws(FunctionSpecError)
  {
    let syntax: Result<SpecSyntax, SpecError>
    do {
      syntax = .success(try SpecSyntax.parse(word))
    } catch {
      syntax = .failure(error)
    }
    if case .failure(let error) = syntax, case .valueSyntax = error { throw .spec(error) }
    if case .success(let spec) = syntax, FunctionSpec.namesCatalogueFunctions(spec) {
      self = .catalogue(try FunctionSpec.bindAll(spec, word, context: context))
      return
    }
    do {
      self = .expression(
        try Expression.parse(word, context: context), text: FunctionSpec.trimmed(word))
    } catch {
      switch error {
      case .empty, .parameterBeforeInput:
        switch syntax {
        case .failure(let specError): throw .spec(specError)
        // It read as a spec but was taken for an expression (it mentions x): the catalogue's
        // complaint about it, if any, says more; if it binds, the expression's message stands.
        case .success(let spec): _ = try FunctionSpec.bindAll(spec, word, context: context)
        }
      default:
        break
      }
      throw .expression(error, text: word)
    }
  }

  /// How many functions the word names.
  public var count: Int {
    switch self {
    case .catalogue(let functions): return functions.count
    case .expression: return 1
    }
  }

  /// Each function with the name it goes by: a bound spec's label (`elu(alpha=0.5)`), or the
  /// expression's text as written.
  public var functions: [(label: String, function: any Activation)] {
    switch self {
    case .catalogue(let functions): return functions.map { ($0.label, $0.function) }
    case .expression(let expression, let text): return [(text, expression)]
    }
  }

  /// Whether a word that parses as a spec is taken as one (see the rule above).
  private static func namesCatalogueFunctions(_ syntax: SpecSyntax) -> Bool {
    let mentionsX = syntax.arguments.contains { argument in
      argument.alternatives.contains { $0 == .word("x") || $0 == .word("X") }
    }
    guard !mentionsX else { return false }
    if Catalogue.entry(named: syntax.name) != nil { return true }
    let name = syntax.name.lowercased()
    let isExpressionName =
      name == "x" || name == "pi" || name == "e" || Expression.builtinFunctions.contains(name)
    return !isExpressionName && syntax.arguments.isEmpty
  }

  private static func bindAll(_ syntax: SpecSyntax, _ word: String, context: BindingContext)
    throws(FunctionSpecError) -> [BoundActivation]
  {
    do {
      return try Catalogue.bindAll(syntax, spec: word, context: context)
    } catch {
      throw .spec(error)
    }
  }

  private static func trimmed(_ word: String) -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    return String(word.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}

/// Why a SPEC word was refused: as a catalogue spec, or as an expression (with the text, so a
/// caret can point into it).
public enum FunctionSpecError: Error, Sendable, Equatable, CustomStringConvertible {
  case spec(SpecError)
  case expression(ExpressionError, text: String)

  public var description: String {
    switch self {
    case .spec(let error): return error.description
    case .expression(let error, _): return error.description
    }
  }
}
