// Activations defined as a maximum: Maxout's affine pieces and FReLU's funnel condition.

/// Goodfellow et al.'s Maxout unit on one input: the maximum of k affine pieces wᵢx + bᵢ, a convex
/// piecewise-linear function.
///
/// ```
/// f(x)   = max_i (w_i·x + b_i)
/// f'(x)  = w_j for the active piece j  (at a tie, the first tied piece, as torch.max(dim))
/// f''(x) = 0
/// ```
/// The default pieces are weights [0, 1], biases [0, 0]: max(0, x), the ReLU special case the
/// Maxout paper points out, with f′(0) = 0 like ReLU. Each piece is one fused multiply-add, so the
/// result is correctly rounded.
public struct Maxout: Activation {
  public var weights: [Double]
  public var biases: [Double]

  /// - Precondition: `weights` and `biases` have the same, non-zero count.
  public init(weights: [Double] = [0, 1], biases: [Double] = [0, 0]) {
    precondition(!weights.isEmpty && weights.count == biases.count)
    self.weights = weights
    self.biases = biases
  }

  /// The index of the first piece that attains the maximum at x.
  public func activePiece(at x: Double) -> Int {
    if x.isInfinite {
      // As x → ±∞ the piece with the largest (smallest) slope wins; equal slopes by bias.
      let direction = x > 0 ? 1.0 : -1.0
      var best = 0
      for i in weights.indices.dropFirst() {
        let (s, sb) = (direction * weights[i], direction * weights[best])
        if s > sb || (s == sb && biases[i] > biases[best]) { best = i }
      }
      return best
    }
    var best = 0
    var bestValue = piece(0, at: x)
    for i in weights.indices.dropFirst() {
      let v = piece(i, at: x)
      if v > bestValue {
        best = i
        bestValue = v
      }
    }
    return best
  }

  public func value(_ x: Double) -> Double {
    if x.isNaN { return x }
    let j = activePiece(at: x)
    if x.isInfinite && weights[j] == 0 { return biases[j] }
    return piece(j, at: x)
  }

  /// wᵢx + bᵢ rounded once. A flat piece is its bias exactly (+0, not 0·x = −0 for x < 0); with
  /// bᵢ = 0 the plain product, which keeps the sign of a zero x.
  private func piece(_ i: Int, at x: Double) -> Double {
    if weights[i] == 0 { return biases[i] }
    return biases[i] == 0 ? weights[i] * x : biases[i].addingProduct(weights[i], x)
  }

  public func derivative(_ x: Double) -> Double {
    x.isNaN ? x : weights[activePiece(at: x)]
  }

  public func secondDerivative(_ x: Double) -> Double { x.isNaN ? x : 0 }

  /// The breakpoints of the upper envelope, where two pieces with different slopes cross and both
  /// are maximal.
  public var kinks: [Kink] {
    var found: [Kink] = []
    for i in weights.indices {
      for j in weights.indices where j > i && weights[i] != weights[j] {
        let crossing = (biases[j] - biases[i]) / (weights[i] - weights[j])
        guard crossing.isFinite else { continue }
        let top = biases[i].addingProduct(weights[i], crossing)
        let tolerance = 1e-12 * max(1, abs(top))
        let tied = weights.indices.filter {
          abs(biases[$0].addingProduct(weights[$0], crossing) - top) <= tolerance
        }
        let others = weights.indices.filter { !tied.contains($0) }
        guard tied.contains(i), tied.contains(j),
          others.allSatisfy({ biases[$0].addingProduct(weights[$0], crossing) < top })
        else { continue }
        guard !found.contains(where: { abs($0.x - crossing) <= tolerance }) else { continue }
        // The double nearest the crossing may not be the crossing itself; report the side that
        // derivative(x) really gives there.
        let reported = weights[activePiece(at: crossing)]
        let rule: Kink.Rule = reported == tied.map({ weights[$0] }).min() ? .left : .right
        found.append(Kink(at: crossing, rule: rule))
      }
    }
    return found.sorted { $0.x < $1.x }
  }
}

/// FReLU's activation in the curve view: max(x, t) with the funnel condition t held constant.
///
/// ```
/// f(x)   = max(x, t)
/// f'(x)  = 1 for x > t, 0 for x < t, 1/2 at x = t   (torch.maximum splits the gradient at a tie)
/// f''(x) = 0                                         (the mean of 0 and 0 at x = t)
/// ```
/// In the FReLU layer (Ma et al., ECCV 2020) t = BN(depthwise_conv3x3(x)) depends on the pixel's
/// neighbourhood; plotting f against x for one fixed t shows the shape each pixel sees. Default
/// t = 0, where the curve is ReLU's. Exact.
public struct FReLU: Activation {
  public var t: Double

  public init(t: Double = 0) {
    self.t = t
  }

  public func value(_ x: Double) -> Double { x > t ? x : (x.isNaN ? x : t) }
  public func derivative(_ x: Double) -> Double {
    if x > t { return 1 }
    if x < t { return 0 }
    return x.isNaN ? x : 0.5
  }
  public func secondDerivative(_ x: Double) -> Double { x.isNaN ? x : 0 }
  public var kinks: [Kink] { [Kink(at: t, rule: .average)] }
}
