/// A value given to, or defaulted for, an activation's parameter.
public enum ParameterValue: Sendable, Equatable {
  case real(Double)
  case boolean(Bool)
  /// One of an enumerated set of words (`gelu(approximate=tanh)`).
  case word(String)
  /// A list of reals (`maxout(weights=[0,1])`).
  case list([Double])
  /// "Not set", for optional parameters such as softplus's `threshold`.
  case none

  /// The value as it is written in a spec: shortest round-trip numbers, `[a,b]` lists.
  public var specText: String {
    switch self {
    case .real(let r): return shortestDecimal(r)
    case .boolean(let b): return b ? "true" : "false"
    case .word(let w): return w
    case .list(let values): return "[" + values.map(shortestDecimal).joined(separator: ",") + "]"
    case .none: return "none"
    }
  }
}

/// A parameter an activation takes: its name, what values it accepts, and its default.
public struct Parameter: Sendable {
  /// What a parameter accepts.
  public enum Kind: Sendable, Equatable {
    /// A finite real satisfying the constraint.
    case real(Constraint)
    /// A finite real satisfying the constraint, or `none`.
    case optionalReal(Constraint)
    /// `true` or `false`.
    case boolean
    /// One word from the list.
    case choice([String])
    /// A bracketed list of finite reals, `[a,b,…]`, with at least one element.
    case list
    /// One real or a list of them, each satisfying the constraint: a layer's per-channel
    /// parameter (`prelu(weight=0.1)` shared, `prelu(weight=[0.1,0.2])` one per channel).
    case realOrList(Constraint)
  }

  /// A restriction on a real parameter beyond being finite.
  public enum Constraint: Sendable, Equatable {
    case any
    case positive
    case nonNegative

    func admits(_ value: Double) -> Bool {
      switch self {
      case .any: return true
      case .positive: return value > 0
      case .nonNegative: return value >= 0
      }
    }

    var phrase: String {
      switch self {
      case .any: return "a finite number"
      case .positive: return "a finite number > 0"
      case .nonNegative: return "a finite number >= 0"
      }
    }
  }

  public let name: String
  public let kind: Kind
  public let defaultValue: ParameterValue
  /// One line for `activ list` and `activ info`.
  public let summary: String

  public init(_ name: String, _ kind: Kind, default defaultValue: ParameterValue, _ summary: String)
  {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
    self.summary = summary
  }

  /// A real parameter with a default, as most catalogue parameters are.
  static func real(
    _ name: String, _ value: Double, _ constraint: Constraint = .any, _ summary: String
  ) -> Parameter {
    Parameter(name, .real(constraint), default: .real(value), summary)
  }

  /// What the parameter accepts, for error messages and help.
  public var expectation: String {
    switch kind {
    case .real(let constraint): return constraint.phrase
    case .optionalReal(let constraint): return constraint.phrase + " or none"
    case .boolean: return "true or false"
    case .choice(let words): return "one of " + words.joined(separator: ", ")
    case .list: return "a list of finite numbers like [0,1]"
    case .realOrList(let constraint):
      return constraint.phrase + ", or a list of them like [0.5,1]"
    }
  }
}

/// The parameters of one activation after parsing and defaulting: every declared parameter has a
/// value, and `given` remembers which ones the user wrote, in declaration order.
public struct Arguments: Sendable {
  public let values: [String: ParameterValue]
  public let given: [String]

  /// A real parameter (declared as `.real`).
  public func real(_ name: String) -> Double {
    if case .real(let r) = values[name] { return r }
    preconditionFailure("parameter \(name) is not a real")
  }

  /// An optional real parameter: nil when it is `none`.
  public func optionalReal(_ name: String) -> Double? {
    if case .real(let r) = values[name] { return r }
    return nil
  }

  public func boolean(_ name: String) -> Bool {
    if case .boolean(let b) = values[name] { return b }
    preconditionFailure("parameter \(name) is not a boolean")
  }

  public func word(_ name: String) -> String {
    if case .word(let w) = values[name] { return w }
    preconditionFailure("parameter \(name) is not a word")
  }

  public func list(_ name: String) -> [Double] {
    if case .list(let l) = values[name] { return l }
    preconditionFailure("parameter \(name) is not a list")
  }

  /// A parameter declared as `.realOrList`: one value or several; nil when it is `none` (a
  /// default that depends on the input's shape).
  public func reals(_ name: String) -> [Double]? {
    switch values[name] {
    case .real(let r): return [r]
    case .list(let l): return l
    default: return nil
    }
  }
}
