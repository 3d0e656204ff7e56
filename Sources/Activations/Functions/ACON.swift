// The ACON family of Ma et al. (CVPR 2021): activations that learn whether to activate.

/// ACON-C: a smooth, learnable switch between the lines p1·x and p2·x.
///
/// ```
/// f(x)  = (p1 - p2)·x·sigmoid(b·(p1 - p2)·x) + p2·x
/// f'(x) = (p1 - p2)·h(v) + p2,   v = b·(p1 - p2)·x,   h(v) = sigmoid(v) + v·sigmoid'(v)
/// ```
/// b → ∞ gives max(p1·x, p2·x), b = 0 the mean (p1 + p2)/2·x; p1 = 1, p2 = 0, b = 1 is exactly
/// SiLU (same kernel, same bits). d = p1 − p2 and d·x, b·d·x are carried in double-double, so no
/// rounding reaches `exp` unmagnified; the gate is Swish's (see ``Swish``).
public struct AconC: Activation {
  public var p1: Double
  public var p2: Double
  public var beta: Double

  public init(p1: Double = 1, p2: Double = 0, beta: Double = 1) {
    self.p1 = p1
    self.p2 = p2
    self.beta = beta
  }

  public func value(_ x: Double) -> Double {
    guard x.isFinite else { return linearLimit(x, slope: asymptoticSlope(x)) }
    let difference = DoubleDouble.sum(p1, -p2)
    let y = difference * x
    let gated = AconC.gatedValue(y, gate: y * beta)
    return p2 == 0 ? gated : (DoubleDouble.product(p2, x) + gated).value
  }

  public func derivative(_ x: Double) -> Double {
    guard x.isFinite else { return x.isNaN ? x : asymptoticSlope(x) }
    let difference = DoubleDouble.sum(p1, -p2)
    let h = Swish.gateDerivative(difference * x * beta)
    let scaled = difference.lo == 0 && difference.hi == 1 ? h : (difference * h).value
    return p2 == 0 ? scaled : scaled + p2
  }

  /// The slope of the line f approaches as x → ±∞.
  private func asymptoticSlope(_ x: Double) -> Double {
    let v = beta * (p1 - p2) * x
    if v.isNaN || beta == 0 { return (p1 + p2) / 2 }
    return v > 0 ? p1 : p2
  }

  /// y·σ(v) for y and v in double-double, with the underflow-safe product below v = −700.
  static func gatedValue(_ y: DoubleDouble, gate v: DoubleDouble) -> Double {
    if v.hi < -700 { return scaledExp(v.hi, times: y.hi + (y.hi * v.lo + y.lo)) }
    let s = logistic(v)
    return y.lo == 0 ? y.hi * s : y.hi * s + y.lo * s
  }
}

/// Meta-ACON in the curve view: ACON-C whose switching factor is generated from the input; here the
/// pixel-wise design β = σ(x), so the curve is a function of x alone.
///
/// ```
/// f(x)  = (p1 - p2)·x·sigmoid(beta(x)·(p1 - p2)·x) + p2·x,   beta(x) = sigmoid(x)
/// f'(x) = (p1 - p2)·[sigmoid(v) + x·sigmoid'(v)·(p1 - p2)·h(x)] + p2,
///         v = sigmoid(x)·(p1 - p2)·x,   h(x) = sigmoid(x) + x·sigmoid'(x)
/// ```
/// Defaults p1 = 1, p2 = 0. The layer designs (layer- and channel-wise β from a small network over
/// a feature map) need the feature map itself. As x → −∞, β → 0 and f approaches (p1 + p2)/2·x;
/// as x → +∞ it approaches max(p1·x, p2·x)'s slope by sign. Same double-double care as ACON-C.
public struct MetaAcon: Activation {
  public var p1: Double
  public var p2: Double

  public init(p1: Double = 1, p2: Double = 0) {
    self.p1 = p1
    self.p2 = p2
  }

  public func value(_ x: Double) -> Double {
    guard x.isFinite else { return linearLimit(x, slope: asymptoticSlope(x)) }
    let difference = DoubleDouble.sum(p1, -p2)
    let y = difference * x
    let gated = AconC.gatedValue(y, gate: y * logistic(x))
    return p2 == 0 ? gated : (DoubleDouble.product(p2, x) + gated).value
  }

  public func derivative(_ x: Double) -> Double {
    guard x.isFinite else { return x.isNaN ? x : asymptoticSlope(x) }
    let d = p1 - p2
    let v = DoubleDouble.sum(p1, -p2) * x * logistic(x)
    let inner = logistic(v) + x * logisticDerivative(v) * d * Swish.gateDerivative(DoubleDouble(x))
    return d * inner + p2
  }

  private func asymptoticSlope(_ x: Double) -> Double {
    let d = p1 - p2
    if x < 0 || d == 0 { return (p1 + p2) / 2 }
    return d > 0 ? p1 : p2
  }
}

/// slope·x for x = ±∞, with 0 (not NaN) when the slope is 0.
func linearLimit(_ x: Double, slope: Double) -> Double {
  x.isNaN ? x : (slope == 0 ? 0 : slope * x)
}
