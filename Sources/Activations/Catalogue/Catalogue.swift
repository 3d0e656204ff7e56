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
  /// The parameters the spec swept (`beta` for `swish(beta=0.5|1|2)`), in declaration order;
  /// empty for a spec without a sweep.
  public let sweptParameters: [String]

  /// The canonical spec: the canonical name, plus the parameters the user gave in declaration
  /// order (`elu(alpha=0.5)`), so the same function always gets the same column name. A member
  /// of a sweep gets its own value: `swish(beta=0.5)`.
  public var label: String { BoundActivation.label(entry, arguments) }

  /// The swept values alone, `beta=0.5` (`p1=1,beta=0.5` for several), for a short legend; nil
  /// for a spec without a sweep.
  public var sweepLabel: String? {
    guard !sweptParameters.isEmpty else { return nil }
    return sweptParameters.map { "\($0)=\(arguments.values[$0]!.specText)" }
      .joined(separator: ",")
  }

  static func label(_ entry: CatalogueEntry, _ arguments: Arguments) -> String {
    guard !arguments.given.isEmpty else { return entry.name }
    let parts = arguments.given.map { "\($0)=\(arguments.values[$0]!.specText)" }
    return entry.name + "(" + parts.joined(separator: ",") + ")"
  }

  public func value(_ x: Double) -> Double { function.value(x) }
  public func derivative(_ x: Double) -> Double { function.derivative(x) }
  public func secondDerivative(_ x: Double) -> Double { function.secondDerivative(x) }
}

/// The catalogue of activations, and the binding of specs such as `elu(alpha=0.5)` to them.
public enum Catalogue {
  /// Every function, in the order `activ list` shows them: the source article's first, then the
  /// PyTorch/JAX parity set, then extras.
  public static let entries: [CatalogueEntry] = articleEntries + parityEntries + extraEntries

  /// The most functions one spec may sweep: `bindAll` refuses a spec whose numbers of
  /// alternatives multiply to more (4 values each of acon_c's p1, p2 and beta is the limit).
  public static let maximumSweep = 64

  private static let index: [String: Int] = {
    var index: [String: Int] = [:]
    for (i, entry) in entries.enumerated() {
      for name in [entry.name] + entry.aliases { index[normalizedName(name)] = i }
    }
    return index
  }()

  /// Every name and alias, for suggestions and completion.
  package static var allNames: [String] { entries.flatMap { [$0.name] + $0.aliases } }

  /// The entry a name refers to: case-insensitive, ignoring `_` and `-`.
  public static func entry(named name: String) -> CatalogueEntry? {
    index[normalizedName(name)].map { entries[$0] }
  }

  /// Parses and checks a spec that names one function and binds its arguments. A sweep
  /// (`swish(beta=0.5|1)`) is refused with ``SpecError/sweepNotAccepted(spec:count:)``;
  /// ``bindAll(_:context:)`` expands it.
  public static func bind(_ spec: String, context: BindingContext = BindingContext())
    throws(SpecError) -> BoundActivation
  {
    let sweep = try resolve(SpecSyntax.parse(spec))
    guard sweep.count == 1 else { throw .sweepNotAccepted(spec: spec, count: sweep.count) }
    return try sweep.bind(0, context: context)
  }

  /// Parses and checks a spec, expands its sweeps and binds each function: one element for a
  /// plain spec, one per combination of values for a sweep.
  ///
  /// A value may list alternatives separated by `|`: `swish(beta=0.5|1|2)` gives three
  /// functions. With several swept parameters the result is their Cartesian product in the
  /// parameters' declaration order (the order of the labels), whatever order they are written
  /// in: the first declared parameter varies slowest, the last fastest, and each parameter's
  /// values keep the order written. `acon_c(beta=0.5|1, p1=1|2)` gives
  /// `acon_c(p1=1,beta=0.5)`, `acon_c(p1=1,beta=1)`, `acon_c(p1=2,beta=0.5)`,
  /// `acon_c(p1=2,beta=1)`. At most ``maximumSweep`` functions; a value repeated within one
  /// sweep is refused, so labels are unique. Errors name the bad alternative, and an impossible
  /// combination names the function it would have been (`hard_tanh(min_val=2,max_val=1): …`).
  public static func bindAll(_ spec: String, context: BindingContext = BindingContext())
    throws(SpecError) -> [BoundActivation]
  {
    try bindAll(SpecSyntax.parse(spec), spec: spec, context: context)
  }

  /// ``bindAll(_:context:)`` for a spec already parsed (`spec` is its text, for messages).
  static func bindAll(_ syntax: SpecSyntax, spec: String, context: BindingContext)
    throws(SpecError) -> [BoundActivation]
  {
    let sweep = try resolve(syntax)
    guard sweep.count <= maximumSweep else {
      throw .sweepTooLarge(spec: spec, count: sweep.count, maximum: maximumSweep)
    }
    var functions: [BoundActivation] = []
    functions.reserveCapacity(sweep.count)
    for index in 0..<sweep.count { functions.append(try sweep.bind(index, context: context)) }
    return functions
  }

  /// Finds a parsed spec's function and reads every alternative of every argument.
  private static func resolve(_ syntax: SpecSyntax) throws(SpecError) -> Sweep {
    guard let entry = entry(named: syntax.name) else {
      throw .unknownFunction(
        syntax.name, suggestion: closestMatch(to: syntax.name, among: allNames))
    }
    return try bindArguments(syntax.arguments, to: entry)
  }

  private static func bindArguments(_ written: [SpecSyntax.Argument], to entry: CatalogueEntry)
    throws(SpecError) -> Sweep
  {
    let given = try readArguments(written, parameters: entry.parameters, function: entry.name)
    var defaults: [String: ParameterValue] = [:]
    for parameter in entry.parameters { defaults[parameter.name] = parameter.defaultValue }
    return Sweep(entry: entry, given: given, defaults: defaults)
  }

  /// How many functions written arguments name: the product of their numbers of alternatives,
  /// saturating at `Int.max`.
  static func functionCount(_ given: [(name: String, values: [ParameterValue])]) -> Int {
    given.reduce(1) { product, parameter in
      let (result, overflow) = product.multipliedReportingOverflow(by: parameter.values.count)
      return overflow ? .max : result
    }
  }

  /// Matches written arguments to declared parameters (positional first, then by name, ignoring
  /// case, `_` and `-`) and converts every alternative. Returns the written parameters in
  /// declaration order, each with its values in the order written.
  static func readArguments(
    _ written: [SpecSyntax.Argument], parameters: [Parameter], function: String
  ) throws(SpecError) -> [(name: String, values: [ParameterValue])] {
    if !written.isEmpty && parameters.isEmpty { throw .takesNoParameters(function: function) }
    var values: [String: [ParameterValue]] = [:]
    var sawKeyword = false
    for (position, argument) in written.enumerated() {
      let parameter: Parameter
      if let key = argument.key {
        sawKeyword = true
        guard
          let match = parameters.first(where: { normalizedName($0.name) == normalizedName(key) })
        else {
          let names = parameters.map(\.name)
          if let layer = Layers.entry(named: function),
            let own = layer.parameters.first(where: {
              normalizedName($0.name) == normalizedName(key)
            })
          {
            throw .layerParameter(
              function: function, name: own.name,
              written: key + "=" + argument.alternatives.map(\.text).joined(separator: "|"),
              curve: names)
          }
          throw .unknownParameter(
            function: function, name: key, suggestion: closestMatch(to: key, among: names),
            valid: names)
        }
        parameter = match
      } else {
        if sawKeyword {
          if let comma = decimalComma(written, at: position, function: function, maximum: nil) {
            throw comma
          }
          throw .positionalAfterKeyword(function: function)
        }
        guard position < parameters.count else {
          if let comma = decimalComma(
            written, at: position, function: function, maximum: parameters.count)
          {
            throw comma
          }
          throw .tooManyArguments(
            function: function, count: written.count, maximum: parameters.count)
        }
        parameter = parameters[position]
      }
      guard values[parameter.name] == nil else {
        throw .duplicateParameter(function: function, name: parameter.name)
      }
      var alternatives: [ParameterValue] = []
      for raw in argument.alternatives {
        let value = try convert(raw, for: parameter, of: function)
        if let earlier = alternatives.first(where: { $0.specText == value.specText }) {
          throw .repeatedAlternative(
            function: function, parameter: parameter.name, given: raw.text,
            earlier: earlier.specText)
        }
        alternatives.append(value)
      }
      values[parameter.name] = alternatives
    }
    return parameters.compactMap { p in values[p.name].map { (name: p.name, values: $0) } }
  }

  /// The decimal-comma reading of a value that does not fit (`elu(alpha=0,5)`, `elu(0,5)`): the
  /// value at `position` is unnamed and all digits (`5`, `25`), the one before it a single
  /// whole number (`0`, `-1`, `alpha=0`), and a bare comma joins them (`0, 5` is two values).
  /// Nil when the two do not look like one number.
  static func decimalComma(
    _ written: [SpecSyntax.Argument], at position: Int, function: String, maximum: Int?
  ) -> SpecError? {
    guard position > 0 else { return nil }
    let previous = written[position - 1]
    let current = written[position]
    guard current.key == nil, current.followsBareComma, current.alternatives.count == 1,
      previous.alternatives.count == 1,
      case .number(_, let fraction) = current.alternatives[0],
      case .number(_, let whole) = previous.alternatives[0],
      isDigits(fraction[...]),
      isDigits(whole.first == "-" || whole.first == "+" ? whole.dropFirst() : whole[...])
    else { return nil }
    let key = previous.key.map { $0 + "=" } ?? ""
    return .decimalComma(
      function: function, written: key + whole + "," + fraction,
      meant: key + whole + "." + fraction, maximum: maximum)
  }

  private static func isDigits(_ text: Substring) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  private static func convert(
    _ raw: SpecSyntax.RawValue, for parameter: Parameter, of function: String
  )
    throws(SpecError) -> ParameterValue
  {
    let refusal = SpecError.badValue(
      function: function, parameter: parameter.name, given: raw.text,
      expected: parameter.expectation)
    var raw = raw
    // A word for a number is constant arithmetic when it reads as such: `pi`, `e`, `pi-1`.
    if case .word(let w) = raw, let value = ParameterArithmetic.constant(w) {
      switch parameter.kind {
      case .real, .optionalReal, .realOrList: raw = .number(value, text: w)
      default: break
      }
    }
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
    case (.realOrList(let constraint), .number(let r, _)):
      guard constraint.admits(r) else { throw refusal }
      return .real(r)
    case (.realOrList(let constraint), .list(let values, _)):
      guard !values.isEmpty, values.allSatisfy(constraint.admits) else { throw refusal }
      return .list(values)
    default:
      throw refusal
    }
  }
}

/// A spec's arguments, read and checked: each written parameter with its alternatives, naming
/// one function or, with a sweep, several.
private struct Sweep {
  let entry: CatalogueEntry
  /// The written parameters in declaration order, each with its values in the order written.
  let given: [(name: String, values: [ParameterValue])]
  /// Every parameter's default.
  let defaults: [String: ParameterValue]

  /// How many functions the spec names: the product of the numbers of alternatives (saturating
  /// at `Int.max`).
  var count: Int { Catalogue.functionCount(given) }

  /// The arguments of the function at `index` (in `0..<count`): the first declared parameter
  /// varies slowest, the last fastest.
  func arguments(_ index: Int) -> Arguments {
    var values = defaults
    var rest = index
    for parameter in given.reversed() {
      values[parameter.name] = parameter.values[rest % parameter.values.count]
      rest /= parameter.values.count
    }
    return Arguments(values: values, given: given.map(\.name))
  }

  /// Builds the function at `index`; in a sweep, an impossible combination is reported under
  /// that function's own spec, so the message names the alternatives at fault.
  func bind(_ index: Int, context: BindingContext) throws(SpecError) -> BoundActivation {
    let arguments = arguments(index)
    let swept = given.filter { $0.values.count > 1 }.map(\.name)
    let function: any Activation
    do throws(SpecError) {
      function = try entry.build(arguments, context)
    } catch .invalidCombination(_, let problem) where !swept.isEmpty {
      throw .invalidCombination(
        function: BoundActivation.label(entry, arguments), problem: problem)
    }
    return BoundActivation(
      entry: entry, arguments: arguments, function: function, sweptParameters: swept)
  }
}
