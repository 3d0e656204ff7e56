/// Meta-ACON as a layer (Ma et al., CVPR 2021): ACON-C whose switching factor β is generated from
/// the input, per layer, per channel or per pixel.
///
/// ```
/// y          = (p1 - p2)·x·σ(β·(p1 - p2)·x) + p2·x            p1, p2 per channel or shared
/// pixel:     β = σ(x)                                           for each element
/// channel:   β_c = σ(W2·(W1·m + b1) + b2)_c,  m_c = mean of channel c over H×W
/// layer:     β = σ(W2·(W1·M + b1) + b2),      M = mean of the whole map (one input)
/// ∂yᵢ/∂xᵢ    = ACON-C′(x) + dpx²·σ′(β·dpx)·∂β/∂xᵢ,  dpx = (p1 - p2)·x,
///              ∂β_c/∂xᵢ = σ′(z_c)·(W2·W1)_cc / (H·W)    (layer: / (C·H·W); pixel: σ′(x))
/// ```
/// W1 and W2 are the article's two 1×1 convolutions `fc1` and `fc2` with biases and no
/// BatchNorm: with n inputs (C for the channel design, 1 for the layer design) the hidden width
/// is max(r, n / r) in integer division (`max(r, c1 // r)`), W1 is hidden×n and W2 n×hidden, both
/// given row by row. Defaults: every entry of W1 is 1/n and of W2 1/hidden, biases 0, so by
/// default β = σ(mean of the whole map) in both designs; give trained weights for anything else.
public struct MetaACONLayer: Layer {
  /// How β is generated.
  public enum Design: String, Sendable, CaseIterable {
    case layer
    case channel
    case pixel
  }

  public var p1: [Double]
  public var p2: [Double]
  public var design: Design
  public var reduction: Int
  /// nil for the default (see the type's comment).
  public var w1: [Double]?
  public var b1: [Double]?
  public var w2: [Double]?
  public var b2: [Double]?

  /// - Precondition: `reduction >= 1`.
  public init(
    p1: [Double] = [1], p2: [Double] = [0], design: Design = .channel, reduction: Int = 16,
    w1: [Double]? = nil, b1: [Double]? = nil, w2: [Double]? = nil, b2: [Double]? = nil
  ) {
    precondition(reduction >= 1)
    self.p1 = p1
    self.p2 = p2
    self.design = design
    self.reduction = reduction
    self.w1 = w1
    self.b1 = b1
    self.w2 = w2
    self.b2 = b2
  }

  /// The network's input count and hidden width for a map of `channels` channels.
  public func networkShape(channels: Int) -> (inputs: Int, hidden: Int) {
    let inputs = design == .channel ? channels : 1
    return (inputs, max(reduction, inputs / reduction))
  }

  /// β for each channel (the channel design) or the one β of the layer design; nil for the pixel
  /// design, whose β is per element.
  public func switchingFactors(_ input: FeatureMap) throws(LayerError) -> [Double]? {
    try generated(input)?.beta
  }

  /// β, and its derivative with respect to one input element, per network output.
  private func generated(_ input: FeatureMap) throws(LayerError) -> (
    beta: [Double], slope: [Double]
  )? {
    guard design != .pixel else { return nil }
    let (n, hidden) = networkShape(channels: input.channels)
    let designName = "design=\(design.rawValue) with \(n) input\(n == 1 ? "" : "s")"
    func sized(_ given: [Double]?, _ name: String, rows: Int, columns: Int, default value: Double)
      throws(LayerError) -> Weights
    {
      guard let given else { return .uniform(value) }
      if given.count == 1 { return .uniform(given[0]) }
      guard given.count == rows * columns else {
        throw .matrixSize(
          function: "meta_acon", parameter: name, given: given.count, rows: rows,
          columns: columns, design: designName)
      }
      return .full(given)
    }
    // A matrix given as one value (or the default) is never expanded to hidden×n entries, and
    // rows that come out the same are computed once: hidden×n grows with the square of the
    // channel count (and with r), so `meta_acon(r=1048576)` on a map of 1000 channels would
    // otherwise allocate 8 GB. Each sum is still formed in the same order, bit for bit.
    let w1 = try sized(w1, "w1", rows: hidden, columns: n, default: 1 / Double(n))
    let b1 = try sized(b1, "b1", rows: hidden, columns: 1, default: 0)
    let w2 = try sized(w2, "w2", rows: n, columns: hidden, default: 1 / Double(hidden))
    let b2 = try sized(b2, "b2", rows: n, columns: 1, default: 0)
    let means: [Double]
    let elementsPerMean: Int
    if design == .channel {
      means = (0..<input.channels).map { input.channel($0).reduce(0, +) / Double(input.plane) }
      elementsPerMean = input.plane
    } else {
      means = [input.values.reduce(0, +) / Double(input.values.count)]
      elementsPerMean = input.values.count
    }
    func activation(_ j: Int) -> Double {
      (0..<n).reduce(b1[j]) { sum, c in sum + w1[j * n + c] * means[c] }
    }
    let sameActivations = w1.isUniform && b1.isUniform
    let activations =
      sameActivations
      ? Array(repeating: activation(0), count: hidden) : (0..<hidden).map(activation)
    let sameZ = sameActivations && w2.isUniform && b2.isUniform
    let sameDiagonal = w1.isUniform && w2.isUniform
    var beta: [Double] = []
    var slope: [Double] = []
    var first: (z: Double, diagonal: Double)?
    for c in 0..<n {
      let z =
        sameZ && first != nil
        ? first!.z
        : (0..<hidden).reduce(b2[c]) { sum, j in sum + w2[c * hidden + j] * activations[j] }
      let diagonal =
        sameDiagonal && first != nil
        ? first!.diagonal
        : (0..<hidden).reduce(0.0) { sum, j in sum + w2[c * hidden + j] * w1[j * n + c] }
      if first == nil { first = (z, diagonal) }
      beta.append(Sigmoid().value(z))
      slope.append(Sigmoid().derivative(z) * diagonal / Double(elementsPerMean))
    }
    return (beta, slope)
  }

  public func forward(_ input: FeatureMap) throws(LayerError) -> FeatureMap {
    try map(input) { function, _, x in function.value(x) }
  }

  public func diagonalGradient(_ input: FeatureMap) throws(LayerError) -> FeatureMap {
    try map(input) { function, gate, x in
      let direct = function.derivative(x)
      // y depends on β through σ(β·dpx): ∂y/∂β = dpx²·σ′(β·dpx). Where β does not move
      // (σ′(z) underflowed, or x is infinite and the factor's limit is 0) the path adds nothing.
      guard let gate, gate.slope != 0, x.isFinite else { return direct }
      let dpx = gate.difference * x
      return direct + dpx * dpx * Sigmoid().derivative(gate.beta * dpx) * gate.slope
    }
  }

  /// A network design's β for one channel: p1 − p2, β and ∂β/∂xᵢ.
  private typealias Gate = (difference: Double, beta: Double, slope: Double)

  /// Applies each element's ACON-C (or the pixel design's Meta-ACON) with its channel's p1, p2,
  /// handing `body` the channel's generated β too (nil for the pixel design).
  private func map(_ input: FeatureMap, _ body: (any Activation, Gate?, Double) -> Double)
    throws(LayerError) -> FeatureMap
  {
    let p1 = try perChannel(self.p1, "p1", of: "meta_acon", channels: input.channels)
    let p2 = try perChannel(self.p2, "p2", of: "meta_acon", channels: input.channels)
    let network = try generated(input)
    var output = input.values
    for c in 0..<input.channels {
      let function: any Activation
      var gate: Gate? = nil
      if let network {
        let k = design == .channel ? c : 0
        function = AconC(p1: p1[c], p2: p2[c], beta: network.beta[k])
        gate = (p1[c] - p2[c], network.beta[k], network.slope[k])
      } else {
        function = MetaAcon(p1: p1[c], p2: p2[c])
      }
      for i in input.indices(ofChannel: c) {
        output[i] = body(function, gate, output[i])
      }
    }
    return FeatureMap(shapeOf: input, values: output)
  }
}

/// A weight matrix or bias vector of the β network: one value for every entry, or all entries.
private enum Weights {
  case uniform(Double)
  case full([Double])

  var isUniform: Bool {
    if case .uniform = self { return true }
    return false
  }

  subscript(index: Int) -> Double {
    switch self {
    case .uniform(let value): return value
    case .full(let values): return values[index]
    }
  }
}
