/// FReLU as the layer of Ma et al. (ECCV 2020): each pixel is compared with a condition computed
/// from its 3×3 neighbourhood.
///
/// ```
/// T(x)      = gamma·(conv3x3(x) - mean)/sqrt(var + eps) + beta   (depthwise, zero padding 1,
///                                                                BatchNorm in inference form)
/// y         = max(x, T(x))
/// ∂yᵢ/∂xᵢ   = 1 where x > T, s where x < T, (1 + s)/2 at a tie (torch.maximum splits the
///             gradient), s = kernel centre·gamma/sqrt(var + eps): the path through T's centre tap
/// ```
/// The convolution is a cross-correlation as in PyTorch's `Conv2d`: kernel entry (i, j), row by
/// row, weighs the pixel at offset (i − 1, j − 1). Each channel has its own kernel and BatchNorm
/// when 9·C kernel values and C of each BatchNorm value are given; one of each is shared (and a
/// single kernel value fills all 9 entries).
/// The default kernel is the 3×3 mean (every entry 1/9), so by default T is the neighbourhood's
/// average and a pixel below it is lifted to it. NaN anywhere in a neighbourhood propagates.
public struct FReLULayer: Layer {
  public var kernel: [Double]
  public var gamma: [Double]
  public var beta: [Double]
  public var mean: [Double]
  public var variance: [Double]
  public var epsilon: [Double]

  public init(
    kernel: [Double] = Array(repeating: 1.0 / 9, count: 9), gamma: [Double] = [1],
    beta: [Double] = [0], mean: [Double] = [0], variance: [Double] = [1],
    epsilon: [Double] = [1e-5]
  ) {
    self.kernel = kernel
    self.gamma = gamma
    self.beta = beta
    self.mean = mean
    self.variance = variance
    self.epsilon = epsilon
  }

  /// Every channel's kernel and BatchNorm, checked against the map.
  private struct Resolved {
    var kernel: [Double]
    var gamma: [Double]
    var beta: [Double]
    var mean: [Double]
    var inverseDeviation: [Double]
  }

  private func resolve(channels: Int) throws(LayerError) -> Resolved {
    let kernels = try perChannel(
      kernel.count == 1 ? Array(repeating: kernel[0], count: 9) : kernel, "kernel", of: "frelu",
      channels: channels, unit: 9)
    let variances = try perChannel(variance, "var", of: "frelu", channels: channels)
    let epsilons = try perChannel(epsilon, "eps", of: "frelu", channels: channels)
    return Resolved(
      kernel: kernels,
      gamma: try perChannel(gamma, "gamma", of: "frelu", channels: channels),
      beta: try perChannel(beta, "beta", of: "frelu", channels: channels),
      mean: try perChannel(mean, "mean", of: "frelu", channels: channels),
      inverseDeviation: (0..<channels).map { 1 / (variances[$0] + epsilons[$0]).squareRoot() })
  }

  /// T(x) for every element.
  public func condition(_ input: FeatureMap) throws(LayerError) -> FeatureMap {
    let p = try resolve(channels: input.channels)
    var t = input
    for c in 0..<input.channels {
      for h in 0..<input.height {
        for w in 0..<input.width {
          var sum = 0.0
          for i in 0..<3 {
            let row = h + i - 1
            guard row >= 0 && row < input.height else { continue }
            for j in 0..<3 {
              let column = w + j - 1
              guard column >= 0 && column < input.width else { continue }
              sum += p.kernel[c * 9 + i * 3 + j] * input[c, row, column]
            }
          }
          t[c, h, w] = (sum - p.mean[c]) * p.inverseDeviation[c] * p.gamma[c] + p.beta[c]
        }
      }
    }
    return t
  }

  public func forward(_ input: FeatureMap) throws(LayerError) -> FeatureMap {
    let t = try condition(input)
    return FeatureMap(
      shapeOf: input,
      values: zip(input.values, t.values).map { x, t in
        x.isNaN || t.isNaN ? .nan : (x >= t ? x : t)
      })
  }

  public func diagonalGradient(_ input: FeatureMap) throws(LayerError) -> FeatureMap {
    let p = try resolve(channels: input.channels)
    let t = try condition(input)
    var gradient = input.values
    for c in 0..<input.channels {
      let centre = p.kernel[c * 9 + 4] * p.inverseDeviation[c] * p.gamma[c]
      for i in input.indices(ofChannel: c) {
        let (x, ti) = (input.values[i], t.values[i])
        if x > ti {
          gradient[i] = 1
        } else if x < ti {
          gradient[i] = centre
        } else {
          gradient[i] = x.isNaN || ti.isNaN ? .nan : (1 + centre) / 2
        }
      }
    }
    return FeatureMap(shapeOf: input, values: gradient)
  }
}
