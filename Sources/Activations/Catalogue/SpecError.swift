/// Why a function spec such as `elu(alpha=0.5)` was refused. Every message is rendered here, in
/// `description`, so the wording lives in one place.
public enum SpecError: Error, Sendable, Equatable {
  case empty
  case syntax(spec: String, problem: String)
  case unknownFunction(String, suggestion: String?)
  case unknownParameter(function: String, name: String, suggestion: String?, valid: [String])
  /// A parameter of the layer of that name (`activ apply`), not of its curve (`maxout(k=2)`):
  /// `written` is the argument as written (`k=2`), `curve` the curve's parameters.
  case layerParameter(function: String, name: String, written: String, curve: [String])
  case takesNoParameters(function: String)
  case tooManyArguments(function: String, count: Int, maximum: Int)
  case duplicateParameter(function: String, name: String)
  case positionalAfterKeyword(function: String)
  case badValue(function: String, parameter: String, given: String, expected: String)
  case invalidCombination(function: String, problem: String)
  /// One alternative of a sweep equals an earlier one once read (`swish(beta=1|1.0)`).
  case repeatedAlternative(function: String, parameter: String, given: String, earlier: String)
  /// A sweep expands to more than ``Catalogue/maximumSweep`` functions.
  case sweepTooLarge(spec: String, count: Int, maximum: Int)
  /// A sweep where one function is needed (``Catalogue/bind(_:context:)``, `activ info`).
  case sweepNotAccepted(spec: String, count: Int)
  /// Two values that read as one number with a decimal comma (`elu(alpha=0,5)`, `elu(0,5)`),
  /// found where the count of values is off: `written` is `0,5` (or `alpha=0,5`), `meant` the
  /// same with a point; `maximum` is the number of parameters when there were too many values.
  /// A value the spec syntax cannot read that only a spec could mean: a range `START:END:STEP`
  /// that does not expand, an unclosed quote. Reported as is, never retried as an expression.
  case valueSyntax(spec: String, problem: String)
  case decimalComma(function: String, written: String, meant: String, maximum: Int?)
}

extension SpecError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .empty:
      return "empty function spec; name a function such as 'mish' or 'elu(alpha=0.5)'"
    case .syntax(let spec, let problem), .valueSyntax(let spec, let problem):
      return "cannot read function spec '\(excerpt(spec))': \(problem)"
    case .unknownFunction(let name, let suggestion):
      return "unknown function '\(excerpt(name))'" + didYouMean(suggestion)
    case .unknownParameter(let function, let name, let suggestion, let valid):
      return "\(function) has no parameter '\(excerpt(name))'" + didYouMean(suggestion)
        + "; its parameters are " + valid.joined(separator: ", ")
    case .layerParameter(let function, let name, let written, let curve):
      let curveSpec =
        curve.isEmpty
        ? function : "\(function)(" + curve.map { "\($0)=…" }.joined(separator: ", ") + ")"
      return
        "\(name) is a parameter of the \(function) layer; use activ apply '\(function)(\(excerpt(written)))' "
        + "on a feature map, or \(curveSpec) as a curve"
    case .takesNoParameters(let function):
      return "\(function) takes no parameters; write it as '\(function)'"
    case .tooManyArguments(let function, let count, let maximum):
      return
        "\(function) takes at most \(maximum) parameter\(maximum == 1 ? "" : "s"), got \(count)"
    case .duplicateParameter(let function, let name):
      return "\(function): parameter '\(excerpt(name))' is given twice"
    case .positionalAfterKeyword(let function):
      return "\(function): a value without a name follows a named one; name it too (key=value)"
    case .badValue(let function, let parameter, let given, let expected):
      return "\(function): bad value '\(excerpt(given))' for \(parameter); expected \(expected)"
    case .invalidCombination(let function, let problem):
      return "\(function): \(problem)"
    case .repeatedAlternative(let function, let parameter, let given, let earlier):
      return
        "\(function): '\(excerpt(given))' for \(parameter) repeats the value \(earlier) earlier in the sweep; "
        + "give each value once"
    case .sweepTooLarge(let spec, let count, let maximum):
      return
        "'\(excerpt(spec))' expands to \(count) functions, more than the \(maximum) one spec may sweep; "
        + "sweep fewer values"
    case .sweepNotAccepted(let spec, let count):
      return
        "'\(excerpt(spec))' is a sweep of \(count) functions, but one function is needed here; "
        + "give each parameter a single value"
    case .decimalComma(let function, let written, let meant, let maximum):
      let head =
        maximum.map { "\(function) takes \($0) parameter\($0 == 1 ? "" : "s"); " }
        ?? "\(function): "
      return head + "'\(excerpt(written))' looks like a decimal comma: write \(excerpt(meant))"
    }
  }
}

/// The " (did you mean 'x'?)" tail of an error message, or nothing without a suggestion; shared
/// by every message in activ that suggests a near miss.
package func didYouMean(_ suggestion: String?) -> String {
  suggestion.map { " (did you mean '\($0)'?)" } ?? ""
}
