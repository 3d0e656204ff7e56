// The ACON family of Ma et al. (CVPR 2021): activations that learn whether to activate.

/// ACON-C: a smooth, learnable switch between the lines p1·x and p2·x.
///
/// ```
/// f(x)   = (p1 - p2)·x·sigmoid(b·(p1 - p2)·x) + p2·x
/// f'(x)  = (p1 - p2)·h(v) + p2,   v = b·(p1 - p2)·x,   h(v) = sigmoid(v) + v·sigmoid'(v)
/// f''(x) = b·(p1 - p2)^2·h'(v),   h'(v) = sigmoid'(v)·(2 - v·tanh(v/2))
/// ```
/// b → ∞ gives max(p1·x, p2·x), b = 0 the mean (p1 + p2)/2·x; p1 = 1, p2 = 0, b = 1 is exactly
/// SiLU. Within activ's accuracy budget (2, 4 and 8 ULP for f, f′ and f″), with Swish's care (see
/// ``Swish``).
public struct AconC: Activation {
  // d = p1 − p2 and d·x, b·d·x are carried in double-double, so no rounding reaches `exp`
  // unmagnified; the gate and its h′, with the Taylor expansion at the roots v ≈ ±2.40, are Swish's
  // (see `Swish`).

  public var p1: Double
  public var p2: Double
  public var beta: Double

  public init(p1: Double = 1, p2: Double = 0, beta: Double = 1) {
    self.p1 = p1
    self.p2 = p2
    self.beta = beta
  }

  public func value(_ x: Double) -> Double {
    guard x.isFinite else {
      // With slope 0 the approach is from the side of (p1 − p2)·x, as for SiLU at −∞.
      let slope = asymptoticSlope(x)
      return slope == 0 && !x.isNaN ? ((p1 - p2) * x < 0 ? -0.0 : 0) : linearLimit(x, slope: slope)
    }
    // p1 = 1, p2 = 0 is Swish(β) exactly, whose fast path then gives the same bits.
    if p1 == 1 && p2 == 0 { return Swish(beta: beta).value(x) }
    return AconC.value(x, p1: p1, p2: p2, gate: gate(x))
  }

  public func derivative(_ x: Double) -> Double {
    guard x.isFinite else { return x.isNaN ? x : asymptoticSlope(x) }
    if p1 == 1 && p2 == 0 { return Swish(beta: beta).derivative(x) }
    let v = gate(x)
    let difference = DoubleDouble.sum(p1, -p2)
    let h = Swish.gateDerivative(v)
    guard p2 == 0 else { return AconC.slope(p1: p1, p2: p2, gate: v, h: h.doubleDouble).value }
    return difference.lo == 0 && difference.hi == 1 ? h.value : (h * difference).value
  }

  public func secondDerivative(_ x: Double) -> Double {
    let difference = DoubleDouble.sum(p1, -p2)
    // h′ approaches 0 from below at ±∞.
    guard x.isFinite else { return x.isNaN ? x : (beta * (p1 - p2) != 0 && beta > 0 ? -0.0 : 0) }
    let h = Swish.gateSecondDerivative(gate(x))
    if difference.hi == 1 && difference.lo == 0 && beta == 1 { return h.value }
    // β·d² with its power of two apart, so that it overflows only where f″ does.
    let d = Scaled(normalizing: difference)
    return (h * d * d * Scaled(normalizing: DoubleDouble(beta))).value
  }

  /// v = β·(p1 − p2)·x in double-double, formed as (β·x)·(p1 − p2) so that β = 0 gives v = 0
  /// even where (p1 − p2)·x overflows.
  private func gate(_ x: Double) -> DoubleDouble {
    DoubleDouble.product(beta, x) * DoubleDouble.sum(p1, -p2)
  }

  /// The slope of the line f approaches as x → ±∞.
  private func asymptoticSlope(_ x: Double) -> Double {
    let v = beta * (p1 - p2) * x
    if v.isNaN || beta == 0 { return (p1 + p2) / 2 }
    return v > 0 ? p1 : p2
  }

  /// f = (p1 − p2)·x·σ(v) + p2·x for a gate v computed by the caller (ACON-C's β·(p1 − p2)·x, or
  /// Meta-ACON's σ(x)·(p1 − p2)·x).
  static func value(_ x: Double, p1: Double, p2: Double, gate v: DoubleDouble) -> Double {
    // Past ±745 the gate is 1 or below the smallest double: f is p1·x or p2·x (plus the
    // underflowing (p1 − p2)·x·eᵛ when p2 = 0, which the scaled σ keeps).
    if v.hi > 745 { return p1 * x }
    if v.hi < -745 && p2 != 0 { return p2 * x }
    if p2 == 0 { return (logistic(v) * (DoubleDouble.sum(p1, -p2) * x)).value }
    return (slopeFactor(p1: p1, p2: p2, gate: v) * x).value
  }

  /// g(v) = d·σ(v) + p2, the factor with f = x·g, in double-double from whichever of two equal
  /// forms does not cancel: m + h·tanh(v/2) (m = (p1 + p2)/2, h = (p1 − p2)/2) when its terms
  /// agree in sign, which covers p1 = −p2 near x = 0 where g ≈ h·v/2 is tiny, else p2 + d·σ(v).
  static func slopeFactor(p1: Double, p2: Double, gate v: DoubleDouble) -> DoubleDouble {
    let mean = DoubleDouble.sum(p1, p2) * 0.5
    let half = DoubleDouble.sum(p1, -p2) * 0.5
    let swing = half * hyperbolicTangent(v * 0.5)
    // With p1 = −p2 the result is the swing alone; adding a zero mean would lose its sign of zero.
    if mean.hi == 0 { return swing }
    if (mean.hi > 0) == (swing.hi > 0) { return mean + swing }
    return half * 2 * logistic(v).doubleDouble + p2
  }

  /// f′ = d·h(v) + p2 with h(v) = σ(v) + v·σ′(v), in the same two forms as ``slopeFactor``:
  /// m + d·(tanh(v/2)/2 + v·σ′(v)) (both bracketed terms share v's sign), or p2 + d·h(v).
  static func slope(p1: Double, p2: Double, gate v: DoubleDouble, h: DoubleDouble) -> DoubleDouble {
    let difference = DoubleDouble.sum(p1, -p2)
    let mean = DoubleDouble.sum(p1, p2) * 0.5
    let swing =
      difference * (hyperbolicTangent(v * 0.5) * 0.5 + logisticDerivative(v).doubleDouble * v)
    // With p1 = −p2 the result is the swing alone; adding a zero mean would lose its sign of zero.
    if mean.hi == 0 { return swing }
    if (mean.hi > 0) == (swing.hi > 0) { return mean + swing }
    return difference * h + p2
  }
}

/// Meta-ACON in the curve view: ACON-C whose switching factor is generated from the input; here the
/// pixel-wise design β = σ(x), so the curve is a function of x alone.
///
/// ```
/// f(x)   = (p1 - p2)·x·sigmoid(beta(x)·(p1 - p2)·x) + p2·x,   beta(x) = sigmoid(x)
/// f'(x)  = (p1 - p2)·[sigmoid(v) + x·sigmoid'(v)·(p1 - p2)·h(x)] + p2,
///          v = sigmoid(x)·(p1 - p2)·x,   h(x) = sigmoid(x) + x·sigmoid'(x)
/// f''(x) = (p1 - p2)^2·sigmoid'(v)·B,
///          B = 2h(x) + x·h'(x) - x·(p1 - p2)·h(x)^2·tanh(v/2),   h'(x) = sigmoid'(x)·(2 - x·tanh(x/2))
/// ```
/// Defaults p1 = 1, p2 = 0; the layer designs (β from a small network over a feature map) need the
/// feature map itself. As x → −∞, β → 0 and f approaches (p1 + p2)/2·x. Within activ's accuracy
/// budget (2, 4 and 8 ULP for f, f′ and f″): double-double, and triple-double near the roots of f″.
public struct MetaAcon: Activation {
  // Same double-double care as ACON-C. f″ is formed from n = e^x for x <= 0 (h and h′ carry the
  // factor n, scaled, so f″ ≈ (p1 − p2)²/4·(x² + 4x + 2)·e^x keeps its digits where e^x is
  // subnormal) and from e^−x for x > 0. B cancels at three roots (x ≈ −3.63, −0.783 and 2.33 for
  // the defaults) that move with p1 − p2, so no root can be tabulated as for Swish: where the
  // double-double B has lost all but 2⁻⁴⁰ of its terms, B is evaluated again in triple-double
  // (`TripleDouble`), which leaves it ~2⁻¹⁴⁰ of its terms off.

  public var p1: Double
  public var p2: Double

  public init(p1: Double = 1, p2: Double = 0) {
    self.p1 = p1
    self.p2 = p2
  }

  public func value(_ x: Double) -> Double {
    guard x.isFinite else { return linearLimit(x, slope: asymptoticSlope(x)) }
    // Below −745, β = σ(x) and x·σ(x) are 0 to double precision: the gate is σ(0) = 1/2.
    if x < -745 { return (DoubleDouble.sum(p1, p2) * 0.5 * x).value }
    return AconC.value(x, p1: p1, p2: p2, gate: gate(x))
  }

  public func derivative(_ x: Double) -> Double {
    guard x.isFinite else { return x.isNaN ? x : asymptoticSlope(x) }
    if x < -745 { return (DoubleDouble.sum(p1, p2) * 0.5).value }
    if x > 745 { return AconC(p1: p1, p2: p2, beta: 1).derivative(x) }
    let difference = DoubleDouble.sum(p1, -p2)
    let v = gate(x)
    let inner =
      logistic(v).doubleDouble + logisticDerivative(v).doubleDouble * difference
      * Swish.gateDerivative(DoubleDouble(x)).doubleDouble * x
    return (difference * inner + p2).value
  }

  public func secondDerivative(_ x: Double) -> Double {
    guard x.isFinite else { return x.isNaN ? x : 0 }
    let difference = DoubleDouble.sum(p1, -p2)
    // p1 = p2 makes f linear.
    if difference.hi == 0 { return 0 }
    // f″ ≈ (p1 − p2)²/4·(x² + 4x + 2)·e^x, positive and far below the smallest subnormal.
    if x < -2000 { return 0 }
    // β = σ(x) is 1 to far beyond double-double precision: ACON-C with β = 1.
    if x > 745 { return AconC(p1: p1, p2: p2, beta: 1).secondDerivative(x) }
    // d² with its power of two apart, so that it overflows only where f″ does.
    let square = Scaled(normalizing: difference) * Scaled(normalizing: difference)
    if x <= 0 {
      // B = n·B̂ with ĥ = h/n = (1 + x + n)/(1 + n)², ĥ′ = h′/n = (2(1 + n) + x(1 − n))/(1 + n)³,
      // v = d·x·n/(1 + n), and B̂ = 2ĥ + x·ĥ′ − x·d·ĥ²·n·tanh(v/2).
      let n = exponential(x)
      let nn = n.doubleDouble
      let s = nn + 1
      let h = (nn + x + 1) / (s * s)
      let hPrime = (s * 2 + (-nn + 1) * x) / (s * s * s)
      let v = nn / s * x * difference
      let bracket =
        MetaAcon.bracket(
          h: h, hPrime: hPrime, x: x, difference: difference,
          tanhHalfGate: nn * hyperbolicTangent(v * 0.5))
        ?? MetaAcon.preciseBracket(x, difference: difference)
      return (n * square * (logisticDerivative(v).doubleDouble * bracket)).value
    }
    let m = exponential(-x).doubleDouble
    let s = m + 1
    let h = (m * x + s) / (s * s)
    let hPrime = m * (s * 2 + -((-m + 1) * x)) / (s * s * s)
    let v = DoubleDouble(x) / s * difference
    let bracket =
      MetaAcon.bracket(
        h: h, hPrime: hPrime, x: x, difference: difference,
        tanhHalfGate: hyperbolicTangent(v * 0.5))
      ?? MetaAcon.preciseBracket(x, difference: difference)
    return (logisticDerivative(v) * square * bracket).value
  }

  /// B = 2h + x·h′ − x·d·h²·t in double-double (t = tanh(v/2), times n for x <= 0), or nil where
  /// it has cancelled to below 2⁻⁴⁰ of its terms, which leaves too few of its digits.
  private static func bracket(
    h: DoubleDouble, hPrime: DoubleDouble, x: Double, difference: DoubleDouble,
    tanhHalfGate t: DoubleDouble
  ) -> DoubleDouble? {
    let terms = (h * 2, hPrime * x, h * h * t * difference * x)
    let sum = terms.0 + terms.1 + -terms.2
    let size = abs(terms.0.hi) + abs(terms.1.hi) + abs(terms.2.hi)
    return abs(sum.hi) < 0x1p-40 * size ? nil : sum
  }

  /// B (B̂ for x <= 0) as in ``secondDerivative(_:)``, in triple-double from a triple-double
  /// exponential, for the few doubles where the double-double bracket cancels.
  private static func preciseBracket(_ x: Double, difference: DoubleDouble) -> DoubleDouble {
    let d = TripleDouble(difference)
    let one = TripleDouble(1)
    let h: TripleDouble
    let hPrime: TripleDouble
    let v: TripleDouble
    var scale = one
    if x <= 0 {
      let n = exponential(TripleDouble(x))
      let s = n + 1
      h = (n + x + 1) / (s * s)
      hPrime = (s * 2 + (one - n) * x) / (s * s * s)
      v = n / s * x * d
      scale = n
    } else {
      let m = exponential(TripleDouble(-x))
      let s = m + 1
      h = (m * x + s) / (s * s)
      hPrime = m * (s * 2 - (one - m) * x) / (s * s * s)
      v = TripleDouble(x) / s * d
    }
    // tanh(v/2) = (1 − e^−|v|)/(1 + e^−|v|), with v's sign.
    let e = exponential(v.hi < 0 ? v : -v)
    let t = (one - e) / (e + 1)
    let tail = h * h * (v.hi < 0 ? -t : t) * scale * d * x
    return (h * 2 + hPrime * x - tail).doubleDouble
  }

  /// v = σ(x)·(p1 − p2)·x in double-double.
  private func gate(_ x: Double) -> DoubleDouble {
    logistic(DoubleDouble(x)).doubleDouble * DoubleDouble.sum(p1, -p2) * x
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
