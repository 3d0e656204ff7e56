/// An activation applied as a layer: to a whole ``FeatureMap`` at once, so it may look at
/// neighbouring pixels (FReLU), at every channel (Maxout, Meta-ACON) or at an element's position
/// (PReLU's per-channel slopes, RReLU's per-element draws).
public protocol Layer: Sendable {
  /// y = layer(x).
  func forward(_ input: FeatureMap) throws(LayerError) -> FeatureMap

  /// The diagonal of the Jacobian, ∂yᵢ/∂xᵢ: how each output moves with its own input, every
  /// path included (FReLU's condition through its kernel's centre tap, Meta-ACON's β through the
  /// mean it is generated from). A layer whose output has another shape says in its doc comment
  /// what it writes instead.
  func diagonalGradient(_ input: FeatureMap) throws(LayerError) -> FeatureMap
}

/// A function of one number applied to every element: a catalogue function or an expression.
public struct ElementwiseLayer: Layer {
  public let function: any Activation

  public init(_ function: any Activation) {
    self.function = function
  }

  public func forward(_ input: FeatureMap) -> FeatureMap {
    FeatureMap(shapeOf: input, values: input.values.map(function.value))
  }

  public func diagonalGradient(_ input: FeatureMap) -> FeatureMap {
    FeatureMap(shapeOf: input, values: input.values.map(function.derivative))
  }
}

/// Why a layer cannot be applied to a map: its parameters do not fit the map's shape.
public enum LayerError: Error, Equatable, Sendable {
  /// A per-channel parameter whose count is neither 1 (shared) nor the number of channels
  /// (times the values one channel takes: 9 for a 3×3 kernel).
  case perChannelCount(function: String, parameter: String, given: Int, channels: Int, unit: Int)
  /// A weight matrix or bias vector of the wrong size.
  case matrixSize(
    function: String, parameter: String, given: Int, rows: Int, columns: Int, design: String)
  /// Maxout's group size does not divide the number of channels.
  case channelsNotDivisible(function: String, channels: Int, groupSize: Int)
}

extension LayerError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .perChannelCount(let function, let parameter, let given, let channels, let unit):
      let per = unit == 1 ? "one per channel" : "\(unit) per channel"
      let choices =
        channels == 1
        ? "give \(unit)" : "give \(unit) (shared by every channel) or \(unit * channels) (\(per))"
      return
        "\(function): \(parameter) has \(given) value\(given == 1 ? "" : "s") but the input has "
        + "\(channels) channel\(channels == 1 ? "" : "s"); " + choices
    case .matrixSize(let function, let parameter, let given, let rows, let columns, let design):
      let shape = columns == 1 ? "\(rows) values" : "a \(rows)×\(columns) matrix, row by row"
      return
        "\(function): \(parameter) has \(given) value\(given == 1 ? "" : "s") but \(design) needs "
        + "\(shape): give \(rows * columns) values, or 1 for every entry"
    case .channelsNotDivisible(let function, let channels, let groupSize):
      return
        "\(function): the input has \(channels) channel\(channels == 1 ? "" : "s"), which is not "
        + "a multiple of k=\(groupSize); give a k that divides \(channels), or \(groupSize)·n channels"
    }
  }
}

/// A per-channel parameter spread over `channels`: one shared value, or `unit` values per channel.
/// Returns `channels·unit` values.
func perChannel(
  _ values: [Double], _ parameter: String, of function: String, channels: Int, unit: Int = 1
) throws(LayerError) -> [Double] {
  if values.count == unit {
    return (0..<channels).flatMap { _ in values }
  }
  guard values.count == unit * channels else {
    throw .perChannelCount(
      function: function, parameter: parameter, given: values.count, channels: channels,
      unit: unit)
  }
  return values
}
