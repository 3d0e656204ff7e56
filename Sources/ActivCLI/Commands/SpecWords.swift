import Activations

/// SPEC words from a command line, each read once by ``FunctionSpec`` (the library's rule for
/// catalogue specs and expressions), with the command's `--seed` and `--name`.
enum SpecWords {
  /// One SPEC word: catalogue functions (several for a sweep) or an expression.
  static func read(_ word: String, context: BindingContext) throws(CLIError) -> FunctionSpec {
    do {
      return try FunctionSpec(word, context: context)
    } catch {
      throw CLIError(error)
    }
  }

  /// A SPEC word that must name one function (`apply`, `info`): a sweep is refused.
  static func one(_ word: String, context: BindingContext) throws(CLIError) -> FunctionSpec {
    let spec = try read(word, context: context)
    guard spec.count == 1 else {
      throw .spec(.sweepNotAccepted(spec: word, count: spec.count))
    }
    return spec
  }

  /// The functions one SPEC word names, each labelled by its own spec or expression text.
  static func functions(_ word: String, context: BindingContext) throws(CLIError)
    -> [NamedFunction]
  {
    try read(word, context: context).functions.map(NamedFunction.init)
  }

  /// The functions every SPEC word names, in order, bound with the command's `--seed` (at most
  /// `Catalogue.maximumSweep` per word); `--name`, given once per function in order, relabels
  /// them (a sweep's members count one each).
  static func functions(_ words: [String], parsed: ParsedArguments) throws(CLIError)
    -> [NamedFunction]
  {
    let context = parsed.bindingContext
    var functions: [NamedFunction] = []
    for word in words { functions += try self.functions(word, context: context) }
    let names = parsed.allValues(SharedOptions.name)
    if !names.isEmpty {
      guard names.count == functions.count else {
        throw .nameCount(names: names.count, functions: functions.map(\.label))
      }
      for index in functions.indices { functions[index].label = names[index] }
    }
    return functions
  }
}

extension CLIError {
  /// A refused SPEC word, as the catalogue or the expression parser said.
  init(_ error: FunctionSpecError) {
    switch error {
    case .spec(let error): self = .spec(error)
    case .expression(let error, let text): self = .expression(error, text: text)
    }
  }
}
