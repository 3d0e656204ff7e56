/// The plot area as dots: curve dots and axis marks per cell, and which curve set a dot last.
struct TerminalCanvas {
  let width: Int
  let height: Int
  let dotsPerCell: (x: Int, y: Int)
  /// Braille dot bits of the curves, per cell.
  var bits: [UInt8]
  /// Braille dot bits of the x = 0 and y = 0 lines, per cell; in ASCII 1 for y = 0 (`-`), 2 for
  /// x = 0 (`|`), 3 where they cross (`+`).
  var axis: [UInt8]
  /// The index of the last curve that set a dot in the cell, or −1.
  var owner: [Int]
  /// Every curve that set a dot in the cell.
  var touched: [[Int]]
  /// Key letters on the canvas: the cell and the curve whose key it shows.
  var keys: [Int: Int] = [:]

  init(width: Int, height: Int, dotsPerCell: (x: Int, y: Int)) {
    self.width = width
    self.height = height
    self.dotsPerCell = dotsPerCell
    bits = Array(repeating: 0, count: width * height)
    axis = bits
    owner = Array(repeating: -1, count: width * height)
    touched = Array(repeating: [], count: width * height)
  }

  var dotsWide: Int { width * dotsPerCell.x }
  var dotsHigh: Int { height * dotsPerCell.y }

  /// The braille bit of dot (column, row) inside its cell.
  /// Dots 1–3 run down the left column (bits 0–2), 4–6 down the right (bits 3–5), and the bottom
  /// row is dots 7 and 8 (bits 6 and 7).
  static func bit(_ x: Int, _ y: Int) -> UInt8 {
    y < 3 ? 1 << (y + 3 * x) : 0x40 << x
  }

  /// y = 0 along `row` and x = 0 along `column`: dotted braille (every other dot), or whole ASCII
  /// cells.
  mutating func drawAxes(row: Int?, column: Int?, dotted: Bool) {
    if let row {
      for x in 0..<dotsWide where !dotted || x % 2 == 0 {
        mark(x, row, dotted ? nil : 1)
      }
    }
    if let column {
      for y in 0..<dotsHigh where !dotted || y % 2 == 0 {
        mark(column, y, dotted ? nil : 2)
      }
    }
  }

  private mutating func mark(_ x: Int, _ y: Int, _ flag: UInt8?) {
    let index = (y / dotsPerCell.y) * width + x / dotsPerCell.x
    if let flag {
      axis[index] |= flag
    } else {
      axis[index] |= Self.bit(x % dotsPerCell.x, y % dotsPerCell.y)
    }
  }

  /// Sets the dot (x, y) for curve `owner`.
  mutating func set(_ x: Int, _ y: Int, owner: Int) {
    let index = (y / dotsPerCell.y) * width + x / dotsPerCell.x
    if dotsPerCell.x > 1 {
      bits[index] |= Self.bit(x % dotsPerCell.x, y % dotsPerCell.y)
    }
    self.owner[index] = owner
    if !touched[index].contains(owner) { touched[index].append(owner) }
  }

  /// Joins consecutive points by straight runs of dots (Bresenham), clipped to the dot grid.
  /// With a `pattern` the dots along the piece are drawn `on`, left out `off`, and so on, counting
  /// each dot once however densely the piece was sampled.
  mutating func draw(
    _ points: [PlotPoint], owner: Int, pattern: (on: Int, off: Int)?, viewport: Viewport
  ) {
    var last: (x: Int, y: Int)? = nil
    var step = 0
    func plot(_ x: Int, _ y: Int, _ canvas: inout TerminalCanvas) {
      if let last, last == (x, y) { return }
      last = (x, y)
      defer { step += 1 }
      if let pattern, step % (pattern.on + pattern.off) >= pattern.on {
        return
      }
      canvas.set(x, y, owner: owner)
    }
    func position(_ p: PlotPoint) -> (Double, Double)? {
      guard p.x.isFinite, p.y.isFinite else { return nil }
      let clamp = { (v: Double) in max(-1e7, min(1e7, v)) }
      return (clamp(viewport.px(p.x)), clamp(viewport.py(p.y)))
    }
    let bounds = (
      x: -0.5...(Double(dotsWide) - 0.5), y: -0.5...(Double(dotsHigh) - 0.5)
    )
    if points.count == 1, let (x, y) = position(points[0]),
      bounds.x.contains(x), bounds.y.contains(y)
    {
      let (column, row) = rounded(x, y)
      plot(column, row, &self)
      return
    }
    for (a, b) in zip(points, points.dropFirst()) {
      guard let start = position(a), let end = position(b),
        let clipped = Polyline.clipSegment(start, end, xs: bounds.x, ys: bounds.y)
      else { continue }
      let (x0, y0) = rounded(clipped.start.0, clipped.start.1)
      let (x1, y1) = rounded(clipped.end.0, clipped.end.1)
      Self.line(x0, y0, x1, y1) { x, y in plot(x, y, &self) }
    }
  }

  /// One key cell for each of the curves `0..<curves` that set a dot: a cell the curve set a dot
  /// in, best where no other curve comes into it or the cells around it (so the key clearly marks
  /// that curve), else where the curve is drawn last, else any; among those the one nearest to
  /// the curve's own column (the curves' columns spread evenly over the width, so the keys do not
  /// crowd), and never next to another key. Curves with the fewest cells choose first.
  mutating func placeKeys(curves: Int) {
    var cellsOf = [[Int]](repeating: [], count: curves)
    for (index, list) in touched.enumerated() {
      for curve in list where curve < curves { cellsOf[curve].append(index) }
    }
    let choosers = (0..<curves).sorted {
      (cellsOf[$0].count, $0) < (cellsOf[$1].count, $1)
    }
    keys = [:]
    for curve in choosers {
      let target = Double(width) * (Double(curve) + 0.5) / Double(curves)
      var best: (score: (Int, Double, Int), cell: Int)? = nil
      for index in cellsOf[curve] {
        let (row, column) = (index / width, index % width)
        let crowded = keys.keys.contains {
          abs($0 / width - row) <= 1 && abs($0 % width - column) <= 2
        }
        if crowded { continue }
        var alone = true
        for r in max(0, row - 1)...min(height - 1, row + 1) {
          for c in max(0, column - 1)...min(width - 1, column + 1)
          where touched[r * width + c].contains(where: { $0 != curve }) {
            alone = false
          }
        }
        let rank = alone ? 0 : (owner[index] == curve ? 1 : 2)
        let score = (rank, abs(Double(column) + 0.5 - target), index)
        if best == nil || score < best!.score { best = (score, index) }
      }
      if let best { keys[best.cell] = curve }
    }
  }

  /// The dot of a position in the grid, clamped into it.
  private func rounded(_ x: Double, _ y: Double) -> (Int, Int) {
    (
      max(0, min(dotsWide - 1, Int(x.rounded()))), max(0, min(dotsHigh - 1, Int(y.rounded())))
    )
  }

  /// The dots of the line from (x0, y0) to (x1, y1), both ends included (Bresenham).
  static func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ body: (Int, Int) -> Void) {
    let (dx, dy) = (abs(x1 - x0), -abs(y1 - y0))
    let (sx, sy) = (x0 < x1 ? 1 : -1, y0 < y1 ? 1 : -1)
    var (x, y) = (x0, y0)
    var error = dx + dy
    while true {
      body(x, y)
      if x == x1 && y == y1 { return }
      let twice = 2 * error
      if twice >= dy {
        error += dy
        x += sx
      }
      if twice <= dx {
        error += dx
        y += sy
      }
    }
  }
}
