// The rectifier family: ReLU and the piecewise-linear units built on it. All exact (0 ULP): each
// result is one correctly rounded operation on x, or x itself, and f″ is 0 on every piece and at
// every kink (NaN for NaN).

/// The rectified linear unit max(0, x).
///
/// ```
/// f(x)   = max(0, x)
/// f'(x)  = 1 for x > 0, else 0        (f'(0) = 0, as PyTorch)
/// f''(x) = 0
/// ```
/// Range [0, inf). Exact.
public struct ReLU: Activation {
  public init() {}
  public func value(_ x: Double) -> Double { x > 0 ? x : (x.isNaN ? x : 0) }
  public func derivative(_ x: Double) -> Double { x > 0 ? 1 : (x.isNaN ? x : 0) }
  public func secondDerivative(_ x: Double) -> Double { x.isNaN ? x : 0 }
  public var kinks: [Kink] { [Kink(at: 0, rule: .left)] }
}

/// A ReLU with a fixed small slope for negative inputs, so the gradient never dies.
///
/// ```
/// f(x)   = x for x > 0, else a·x
/// f'(x)  = 1 for x > 0, else a        (f'(0) = a, as PyTorch)
/// f''(x) = 0
/// ```
/// Range (-inf, inf) for a > 0. Exact: a·x is one correctly rounded product.
public struct LeakyReLU: Activation {
  public var negativeSlope: Double

  public init(negativeSlope: Double = 0.01) {
    self.negativeSlope = negativeSlope
  }

  /// +0 takes the right-hand branch, so f(±0) has the sign f has beside 0 on that side.
  public func value(_ x: Double) -> Double { x.sign == .plus ? x : negativeSlope * x }
  public func derivative(_ x: Double) -> Double { x > 0 ? 1 : (x.isNaN ? x : negativeSlope) }
  public func secondDerivative(_ x: Double) -> Double { x.isNaN ? x : 0 }
  public var kinks: [Kink] { [Kink(at: 0, rule: .left)] }
}

/// The rectified linear unit max(0, x), clipped at 6 (MobileNet).
///
/// ```
/// f(x)   = min(max(0, x), 6)
/// f'(x)  = 1 for 0 < x < 6, else 0    (0 at x = 0 and x = 6, as PyTorch)
/// f''(x) = 0
/// ```
/// Range [0, 6]. Exact.
public struct ReLU6: Activation {
  public init() {}
  public func value(_ x: Double) -> Double { HardTanh(minVal: 0, maxVal: 6).value(x) }
  public func derivative(_ x: Double) -> Double { HardTanh(minVal: 0, maxVal: 6).derivative(x) }
  public func secondDerivative(_ x: Double) -> Double { x.isNaN ? x : 0 }
  public var kinks: [Kink] { HardTanh(minVal: 0, maxVal: 6).kinks }
}

/// The squared ReLU max(0, x)² (So et al., "Primer").
///
/// ```
/// f(x)   = max(0, x)^2
/// f'(x)  = 2·max(0, x)
/// f''(x) = 2 for x > 0, else 0        (f''(0) = 0, from the left, as relu'(0))
/// ```
/// Range [0, inf). Continuously differentiable; x·x is one correctly rounded product, and f″
/// exact. f′ is continuous, so no kink is declared, but f″ jumps from 0 to 2 at 0.
public struct SquaredReLU: Activation {
  public init() {}
  public func value(_ x: Double) -> Double { x > 0 ? x * x : (x.isNaN ? x : 0) }
  public func derivative(_ x: Double) -> Double { x > 0 ? 2 * x : (x.isNaN ? x : 0) }
  public func secondDerivative(_ x: Double) -> Double { x > 0 ? 2 : (x.isNaN ? x : 0) }
}

/// PyTorch's `threshold`: x above the threshold, a constant at or below it.
///
/// ```
/// f(x)   = x for x > threshold, else value
/// f'(x)  = 1 for x > threshold, else 0
/// f''(x) = 0
/// ```
/// With threshold = value = 0 it is ReLU. f jumps at the threshold unless value = threshold.
/// Exact.
public struct Threshold: Activation {
  public var threshold: Double
  public var replacement: Double

  public init(threshold: Double = 0, value: Double = 0) {
    self.threshold = threshold
    self.replacement = value
  }

  public func value(_ x: Double) -> Double { x > threshold ? x : (x.isNaN ? x : replacement) }
  public func derivative(_ x: Double) -> Double { x > threshold ? 1 : (x.isNaN ? x : 0) }
  public func secondDerivative(_ x: Double) -> Double { x.isNaN ? x : 0 }
  public var kinks: [Kink] {
    [Kink(at: threshold, rule: .left, isJump: replacement != threshold)]
  }
}

/// The identity f(x) = x: the linear baseline every activation is compared against.
///
/// ```
/// f(x)   = x
/// f'(x)  = 1
/// f''(x) = 0
/// ```
public struct Identity: Activation {
  public init() {}
  public func value(_ x: Double) -> Double { x }
  public func derivative(_ x: Double) -> Double { x.isNaN ? x : 1 }
  public func secondDerivative(_ x: Double) -> Double { x.isNaN ? x : 0 }
}

/// The parametric ReLU of He et al.: a leaky ReLU whose negative slope is a learned weight.
///
/// ```
/// f(x)   = x for x > 0, else w·x
/// f'(x)  = 1 for x > 0, else w        (f'(0) = w, as PyTorch)
/// f''(x) = 0
/// ```
/// In the curve view the weight is one number (default 0.25, PyTorch's initial value). Exact.
public struct PReLU: Activation {
  public var weight: Double

  public init(weight: Double = 0.25) {
    self.weight = weight
  }

  public func value(_ x: Double) -> Double { LeakyReLU(negativeSlope: weight).value(x) }
  public func derivative(_ x: Double) -> Double { LeakyReLU(negativeSlope: weight).derivative(x) }
  public func secondDerivative(_ x: Double) -> Double { x.isNaN ? x : 0 }
  public var kinks: [Kink] { [Kink(at: 0, rule: .left)] }
}

/// The randomized leaky ReLU of Xu et al.: while training, each negative input gets its own slope
/// drawn uniformly from [lower, upper]; in evaluation the slope is their mean.
///
/// ```
/// f(x)   = x for x > 0, else a·x      a = (lower + upper)/2 in evaluation,
/// f'(x)  = 1 for x > 0, else a        a ~ U[lower, upper] per point in training
/// f''(x) = 0                          (in training too: each point's slope is a constant)
/// ```
/// f′(0) = a, as PyTorch. In training mode the draw for a point is a pure function of the seed
/// and the bits of x (SplitMix64 of both), so value and derivative see the same slope, repeated
/// runs agree, and so do machines. The mean slope is formed in double-double, so evaluation mode
/// is correctly rounded.
public struct RReLU: Activation {
  public var lower: Double
  public var upper: Double
  public var training: Bool
  public var seed: UInt64

  public init(
    lower: Double = 1.0 / 8, upper: Double = 1.0 / 3, training: Bool = false, seed: UInt64 = 0
  ) {
    self.lower = lower
    self.upper = upper
    self.training = training
    self.seed = seed
  }

  /// The slope applied to a non-positive x.
  public func slope(at x: Double) -> Double {
    guard training else { return (DoubleDouble.sum(lower, upper) * 0.5).value }
    var generator = SplitMix64(seed: seed ^ SplitMix64.mix(x.bitPattern))
    return lower + (upper - lower) * generator.nextUnitInterval()
  }

  public func value(_ x: Double) -> Double {
    if x.sign == .plus || x.isNaN { return x }
    guard !training else { return slope(at: x) * x }
    // When lower + upper is exact (it usually is), one product is already correctly rounded, and
    // unlike the double-double product it stays so for subnormal results.
    let mean = DoubleDouble.sum(lower, upper) * 0.5
    if mean.lo == 0 { return mean.hi * x }
    // The double-double product loses its low part below the normal range: form it scaled.
    if abs(x) < 0x1p-900 { return Scaled(mean * (x * 0x1p200), exponent: -200).value }
    return (mean * x).value
  }

  public func derivative(_ x: Double) -> Double { x > 0 ? 1 : (x.isNaN ? x : slope(at: x)) }
  public func secondDerivative(_ x: Double) -> Double { x.isNaN ? x : 0 }
  public var kinks: [Kink] { [Kink(at: 0, rule: .left)] }
}
