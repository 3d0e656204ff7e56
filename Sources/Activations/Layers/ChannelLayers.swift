// Layers whose parameters belong to a channel or an element: Maxout's channel groups, PReLU's
// per-channel slopes and RReLU's per-element random slopes.

/// Maxout as a layer (Goodfellow et al., ICML 2013): the maximum over consecutive groups of k
/// channels, so C channels become C/k.
///
/// ```
/// y[j]      = max(x[j·k], x[j·k + 1], …, x[j·k + k − 1])     elementwise, j = 0 ..< C/k
/// gradient  = in the input's layout (C channels): 1 where the element is its group's maximum
///             (the first one at a tie, as torch.max), 0 elsewhere: ∂y[j]/∂xᵢ for i in group j
/// ```
/// A NaN in a group is its maximum (it propagates, as in torch.max).
public struct MaxoutLayer: Layer {
  public var groupSize: Int

  /// - Precondition: `groupSize >= 1`.
  public init(groupSize: Int = 2) {
    precondition(groupSize >= 1)
    self.groupSize = groupSize
  }

  /// For each output element, the channel within its group that wins.
  private func winners(_ input: FeatureMap) throws(LayerError) -> [Int] {
    guard input.channels % groupSize == 0 else {
      throw .channelsNotDivisible(
        function: "maxout", channels: input.channels, groupSize: groupSize)
    }
    let groups = input.channels / groupSize
    var winners = [Int](repeating: 0, count: groups * input.plane)
    for g in 0..<groups {
      for i in 0..<input.plane {
        var best = 0
        var bestValue = input.values[g * groupSize * input.plane + i]
        for member in 1..<groupSize where !bestValue.isNaN {
          let value = input.values[(g * groupSize + member) * input.plane + i]
          if value > bestValue || value.isNaN {
            best = member
            bestValue = value
          }
        }
        winners[g * input.plane + i] = best
      }
    }
    return winners
  }

  public func forward(_ input: FeatureMap) throws(LayerError) -> FeatureMap {
    let winners = try winners(input)
    let plane = input.plane
    let values = winners.indices.map { o in
      input.values[((o / plane) * groupSize + winners[o]) * plane + o % plane]
    }
    return FeatureMap(
      channels: input.channels / groupSize, height: input.height, width: input.width,
      values: values)
  }

  /// The input-shaped mask of winners (see the type's comment).
  public func diagonalGradient(_ input: FeatureMap) throws(LayerError) -> FeatureMap {
    let winners = try winners(input)
    let plane = input.plane
    var mask = [Double](repeating: 0, count: input.values.count)
    for o in winners.indices {
      mask[((o / plane) * groupSize + winners[o]) * plane + o % plane] = 1
    }
    return FeatureMap(shapeOf: input, values: mask)
  }
}

/// PReLU as a layer (He et al., 2015): a learned slope for x ≤ 0, one per channel or one shared.
///
/// ```
/// y        = x for x > 0, else a_c·x
/// ∂yᵢ/∂xᵢ  = 1 for x > 0, else a_c     (a_c at x = 0, as PyTorch)
/// ```
/// Each element is the catalogue's ``PReLU`` with its channel's slope.
public struct PReLULayer: Layer {
  public var weights: [Double]

  public init(weights: [Double] = [0.25]) {
    self.weights = weights
  }

  private func apply(_ input: FeatureMap, _ body: (PReLU, Double) -> Double) throws(LayerError)
    -> FeatureMap
  {
    let slopes = try perChannel(weights, "weight", of: "prelu", channels: input.channels)
    var output = input.values
    for c in 0..<input.channels {
      let function = PReLU(weight: slopes[c])
      for i in input.indices(ofChannel: c) { output[i] = body(function, output[i]) }
    }
    return FeatureMap(shapeOf: input, values: output)
  }

  public func forward(_ input: FeatureMap) throws(LayerError) -> FeatureMap {
    try apply(input) { $0.value($1) }
  }

  public func diagonalGradient(_ input: FeatureMap) throws(LayerError) -> FeatureMap {
    try apply(input) { $0.derivative($1) }
  }
}

/// RReLU as a layer (Xu et al., 2015): in training, every element draws its own slope for x ≤ 0
/// uniformly from [lower, upper]; in evaluation, the mean slope (lower + upper)/2.
///
/// ```
/// y        = x for x > 0 (and +0), else aᵢ·x,   aᵢ ~ U[lower, upper]  (training)
/// ∂yᵢ/∂xᵢ  = 1 for x > 0, else aᵢ
/// ```
/// Element i (its index in channel-by-channel, row-by-row order) draws aᵢ = lower + (upper −
/// lower)·u from SplitMix64 seeded with `seed ^ mix(i)`: the same map and seed give the same
/// slopes on every run and machine, and a draw does not depend on the values.
public struct RReLULayer: Layer {
  public var lower: Double
  public var upper: Double
  public var training: Bool
  public var seed: UInt64

  public init(
    lower: Double = 1.0 / 8, upper: Double = 1.0 / 3, training: Bool = true, seed: UInt64 = 0
  ) {
    self.lower = lower
    self.upper = upper
    self.training = training
    self.seed = seed
  }

  /// The slope element `index` uses for x ≤ 0.
  public func slope(atElement index: Int) -> Double {
    guard training else { return RReLU(lower: lower, upper: upper).slope(at: -1) }
    var generator = SplitMix64(seed: seed ^ SplitMix64.mix(UInt64(index)))
    return lower + (upper - lower) * generator.nextUnitInterval()
  }

  public func forward(_ input: FeatureMap) -> FeatureMap {
    guard training else {
      return ElementwiseLayer(RReLU(lower: lower, upper: upper)).forward(input)
    }
    let values = input.values.indices.map { i in
      let x = input.values[i]
      return x.sign == .plus || x.isNaN ? x : slope(atElement: i) * x
    }
    return FeatureMap(shapeOf: input, values: values)
  }

  public func diagonalGradient(_ input: FeatureMap) -> FeatureMap {
    let values = input.values.indices.map { i in
      let x = input.values[i]
      return x > 0 ? 1 : (x.isNaN ? x : slope(atElement: i))
    }
    return FeatureMap(shapeOf: input, values: values)
  }
}
