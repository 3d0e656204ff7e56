/// A stack of channels of equal size: the input and output of a ``Layer``, laid out like one
/// image of a PyTorch `N×C×H×W` batch.
///
/// Values are stored channel by channel, each channel row by row, so the element at channel `c`,
/// row `h`, column `w` is `values[(c * height + h) * width + w]`.
public struct FeatureMap: Sendable, Equatable {
  public let channels: Int
  public let height: Int
  public let width: Int
  public var values: [Double]

  /// - Precondition: every size is at least 1 and `values` holds `channels·height·width` numbers.
  public init(channels: Int, height: Int, width: Int, values: [Double]) {
    precondition(channels > 0 && height > 0 && width > 0)
    precondition(values.count == channels * height * width)
    self.channels = channels
    self.height = height
    self.width = width
    self.values = values
  }

  /// A map from nested arrays: channels of rows of columns.
  ///
  /// - Precondition: at least one channel, row and column, and every channel and row the same size.
  public init(_ rows: [[[Double]]]) {
    let height = rows.first?.count ?? 0
    let width = rows.first?.first?.count ?? 0
    precondition(rows.allSatisfy { $0.count == height && $0.allSatisfy { $0.count == width } })
    self.init(
      channels: rows.count, height: height, width: width, values: rows.flatMap { $0.flatMap { $0 } }
    )
  }

  /// A map of the same shape with every value replaced.
  public init(shapeOf other: FeatureMap, values: [Double]) {
    self.init(channels: other.channels, height: other.height, width: other.width, values: values)
  }

  /// The number of values in one channel.
  public var plane: Int { height * width }

  public subscript(channel: Int, row: Int, column: Int) -> Double {
    get { values[(channel * height + row) * width + column] }
    set { values[(channel * height + row) * width + column] = newValue }
  }

  /// Where channel `c` lies in `values`.
  public func indices(ofChannel c: Int) -> Range<Int> { (c * plane)..<((c + 1) * plane) }

  /// The values of one channel, row by row.
  public func channel(_ c: Int) -> ArraySlice<Double> { values[indices(ofChannel: c)] }

  /// The nested-array form: channels of rows of columns.
  public var rows: [[[Double]]] {
    (0..<channels).map { c in
      (0..<height).map { h in
        Array(values[((c * height + h) * width)..<((c * height + h + 1) * width)])
      }
    }
  }
}
