import Activations

/// Samples a curve for drawing: exactly at the catalogue's kinks, adaptively elsewhere, so the
/// straight segments between samples stay within ``Viewport/tolerance`` of the true curve.
enum Sampler {
  /// How often an interval may be halved.
  static let maximumDepth = 14
  /// Initial intervals over the whole x-range (before refinement).
  static let initialIntervals = 64

  /// The curve of `f` over the viewport's x-range as sub-paths in data coordinates.
  ///
  /// The range is cut at the kinks inside it. Each piece is evaluated from its own side of a kink
  /// (at the neighbouring double), so a jump is drawn as two separate pieces with no slanted
  /// connector (relu′ is two flat lines), while a corner of a continuous f joins its two pieces
  /// at the exact kink (relu's corner is sharp). `breakAtEveryKink` treats every kink as a jump
  /// (for f′, which jumps wherever f has a corner). Non-finite values break the path, after
  /// bisecting to the boundary; so do jumps and poles found numerically between samples (an
  /// expression declares no kinks), see ``jumpFreePath(_:from:to:viewport:depth:)``.
  ///
  /// With a `grid` (`plot --points N`: the x values of the `--csv` grid, ascending, from MIN to
  /// MAX) the curve is evaluated there and at the kinks only: no jitter, no refinement.
  static func sample(
    _ f: (Double) -> Double, kinks: [Kink], breakAtEveryKink: Bool, viewport: Viewport,
    grid: [Double]? = nil
  ) -> [[PlotPoint]] {
    let (a, b) = (viewport.xRange.lowerBound, viewport.xRange.upperBound)
    let inside = kinks.filter { $0.x > a && $0.x < b }.sorted { $0.x < $1.x }
    var boundaries: [(x: Double, isBreak: Bool)] = [(a, false)]
    for kink in inside where kink.x > boundaries.last!.x {
      boundaries.append((kink.x, breakAtEveryKink || kink.isJump))
    }
    boundaries.append((b, false))

    var pieces: [[PlotPoint]] = []
    var current: [PlotPoint] = []
    for i in 0..<(boundaries.count - 1) {
      let (left, right) = (boundaries[i], boundaries[i + 1])
      // Endpoints at a kink are evaluated just inside the piece and drawn at the kink itself.
      let leftProbe = i == 0 ? left.x : left.x.nextUp
      let rightProbe = i + 1 == boundaries.count - 1 ? right.x : right.x.nextDown
      var samples =
        grid.map { grid in
          let xs = [left.x] + grid.filter { $0 > left.x && $0 < right.x } + [right.x]
          return xs.indices.map { i in
            PlotPoint(
              x: xs[i], y: f(i == 0 ? leftProbe : i == xs.count - 1 ? rightProbe : xs[i]))
          }
        }
        ?? samplePiece(
          f, from: left.x, leftProbe, to: right.x, rightProbe, span: b - a, viewport: viewport)
      if left.isBreak || current.isEmpty {
        if !current.isEmpty { pieces.append(current) }
        current = []
      } else if let last = current.last, let first = samples.first, last.x == first.x {
        samples.removeFirst()
      }
      for point in samples {
        if point.y.isFinite {
          guard let last = current.last else {
            current.append(point)
            continue
          }
          // Between two finite samples the curve may still jump or blow up: break it there.
          for next in jumpFreePath(f, from: last, to: point, viewport: viewport, depth: 0) {
            if let next {
              current.append(next)
            } else {
              pieces.append(current)
              current = []
            }
          }
        } else if !current.isEmpty {
          pieces.append(current)
          current = []
        }
      }
    }
    if !current.isEmpty { pieces.append(current) }
    return pieces.filter { $0.count >= 2 || pieces.count == 1 }
  }

  // MARK: Jumps and poles

  /// How far apart, in pixels, two neighbouring samples must be to be examined for a jump.
  static let jumpCandidateGap = 1.0
  /// How far apart, in pixels, the two sides of a located jump must still be for it to count.
  static let jumpGap = 0.5
  /// How often the interval around a suspected jump is halved.
  static let jumpBisections = 64

  /// The points after `start` up to `end` (included), with `nil` wherever the path must break.
  ///
  /// Adaptive refinement alone draws a jump (`floor`, `sign`) as a steep riser and a pole (`1/x`)
  /// as a full-height line. So where two neighbouring samples are more than
  /// ``jumpCandidateGap`` pixels apart, ``locateJump(_:from:to:gap:)`` halves the interval towards
  /// the larger change: a continuous curve, however steep (sigmoid(1000x)), shrinks the change
  /// towards nothing, while a jump keeps it and a pole grows it. A change still more than
  /// ``jumpGap`` pixels at the end is a discontinuity: the path ends on its left side and starts
  /// again on its right, and the pieces either side are examined again (for further jumps).
  static func jumpFreePath(
    _ f: (Double) -> Double, from start: PlotPoint, to end: PlotPoint, viewport: Viewport,
    depth: Int
  ) -> [PlotPoint?] {
    let gap = { (a: Double, b: Double) -> Double in
      let d = abs(viewport.py(a) - viewport.py(b))
      return d.isNaN ? .infinity : d
    }
    guard depth < 32, gap(start.y, end.y) > jumpCandidateGap,
      let (left, right) = locateJump(f, from: start, to: end, gap: gap),
      gap(left.y, right.y) > jumpGap
    else { return [end] }
    var path: [PlotPoint?] = []
    if left.x > start.x {
      path += jumpFreePath(f, from: start, to: left, viewport: viewport, depth: depth + 1)
    }
    path.append(nil)
    path.append(right)
    if right.x < end.x {
      path += jumpFreePath(f, from: right, to: end, viewport: viewport, depth: depth + 1)
    }
    return path
  }

  /// The narrowest interval around the largest change of `f` between `start` and `end`, found by
  /// halving towards the half that changes more (``jumpBisections`` times at most, and no
  /// further than adjacent doubles); nil when the change falls under a fifth of ``jumpGap`` on
  /// the way (a continuous curve). A non-finite value inside ends the search there: the curve
  /// breaks around it.
  static func locateJump(
    _ f: (Double) -> Double, from start: PlotPoint, to end: PlotPoint,
    gap: (Double, Double) -> Double
  ) -> (PlotPoint, PlotPoint)? {
    var (left, right) = (start, end)
    for _ in 0..<jumpBisections {
      let middleX = (left.x + right.x) / 2
      guard middleX > left.x && middleX < right.x else { break }
      let middle = PlotPoint(x: middleX, y: f(middleX))
      guard middle.y.isFinite else { break }
      if gap(left.y, middle.y) >= gap(middle.y, right.y) {
        right = middle
      } else {
        left = middle
      }
      if gap(left.y, right.y) < jumpGap / 5 { return nil }
    }
    return (left, right)
  }

  /// Samples one kink-free piece: a jittered initial grid, then halving where the midpoint is off
  /// the chord by more than the tolerance. Non-finite samples are kept (they mark breaks).
  private static func samplePiece(
    _ f: (Double) -> Double, from left: Double, _ leftProbe: Double, to right: Double,
    _ rightProbe: Double,
    span: Double, viewport: Viewport
  ) -> [PlotPoint] {
    let count = max(2, Int((Double(initialIntervals) * (right - left) / span).rounded(.up)))
    var xs = [left]
    for i in 1..<count {
      // A fixed, irregular jitter (golden-ratio sequence) avoids aliasing with periodic detail and
      // keeps the output the same on every run.
      let jitter =
        ((Double(i) * 0.618_033_988_749_895).truncatingRemainder(dividingBy: 1) - 0.5) * 0.3
      xs.append(left + (right - left) * (Double(i) + jitter) / Double(count))
    }
    xs.append(right)
    var points = [PlotPoint(x: left, y: f(leftProbe))]
    for i in 1..<xs.count {
      let end = PlotPoint(x: xs[i], y: f(i == xs.count - 1 ? rightProbe : xs[i]))
      refine(
        f, from: points[points.count - 1], to: end, depth: 0, viewport: viewport, into: &points)
      points.append(end)
    }
    return points
  }

  /// Appends the samples strictly between `start` and `end` that the curve needs.
  private static func refine(
    _ f: (Double) -> Double, from start: PlotPoint, to end: PlotPoint, depth: Int,
    viewport: Viewport,
    into points: inout [PlotPoint]
  ) {
    guard depth < maximumDepth else { return }
    let middleX = (start.x + end.x) / 2
    guard middleX > start.x && middleX < end.x else { return }
    let middle = PlotPoint(x: middleX, y: f(middleX))
    if needsSplit(start, middle, end, viewport: viewport) {
      refine(f, from: start, to: middle, depth: depth + 1, viewport: viewport, into: &points)
      points.append(middle)
      refine(f, from: middle, to: end, depth: depth + 1, viewport: viewport, into: &points)
    }
  }

  /// Whether the chord from `start` to `end` misses the curve's `middle` by more than the
  /// tolerance (in pixels), or a non-finite value needs locating.
  private static func needsSplit(
    _ start: PlotPoint, _ middle: PlotPoint, _ end: PlotPoint, viewport: Viewport
  ) -> Bool {
    let finite = [start.y, middle.y, end.y].map(\.isFinite)
    if finite.contains(false) { return finite.contains(true) }
    // All three above the box, or all below: nothing there is drawn.
    let (low, high) = (viewport.yRange.lowerBound, viewport.yRange.upperBound)
    if (start.y > high && middle.y > high && end.y > high)
      || (start.y < low && middle.y < low && end.y < low)
    {
      return false
    }
    func pixel(_ p: PlotPoint) -> (Double, Double) {
      (viewport.px(p.x), max(-1e7, min(1e7, viewport.py(p.y))))
    }
    let (x0, y0) = pixel(start)
    let (x1, y1) = pixel(end)
    let (xm, ym) = pixel(middle)
    let (dx, dy) = (x1 - x0, y1 - y0)
    let length = (dx * dx + dy * dy).squareRoot()
    guard length > 0 else { return false }
    let distance = abs(dy * (xm - x0) - dx * (ym - y0)) / length
    return distance > Viewport.tolerance
  }
}
