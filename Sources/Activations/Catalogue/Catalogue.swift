/// One function of the catalogue: its names, parameters, formulas and the article's remark, and
/// how to build the ``Activation`` for given arguments.
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
  /// What the source article says of it, where it covers the function.
  public let remark: String?
  let build: @Sendable (Arguments, BindingContext) throws(SpecError) -> any Activation
}

/// What binding a spec needs besides the spec: the seed for random activations.
public struct BindingContext: Sendable {
  /// Seeds RReLU's slopes in training mode.
  public var seed: UInt64

  public init(seed: UInt64 = 0) {
    self.seed = seed
  }
}

/// An activation bound to its arguments, with the label activ prints for it.
public struct BoundActivation: Sendable {
  public let entry: CatalogueEntry
  public let arguments: Arguments
  public let function: any Activation

  /// The canonical spec: the canonical name, plus the parameters the user gave in declaration
  /// order (`elu(alpha=0.5)`), so the same function always gets the same column name.
  public var label: String {
    guard !arguments.given.isEmpty else { return entry.name }
    let parts = arguments.given.map { "\($0)=\(arguments.values[$0]!.specText)" }
    return entry.name + "(" + parts.joined(separator: ",") + ")"
  }

  public func value(_ x: Double) -> Double { function.value(x) }
  public func derivative(_ x: Double) -> Double { function.derivative(x) }
}

/// The catalogue of activations, and the binding of specs such as `elu(alpha=0.5)` to them.
public enum Catalogue {
  /// Every function, in the order `activ list` shows them: the source article's first, then the
  /// PyTorch/JAX parity set, then extras.
  public static let entries: [CatalogueEntry] = articleEntries + parityEntries + extraEntries

  private static let index: [String: Int] = {
    var index: [String: Int] = [:]
    for (i, entry) in entries.enumerated() {
      for name in [entry.name] + entry.aliases { index[normalizedName(name)] = i }
    }
    return index
  }()

  /// Every name and alias, for suggestions and completion.
  public static var allNames: [String] { entries.flatMap { [$0.name] + $0.aliases } }

  /// The entry a name refers to: case-insensitive, ignoring `_` and `-`.
  public static func entry(named name: String) -> CatalogueEntry? {
    index[normalizedName(name)].map { entries[$0] }
  }

  /// Parses and checks a spec and binds its arguments.
  public static func bind(_ spec: String, context: BindingContext = BindingContext())
    throws(SpecError) -> BoundActivation
  {
    let syntax = try SpecSyntax.parse(spec)
    guard let entry = entry(named: syntax.name) else {
      throw .unknownFunction(
        syntax.name, suggestion: closestMatch(to: syntax.name, among: allNames))
    }
    let arguments = try bindArguments(syntax.arguments, to: entry)
    return BoundActivation(
      entry: entry, arguments: arguments, function: try entry.build(arguments, context))
  }

  private static func bindArguments(_ written: [SpecSyntax.Argument], to entry: CatalogueEntry)
    throws(SpecError) -> Arguments
  {
    let function = entry.name
    let parameters = entry.parameters
    if !written.isEmpty && parameters.isEmpty { throw .takesNoParameters(function: function) }
    var values: [String: ParameterValue] = [:]
    var sawKeyword = false
    for (position, argument) in written.enumerated() {
      let parameter: Parameter
      if let key = argument.key {
        sawKeyword = true
        guard
          let match = parameters.first(where: { normalizedName($0.name) == normalizedName(key) })
        else {
          let names = parameters.map(\.name)
          throw .unknownParameter(
            function: function, name: key, suggestion: closestMatch(to: key, among: names),
            valid: names)
        }
        parameter = match
      } else {
        if sawKeyword { throw .positionalAfterKeyword(function: function) }
        guard position < parameters.count else {
          throw .tooManyArguments(
            function: function, count: written.count, maximum: parameters.count)
        }
        parameter = parameters[position]
      }
      guard values[parameter.name] == nil else {
        throw .duplicateParameter(function: function, name: parameter.name)
      }
      values[parameter.name] = try convert(argument.value, for: parameter, of: function)
    }
    let given = parameters.map(\.name).filter { values[$0] != nil }
    for parameter in parameters where values[parameter.name] == nil {
      values[parameter.name] = parameter.defaultValue
    }
    return Arguments(values: values, given: given)
  }

  private static func convert(
    _ raw: SpecSyntax.RawValue, for parameter: Parameter, of function: String
  )
    throws(SpecError) -> ParameterValue
  {
    let refusal = SpecError.badValue(
      function: function, parameter: parameter.name, given: raw.text,
      expected: parameter.expectation)
    switch (parameter.kind, raw) {
    case (.real(let constraint), .number(let r, _)),
      (.optionalReal(let constraint), .number(let r, _)):
      guard constraint.admits(r) else { throw refusal }
      return .real(r)
    case (.optionalReal, .word(let w)) where w.lowercased() == "none":
      return ParameterValue.none
    case (.boolean, .word(let w)) where ["true", "false"].contains(w.lowercased()):
      return .boolean(w.lowercased() == "true")
    case (.choice(let words), .word(let w)):
      guard let match = words.first(where: { $0 == w.lowercased() }) else {
        if let near = closestMatch(to: w, among: words) {
          throw .badValue(
            function: function, parameter: parameter.name, given: w,
            expected: parameter.expectation + didYouMean(near))
        }
        throw refusal
      }
      return .word(match)
    case (.list, .list(let values, _)):
      guard !values.isEmpty else { throw refusal }
      return .list(values)
    default:
      throw refusal
    }
  }
}
