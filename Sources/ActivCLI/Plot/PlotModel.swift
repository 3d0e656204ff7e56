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

  /// How far, in pixels, a drawn line may stray from the true curve: the sampler refines to it,
  /// the SVG's simplification keeps to it.
  static let tolerance = 0.1

  func px(_ x: Double) -> Double {
    left + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * width
  }
  func py(_ y: Double) -> Double {
    top + (yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound) * height
  }
}

/// Where a renderer puts things, laid out from the ranges before anything is sampled: at least the
/// viewport the curves are sampled for.
protocol PlotFrame: Sendable {
  var viewport: Viewport { get }
}

/// The SVG's frame is its plot box.
extension Viewport: PlotFrame {
  var viewport: Viewport { self }
}

/// Everything a renderer draws, made once by the command: the frame the renderer laid out, the
/// curves sampled for that frame's viewport, and the words. A renderer reads it and nothing else.
struct PlotModel<Frame: PlotFrame>: Sendable {
  var frame: Frame
  var series: [PlotSeries]
  var title: String?
  /// The axis titles (`--xlabel`, `--ylabel`); nil draws the renderer's default.
  var xLabel: String? = nil
  var yLabel: String? = nil
  /// The labels of the functions, in order (for descriptions).
  var functionLabels: [String]

  var xRange: ClosedRange<Double> { frame.viewport.xRange }
  var yRange: ClosedRange<Double> { frame.viewport.yRange }
}

extension PlotModel {
  /// The model of `functions` in `frame`: for each function in turn its curves of the derivative
  /// `orders` (0 = f, 1 = f′, 2 = f″), sampled for the frame's viewport. f breaks only at jumps;
  /// its derivatives break at every kink, where they jump. A `grid` (`--points`) gives the x values
  /// to draw through instead of adaptive sampling.
  init(
    sampling functions: [NamedFunction], orders: [Int], in frame: Frame, title: String?,
    grid: [Double]? = nil
  ) {
    var series: [PlotSeries] = []
    for (index, function) in functions.enumerated() {
      for order in orders {
        let pieces = Sampler.sample(
          { function.evaluate($0, order: order) }, kinks: function.kinks,
          breakAtEveryKink: order > 0, viewport: frame.viewport, grid: grid)
        series.append(
          PlotSeries(
            label: function.legendName(order: order), order: order, functionIndex: index,
            pieces: pieces))
      }
    }
    self.init(
      frame: frame, series: series, title: title, functionLabels: functions.map(\.label))
  }
}
