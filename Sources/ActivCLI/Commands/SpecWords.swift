import Activations

/// SPEC words from a command line, each read once by ``FunctionSpec`` (the library's rule for
/// catalogue specs and expressions), with the command's `--seed` and `--name`.
enum SpecWords {
  /// One SPEC word: catalogue functions (several for a sweep) or an expression. A plain number
  /// (`3`) is refused: where a SPEC goes it is almost always a misplaced range; a constant
  /// function says so as an expression in x (`3+0*x`).
  static func read(_ word: String, context: BindingContext) throws(CLIError) -> FunctionSpec {
    if DecimalNumeral(word) != nil { throw .numberAsSpec(word) }
    do {
      return try FunctionSpec(word, context: context)
    } catch {
      throw CLIError(error)
    }
  }

  /// Whether a word reads as a file name: it ends in an extension of data files (`.txt`, `.csv`,
  /// `.tsv`, `.dat`, `.json`) or names an existing regular file, and holds no parenthesis (a
  /// spec's arguments). Asked only of a word that does not read as a SPEC.
  static func looksLikeFile(_ word: String) -> Bool {
    guard !word.isEmpty, !word.contains("("), !word.contains(")") else { return false }
    let lower = word.lowercased()
    if [".txt", ".csv", ".tsv", ".dat", ".json"].contains(where: lower.hasSuffix) { return true }
    if case .regular = POSIX.fileKind(word) { return true }
    return false
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

  /// Every SPEC word read once, in order, with the command's `--seed`; a refused word keeps its
  /// error, so a command can look at what was refused (a file name, a second function) before it
  /// reports the first refusal.
  static func readAll(_ words: [String], parsed: ParsedArguments) -> [Result<
    FunctionSpec, CLIError
  >] {
    let context = parsed.bindingContext
    return words.map { word in Result { () throws(CLIError) in try read(word, context: context) } }
  }

  /// The functions every SPEC word names, in order, bound with the command's `--seed` (at most
  /// `Catalogue.maximumSweep` per word); `--name`, given once per function in order, relabels
  /// them (a sweep's members count one each).
  static func functions(_ words: [String], parsed: ParsedArguments) throws(CLIError)
    -> [NamedFunction]
  {
    try functions(readAll(words, parsed: parsed), parsed: parsed)
  }

  /// ``functions(_:parsed:)`` for words already read: the first refusal is thrown.
  static func functions(_ specs: [Result<FunctionSpec, CLIError>], parsed: ParsedArguments)
    throws(CLIError) -> [NamedFunction]
  {
    var functions: [NamedFunction] = []
    for spec in specs { functions += try spec.get().functions.map(NamedFunction.init) }
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
