// Shrinkage operators: zero on a band around the origin (the proximal maps of sparsity penalties).

/// Soft thresholding: shrink x towards 0 by λ, and zero inside [-λ, λ].
///
/// ```
/// f(x)   = x - lambda for x > lambda;  x + lambda for x < -lambda;  0 otherwise
/// f'(x)  = 1 for |x| > lambda, else 0     (0 at x = ±lambda, as PyTorch)
/// f''(x) = 0
/// ```
/// Range (-inf, inf), continuous. Exact: one correctly rounded addition.
public struct Softshrink: Activation {
  public var lambda: Double

  public init(lambda: Double = 0.5) {
    self.lambda = lambda
  }

  public func value(_ x: Double) -> Double {
    if x > lambda { return x - lambda }
    if x < -lambda { return x + lambda }
    return x.isNaN ? x : 0
  }
  public func derivative(_ x: Double) -> Double {
    if x.isNaN { return x }
    return abs(x) > lambda ? 1 : 0
  }
  public func secondDerivative(_ x: Double) -> Double { x.isNaN ? x : 0 }
  public var kinks: [Kink] { [Kink(at: -lambda, rule: .right), Kink(at: lambda, rule: .left)] }
}

/// Hard thresholding: keep x where |x| > λ, zero elsewhere.
///
/// ```
/// f(x)   = x for |x| > lambda, else 0
/// f'(x)  = 1 for |x| > lambda, else 0     (f(±lambda) = 0, f'(±lambda) = 0, as PyTorch)
/// f''(x) = 0
/// ```
/// f jumps by λ at ±λ. Exact.
public struct Hardshrink: Activation {
  public var lambda: Double

  public init(lambda: Double = 0.5) {
    self.lambda = lambda
  }

  public func value(_ x: Double) -> Double { abs(x) > lambda ? x : (x.isNaN ? x : 0) }
  public func derivative(_ x: Double) -> Double { abs(x) > lambda ? 1 : (x.isNaN ? x : 0) }
  public func secondDerivative(_ x: Double) -> Double { x.isNaN ? x : 0 }
  public var kinks: [Kink] {
    [
      Kink(at: -lambda, rule: .right, isJump: lambda != 0),
      Kink(at: lambda, rule: .left, isJump: lambda != 0),
    ]
  }
}
