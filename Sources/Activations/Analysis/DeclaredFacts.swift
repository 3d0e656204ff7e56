/// How smooth a function is: the largest k such that f is k times continuously differentiable
/// on the whole real line.
public enum Smoothness: Sendable, Equatable, CustomStringConvertible {
  /// f itself jumps somewhere (hardshrink with lambda > 0, threshold with value ≠ threshold,
  /// softplus with a threshold). Printed `C-1`.
  case discontinuous
  /// C^k for k ≥ 0: f, …, f^(k) are continuous and f^(k+1) jumps or is unbounded somewhere.
  case c(Int)
  /// C^∞: every derivative is continuous. Printed `Cinf`.
  case infinite
  /// A numeric lower bound: no jump was found in f, f′ or f″, so the function is at least C^k
  /// (k = 2); numeric evidence cannot tell C2 from C^∞. Printed `C2+`.
  case atLeast(Int)

  /// `C-1`, `C0`, `C1`, …, `Cinf`, or `C2+` for a numeric lower bound.
  public var description: String {
    switch self {
    case .discontinuous: return "C-1"
    case .c(let k): return "C\(k)"
    case .infinite: return "Cinf"
    case .atLeast(let k): return "C\(k)+"
    }
  }
}

/// What is known analytically about a catalogue entry, for its actual arguments. The numeric
/// analysis computes everything else.
struct DeclaredFacts: Sendable {
  /// The smoothness class, which may depend on the arguments.
  var continuity: Smoothness
}

extension DeclaredFacts {
  /// The declared facts for the entry named `name` (canonical name) with `arguments`, or nil for
  /// a name this table does not know. `function` is the bound activation, consulted only for its
  /// kinks where the class follows them (maxout).
  ///
  /// The classes, with their reasons:
  /// - C^∞: every composition of exp, log, tanh, erf, sqrt of a positive argument and
  ///   polynomials: sigmoid, tanh, softplus without threshold, silu, swish, mish, gelu (both
  ///   forms), acon_c, meta_acon, log_sigmoid, tanhshrink, identity, squareplus; and every
  ///   piecewise-linear function whose pieces all have the same slope (leaky_relu and prelu with
  ///   slope 1, rrelu with mean slope 1 when not training, maxout with no kink, softshrink and
  ///   hardshrink with lambda = 0, which are the identity).
  /// - C1: f′ continuous, f″ jumps at 0: elu with alpha = 1 (f″(0⁻) = 1, f″(0⁺) = 0), celu for
  ///   every alpha (f″(0⁻) = 1/alpha), softsign (f″(0±) = ∓2), relu2 (f″(0⁻) = 0, f″(0⁺) = 2).
  /// - C0: f continuous, f′ jumps at a kink: relu, relu6, hard_sigmoid, hard_swish (f′(−3⁺) =
  ///   −1/2), leaky_relu, prelu, rrelu (not training), elu with alpha ≠ 1, selu, frelu, maxout
  ///   with a kink, softshrink with lambda > 0, hard_tanh, threshold with value = threshold.
  /// - discontinuous (C-1): softplus with a threshold (log(1 + e^t)/beta ≠ t/beta), hardshrink
  ///   with lambda > 0, threshold with value ≠ threshold, and rrelu in training mode (a random
  ///   slope per point).
  static func lookup(_ name: String, arguments: Arguments, function: any Activation)
    -> DeclaredFacts?
  {
    func real(_ parameter: String) -> Double { arguments.real(parameter) }
    let continuity: Smoothness
    switch name {
    case "sigmoid", "tanh", "silu", "swish", "mish", "gelu", "acon_c", "meta_acon",
      "log_sigmoid", "tanhshrink", "identity", "squareplus":
      continuity = .infinite
    case "softplus":
      continuity = arguments.optionalReal("threshold") == nil ? .infinite : .discontinuous
    case "hard_sigmoid", "relu", "relu6", "hard_swish", "selu", "frelu", "hard_tanh":
      continuity = .c(0)
    case "leaky_relu":
      continuity = real("negative_slope") == 1 ? .infinite : .c(0)
    case "prelu":
      continuity = real("weight") == 1 ? .infinite : .c(0)
    case "rrelu":
      if arguments.boolean("training") {
        continuity = .discontinuous
      } else {
        continuity = (real("lower") + real("upper")) / 2 == 1 ? .infinite : .c(0)
      }
    case "elu":
      continuity = real("alpha") == 1 ? .c(1) : .c(0)
    case "celu", "softsign", "relu2":
      continuity = .c(1)
    case "maxout":
      continuity = function.kinks.isEmpty ? .infinite : .c(0)
    case "softshrink":
      continuity = real("lambda") == 0 ? .infinite : .c(0)
    case "hardshrink":
      continuity = real("lambda") == 0 ? .infinite : .discontinuous
    case "threshold":
      continuity = real("value") == real("threshold") ? .c(0) : .discontinuous
    default:
      return nil
    }
    return DeclaredFacts(continuity: continuity)
  }
}
