/// One function of the catalogue: everything activ knows about it (names, parameters, formulas,
/// LaTeX, defining expression, declared smoothness, the article's remark) and how to build the
/// ``Activation`` for given arguments.
///
/// Every field is a required argument of the initializer, so an entry that leaves one out does
/// not compile. The entries themselves are in `Catalogue/Entries/`.
public struct CatalogueEntry: Sendable {
  /// The canonical snake_case name.
  public let name: String
  /// Other names it answers to (lookup also ignores case, `_` and `-`).
  public let aliases: [String]
  /// One line for `activ list`.
  public let summary: String
  public let parameters: [Parameter]
  /// f(x) in ASCII.
  public let formula: String
  /// f′(x) in ASCII, with the convention at kinks.
  public let derivativeFormula: String
  /// f and f′ in LaTeX, saying what the ASCII forms say, with the parameters as symbols.
  let latex: LaTeXForms
  /// f(x) in activ's expression language, or why it cannot be written there.
  public let definition: Definition
  /// The smoothness class, for the actual arguments.
  let continuity: DeclaredContinuity
  /// What the source article says of it, where it covers the function.
  public let remark: String?
  let build: @Sendable (Arguments, BindingContext) throws(SpecError) -> any Activation

  init(
    name: String, aliases: [String], summary: String, parameters: [Parameter],
    formula: String, derivative: String, latex: LaTeXForms, definition: Definition,
    continuity: DeclaredContinuity, remark: String?,
    build: @escaping @Sendable (Arguments, BindingContext) throws(SpecError) -> any Activation
  ) {
    self.name = name
    self.aliases = aliases
    self.summary = summary
    self.parameters = parameters
    self.formula = formula
    self.derivativeFormula = derivative
    self.latex = latex
    self.definition = definition
    self.continuity = continuity
    self.remark = remark
    self.build = build
  }

  /// f(x) in LaTeX, `f(x) = …`, with the parameters as symbols (\alpha, \beta, \lambda, p_1 …).
  public var latexFormula: String { latex.formula }

  /// f′(x) in LaTeX, `f'(x) = …`, stating the convention at kinks as the ASCII form does.
  public var latexDerivative: String { latex.derivative }

  /// The symbol standing for each parameter in ``latexFormula`` and ``latexDerivative``, in
  /// declaration order (`("negative_slope", #"\alpha"#)`); parameters that select a variant
  /// rather than appear as a symbol (gelu's `approximate`, rrelu's `training`) are absent.
  public var latexSymbols: [(parameter: String, symbol: String)] { latex.symbols }
}

/// The LaTeX forms of one catalogue entry: f, f′ (with the same conventions at kinks as the
/// ASCII forms) and the symbol of each parameter that appears in them.
struct LaTeXForms: Sendable {
  var formula: String
  var derivative: String
  var symbols: [(parameter: String, symbol: String)]
}

/// How a catalogue function is written in activ's expression language (see ``Expression``), the
/// naive formula the kernel computes more carefully.
public enum Definition: Sendable {
  /// f(x) as an expression in which each real parameter's name stands for its bound value:
  /// `log1p(exp(beta*x))/beta`.
  case expression(String)
  /// The expression depends on arguments that are not numbers (a choice, a flag, an optional
  /// value, a list): the definition for given arguments.
  case depending(@Sendable (Arguments) -> Definition)
  /// The language cannot express the function for these arguments, and why.
  case inexpressible(reason: String)

  /// The definition for `arguments`, with ``depending(_:)`` resolved: an expression or the
  /// reason there is none.
  public func resolved(for arguments: Arguments) -> Definition {
    guard case .depending(let choose) = self else { return self }
    return choose(arguments).resolved(for: arguments)
  }
}

extension BoundActivation {
  /// The entry's ``Definition`` compiled with this function's arguments, nil where the language
  /// cannot express it. It rounds after every operation, so it agrees with ``function`` only
  /// where the formula is numerically stable.
  public var definingExpression: Expression? {
    do {
      return try compileDefinition()
    } catch {
      preconditionFailure("the definition of \(entry.name) does not parse: \(error)")
    }
  }

  /// ``definingExpression``, with a definition that does not parse reported as its error (the
  /// tests' way to name the entry at fault).
  func compileDefinition() throws(ExpressionError) -> Expression? {
    guard case .expression(let text) = entry.definition.resolved(for: arguments) else {
      return nil
    }
    var constants: [String: Double] = [:]
    for parameter in entry.parameters {
      if case .real(let value) = arguments.values[parameter.name] {
        constants[parameter.name] = value
      }
    }
    return try Expression.parse(text, constants: constants)
  }
}

/// The smoothness class a catalogue entry declares, which may depend on its arguments.
struct DeclaredContinuity: Sendable {
  /// The class for the arguments and the function bound with them (maxout's class follows its
  /// kinks).
  let resolve: @Sendable (Arguments, any Activation) -> Smoothness

  /// The same class for every argument.
  static func always(_ smoothness: Smoothness) -> DeclaredContinuity {
    DeclaredContinuity { _, _ in smoothness }
  }

  /// A class that depends on the arguments.
  static func depending(on resolve: @escaping @Sendable (Arguments) -> Smoothness)
    -> DeclaredContinuity
  {
    DeclaredContinuity { arguments, _ in resolve(arguments) }
  }
}
