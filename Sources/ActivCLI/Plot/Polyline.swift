/// Polylines in pixel coordinates: clipped to a box, and thinned to the vertices a drawing needs.
enum Polyline {
  typealias Point = (Double, Double)

  /// How far beyond the box, in pixels, a clipped segment's vertices are kept.
  static let farOut = 1e9

  /// The part of the segment from `start` to `end` inside the box `xs` × `ys` (Liang–Barsky), and
  /// whether it leaves the box before `end`; nil when no part is inside or the segment's extent is
  /// not finite.
  ///
  /// Coordinates further than ``farOut`` pixels beyond the box (a curve near a pole) are first
  /// brought in to that distance: computed from a vertex at 1e22 pixels, the point where the
  /// segment enters the box would be lost to rounding; pulled in, it moves by under 0.01 px.
  static func clipSegment(
    _ start: Point, _ end: Point, xs: ClosedRange<Double>, ys: ClosedRange<Double>
  ) -> (start: Point, end: Point, leaves: Bool)? {
    func pulledIn(_ p: Point) -> Point {
      (
        min(max(p.0, xs.lowerBound - farOut), xs.upperBound + farOut),
        min(max(p.1, ys.lowerBound - farOut), ys.upperBound + farOut)
      )
    }
    let (start, end) = (pulledIn(start), pulledIn(end))
    let (dx, dy) = (end.0 - start.0, end.1 - start.1)
    guard dx.isFinite, dy.isFinite else { return nil }
    var (t0, t1) = (0.0, 1.0)
    let edges = [
      (-dx, start.0 - xs.lowerBound), (dx, xs.upperBound - start.0),
      (-dy, start.1 - ys.lowerBound), (dy, ys.upperBound - start.1),
    ]
    for (p, q) in edges {
      if p == 0 {
        if q < 0 { return nil }
        continue
      }
      let r = q / p
      if p < 0 {
        if r > t1 { return nil }
        t0 = max(t0, r)
      } else {
        if r < t0 { return nil }
        t1 = min(t1, r)
      }
    }
    return (
      (start.0 + t0 * dx, start.1 + t0 * dy), (start.0 + t1 * dx, start.1 + t1 * dy), t1 < 1
    )
  }

  /// The parts of a polyline inside the box, clipping each segment: a part ends where the line
  /// leaves the box, and where a segment cannot be drawn.
  static func clip(_ points: [Point], to box: Viewport) -> [[Point]] {
    let xs = box.left...(box.left + box.width)
    let ys = box.top...(box.top + box.height)
    var lines: [[Point]] = []
    var current: [Point] = []
    func close() {
      if current.count >= 2 { lines.append(current) }
      current = []
    }
    guard points.count >= 2 else { return [] }
    for i in 1..<points.count {
      guard let segment = clipSegment(points[i - 1], points[i], xs: xs, ys: ys) else {
        close()
        continue
      }
      let (start, end) = (segment.start, segment.end)
      if let last = current.last, abs(last.0 - start.0) < 1e-9, abs(last.1 - start.1) < 1e-9 {
        current.append(end)
      } else {
        close()
        current = [start, end]
      }
      if segment.leaves { close() }
    }
    close()
    return lines
  }

  /// Ramer–Douglas–Peucker: the fewest vertices within `tolerance` pixels of the polyline.
  static func simplify(_ points: [Point], tolerance: Double) -> [Point] {
    guard points.count > 2 else { return points }
    var keep = [Bool](repeating: false, count: points.count)
    keep[0] = true
    keep[points.count - 1] = true
    var stack = [(0, points.count - 1)]
    while let (first, last) = stack.popLast() {
      let (x0, y0) = points[first]
      let (x1, y1) = points[last]
      let (dx, dy) = (x1 - x0, y1 - y0)
      let length = (dx * dx + dy * dy).squareRoot()
      var farthest = -1
      var farthestDistance = tolerance
      if last - first > 1 {
        for i in (first + 1)..<last {
          let (x, y) = points[i]
          let distance =
            length > 0
            ? abs(dy * (x - x0) - dx * (y - y0)) / length
            : ((x - x0) * (x - x0) + (y - y0) * (y - y0)).squareRoot()
          if distance > farthestDistance {
            farthest = i
            farthestDistance = distance
          }
        }
      }
      if farthest >= 0 {
        keep[farthest] = true
        stack.append((first, farthest))
        stack.append((farthest, last))
      }
    }
    return points.indices.filter { keep[$0] }.map { points[$0] }
  }
}
