import Activations

/// A point of a curve in data coordinates.
struct PlotPoint: Equatable, Sendable {
  var x: Double
  var y: Double
}

/// One curve to draw: a function or one of its derivatives, as sub-paths in data coordinates
/// (a new sub-path starts at every jump and wherever the function is not finite).
struct PlotSeries: Sendable {
  /// The legend text: `gelu`, `gelu′`.
  var label: String
  /// 0 for f, 1 for f′: decides the dash style.
  var order: Int
  /// Which function of the plot this curve belongs to: decides the colour.
  var functionIndex: Int
  var pieces: [[PlotPoint]]
}

/// Maps data coordinates to pixels (or braille dots) for a plot box.
struct Viewport: Sendable {
  var xRange: ClosedRange<Double>
  var yRange: ClosedRange<Double>
  /// The plot box in pixels: left, top, width, height; y grows downwards.
  var left: Double
  var top: Double
  var width: Double
  var height: Double

  func px(_ x: Double) -> Double {
    left + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * width
  }
  func py(_ y: Double) -> Double {
    top + (yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound) * height
  }
}

/// Everything a renderer needs: the ranges, the curves and the words.
struct PlotModel: Sendable {
  var xRange: ClosedRange<Double>
  var yRange: ClosedRange<Double>
  var series: [PlotSeries]
  var title: String?
  /// The labels of the functions, in order (for descriptions).
  var functionLabels: [String]
}
