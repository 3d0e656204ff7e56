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
