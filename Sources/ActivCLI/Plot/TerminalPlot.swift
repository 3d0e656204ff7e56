import Activations

/// When to colour terminal output (`--color`).
enum ColorMode: String, CaseIterable, Sendable {
  case auto
  case always
  case never
}

/// A plot drawn as text for a terminal: Unicode braille (2×4 dots per character cell) or plain
/// ASCII (one mark per cell), optionally in ANSI colour.
///
/// Anatomy, top to bottom: the title (if any); the plot area with the y labels (MAX, MIN and 0
/// when it is in range) in a gutter on the left and an open frame (left and bottom); the x labels
/// (MIN at the left, MAX at the right, 0 under the x = 0 line); the legend. The lines x = 0 and
/// y = 0 are drawn lightly (dotted braille, or `|`, `-` and `+` in ASCII) when they are in range.
/// Each curve joins consecutive points of each sub-path by straight runs of dots, clipped to the
/// plot area; f is solid, f′ dashed (in ASCII f is `*` and f′ `.`, other marks for the 2nd…6th
/// function), so curves stay apart without colour. Colour is per function (Okabe–Ito in ANSI
/// 256-colour approximations); a cell holds one colour (and in ASCII one mark), that of the last
/// curve that set a dot in it: derivatives are drawn first, then the functions, each in the
/// model's order.
///
/// Every line ends in a newline and has no trailing spaces, no line is wider than `columns`
/// cells, and without `color` there are no escape codes. The same input gives the same text.
struct TerminalPlot {
  /// The total width in character cells (clamped to `minimumColumns...maximumColumns`).
  var columns = 80
  /// Whether to colour the curves with ANSI escape codes.
  var color = false
  /// Whether to draw with ASCII marks instead of braille and box-drawing characters.
  var ascii = false
  /// The rows of the plot area; nil for a third of the width, at least `minimumRows`.
  var rows: Int? = nil

  static let minimumColumns = 20
  static let maximumColumns = 1000
  static let minimumRows = 8
  static let defaultColumns = 80

  /// Okabe–Ito blue, vermillion, bluish green, reddish purple, orange and sky blue as the nearest
  /// colours of the ANSI 256-colour cube, one per function.
  static let palette = [25, 166, 36, 175, 178, 74]
  /// The ANSI 256-colour grey of the x = 0 and y = 0 lines.
  static let axisColor = 244
  /// ASCII marks of f and f′ per function (the 7th function reuses the 1st's).
  static let asciiMarks: [(f: Character, derivative: Character)] = [
    ("*", "."), ("o", ":"), ("x", "~"), ("#", ","), ("%", ";"), ("@", "'"),
  ]
  /// An ASCII cell of the x = 0 and y = 0 lines by its axis flags: none, y = 0, x = 0, both.
  static let asciiAxes: [Character] = [" ", "-", "|", "+"]
  /// The dash pattern of f′ in braille, in dots along the curve: this many drawn...
  static let dashOn = 4
  /// ...then this many left out.
  static let dashOff = 3

  /// The columns and colour for standard output, decided from the environment: the width from
  /// `COLUMNS` (a positive integer), else the terminal's width, else 80. Colour as `color` says;
  /// `.auto` colours only on a terminal, with `NO_COLOR` unset or empty and `TERM` not `dumb`
  /// (an explicit `--color always` overrides `NO_COLOR`, as no-color.org asks of flags).
  static func environment(
    color mode: ColorMode = .auto,
    variable: (String) -> String? = POSIX.environmentVariable,
    isTerminal: Bool = POSIX.isTerminal(POSIX.standardOutput),
    terminalColumns: Int? = POSIX.terminalColumns(POSIX.standardOutput)
  ) -> (columns: Int, color: Bool) {
    var columns = defaultColumns
    if let text = variable("COLUMNS"), let value = Int(text), value > 0 {
      columns = value
    } else if isTerminal, let value = terminalColumns, value > 0 {
      columns = value
    }
    switch mode {
    case .always: return (columns, true)
    case .never: return (columns, false)
    case .auto:
      let noColor = variable("NO_COLOR").map { !$0.isEmpty } ?? false
      return (columns, isTerminal && !noColor && variable("TERM") != "dumb")
    }
  }

  /// Where things go for a model: the gutter of y labels, the plot area in cells and in dots, and
  /// the viewport that maps data to dots (the centre of the first dot is MIN, of the last MAX).
  struct Layout {
    var columns: Int
    /// Cells left of the plot area: the y labels, a space and the frame.
    var gutter: Int
    /// The plot area in character cells.
    var width: Int
    var height: Int
    /// Dots per cell: 2×4 for braille, 1×1 for ASCII.
    var dotsPerCell: (x: Int, y: Int)
    var viewport: Viewport
    /// The y labels: the plot row (0 at the top) and the text.
    var yLabels: [(row: Int, text: String)]
    /// The x labels: the plot column of the value and the text.
    var xLabels: [(column: Int, text: String)]
    /// The dot row of y = 0 and the dot column of x = 0, when they are in range.
    var zeroRow: Int?
    var zeroColumn: Int?
  }

  func layout(_ model: PlotModel) -> Layout {
    let columns = max(Self.minimumColumns, min(Self.maximumColumns, self.columns))
    let xRange = Self.usable(model.xRange)
    let yRange = Self.usable(model.yRange)
    let height = max(1, rows ?? max(Self.minimumRows, columns / 3))

    let yValues = [yRange.upperBound, yRange.lowerBound] + (yRange.contains(0) ? [0] : [])
    let yTexts = Self.labels(yValues, ascii: ascii)
    let labelWidth = min(yTexts.map(\.count).max() ?? 0, columns / 3)
    let gutter = labelWidth + 2
    let width = columns - gutter
    let dots = ascii ? (x: 1, y: 1) : (x: 2, y: 4)
    let viewport = Viewport(
      xRange: xRange, yRange: yRange, left: 0, top: 0, width: Double(width * dots.x - 1),
      height: Double(height * dots.y - 1))

    let zeroRow = yRange.contains(0) ? Self.dot(viewport.py(0), limit: height * dots.y) : nil
    let zeroColumn = xRange.contains(0) ? Self.dot(viewport.px(0), limit: width * dots.x) : nil

    var yLabels = [(row: 0, text: yTexts[0]), (row: height - 1, text: yTexts[1])]
    if let zeroRow, height >= 3, zeroRow / dots.y > 0, zeroRow / dots.y < height - 1 {
      yLabels.append((zeroRow / dots.y, yTexts[2]))
    }
    if height == 1 { yLabels.removeLast() }

    let xValues = [xRange.lowerBound, xRange.upperBound] + (xRange.contains(0) ? [0] : [])
    let xTexts = Self.labels(xValues, ascii: ascii)
    var xLabels = [(column: 0, text: xTexts[0]), (column: width - 1, text: xTexts[1])]
    if let zeroColumn { xLabels.append((zeroColumn / dots.x, xTexts[2])) }

    return Layout(
      columns: columns, gutter: gutter, width: width, height: height, dotsPerCell: dots,
      viewport: viewport, yLabels: yLabels.map { ($0.row, String($0.text.prefix(labelWidth))) },
      xLabels: xLabels, zeroRow: zeroRow, zeroColumn: zeroColumn)
  }

  /// The plot of `model.series` as given (for example sampled for an SVG viewport: dense enough
  /// for braille dots).
  func render(_ model: PlotModel) -> String {
    render(model) { _ in model.series }
  }

  /// The plot of the series that `sample` gives for this plot's viewport (in dots), so an
  /// adaptive sampler can refine for the dot grid actually drawn.
  func render(_ model: PlotModel, sample: (Viewport) -> [PlotSeries]) -> String {
    let layout = layout(model)
    let series = sample(layout.viewport)
    var canvas = Canvas(
      width: layout.width, height: layout.height, dotsPerCell: layout.dotsPerCell)
    canvas.drawAxes(row: layout.zeroRow, column: layout.zeroColumn, dotted: !ascii)
    // Derivatives first, then the functions over them: where curves share a cell, the function
    // keeps its mark (ASCII) and colour.
    let order = series.indices.sorted { a, b in
      series[a].order != series[b].order ? series[a].order > series[b].order : a < b
    }
    for index in order {
      let curve = series[index]
      for piece in curve.pieces {
        canvas.draw(
          piece, owner: index, dashed: !ascii && curve.order > 0, viewport: layout.viewport)
      }
    }

    var lines: [[Cell]] = []
    if let title = model.title {
      lines.append(cells(title, style: .plain, limit: layout.columns))
    }
    lines += plotLines(canvas, layout: layout, series: series)
    lines.append(axisLine(layout))
    lines.append(xLabelLine(layout))
    lines += legendLines(series, columns: layout.columns)
    return lines.map(serialize).joined()
  }

  // MARK: - Lines

  /// What colours a cell.
  private enum Style: Equatable {
    case plain
    case axis
    case function(Int)
  }

  private struct Cell {
    var text: Character
    var style: Style
  }

  private func plotLines(_ canvas: Canvas, layout: Layout, series: [PlotSeries]) -> [[Cell]] {
    var lines: [[Cell]] = []
    for row in 0..<layout.height {
      let label = layout.yLabels.last { $0.row == row }?.text ?? ""
      var line = cells(
        String(repeating: " ", count: layout.gutter - 2 - label.count) + label + " ",
        style: .plain, limit: layout.gutter - 1)
      let ticked = layout.yLabels.contains { $0.row == row }
      line.append(Cell(text: ascii ? (ticked ? "+" : "|") : (ticked ? "┤" : "│"), style: .plain))
      for column in 0..<layout.width {
        let index = row * layout.width + column
        let owner = canvas.owner[index]
        let style: Style
        if owner >= 0 {
          style = .function(series[owner].functionIndex)
        } else {
          style = canvas.axis[index] != 0 ? .axis : .plain
        }
        let text: Character
        if ascii {
          if owner >= 0 {
            let marks = Self.asciiMarks[series[owner].functionIndex % Self.asciiMarks.count]
            text = series[owner].order > 0 ? marks.derivative : marks.f
          } else {
            text = Self.asciiAxes[Int(canvas.axis[index])]
          }
        } else {
          let bits = canvas.bits[index] | canvas.axis[index]
          text = bits == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(bits))!)
        }
        line.append(Cell(text: text, style: style))
      }
      lines.append(line)
    }
    return lines
  }

  /// The bottom of the frame, with a tick under x = 0.
  private func axisLine(_ layout: Layout) -> [Cell] {
    var text = String(repeating: " ", count: layout.gutter - 1) + (ascii ? "+" : "└")
    let zero = layout.zeroColumn.map { $0 / layout.dotsPerCell.x }
    for column in 0..<layout.width {
      text += column == zero ? (ascii ? "+" : "┬") : (ascii ? "-" : "─")
    }
    return cells(text, style: .plain, limit: layout.columns)
  }

  /// MIN under the left edge, MAX ending at the right edge, 0 centred under x = 0 where it fits.
  private func xLabelLine(_ layout: Layout) -> [Cell] {
    var line = [Character](repeating: " ", count: layout.columns)
    let low = Array(layout.xLabels[0].text)
    let high = Array(layout.xLabels[1].text)
    let highStart = max(0, layout.columns - high.count)
    let lowStart = max(0, min(layout.gutter, highStart - 1 - low.count))
    var taken: [Range<Int>] = []
    for (start, text) in [(lowStart, low), (highStart, high)] {
      let range = start..<min(layout.columns, start + text.count)
      if taken.allSatisfy({ !$0.overlaps(range) }) {
        for (i, c) in zip(range, text) { line[i] = c }
        taken.append(range)
      }
    }
    if layout.xLabels.count > 2 {
      let text = Array(layout.xLabels[2].text)
      let start = layout.gutter + layout.xLabels[2].column - (text.count - 1) / 2
      let range = start..<(start + text.count)
      // One free cell on each side, so 0 never runs into MIN or MAX.
      let padded = (start - 1)..<(start + text.count + 1)
      if start >= 0, range.upperBound <= layout.columns,
        taken.allSatisfy({ !$0.overlaps(padded) })
      {
        for (i, c) in zip(range, text) { line[i] = c }
      }
    }
    return line.map { Cell(text: $0, style: .plain) }
  }

  /// The legend: a sample of each curve's style in its colour, then its label; items wrap onto
  /// more lines when they do not fit the width.
  private func legendLines(_ series: [PlotSeries], columns: Int) -> [[Cell]] {
    var lines: [[Cell]] = []
    var line: [Cell] = []
    for curve in series {
      let sample: Character
      if ascii {
        let marks = Self.asciiMarks[curve.functionIndex % Self.asciiMarks.count]
        sample = curve.order > 0 ? marks.derivative : marks.f
      } else {
        sample = curve.order > 0 ? "┅" : "━"
      }
      var item = [Cell](
        repeating: Cell(text: sample, style: .function(curve.functionIndex)), count: 2)
      item += cells(" " + text(curve.label), style: .plain, limit: columns - 2)
      if !line.isEmpty && line.count + 3 + item.count > columns {
        lines.append(line)
        line = []
      }
      if !line.isEmpty { line += cells("   ", style: .plain, limit: 3) }
      line += item
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// `text` as plain cells, at most `limit` of them.
  private func cells(_ text: String, style: Style, limit: Int) -> [Cell] {
    self.text(text).prefix(max(0, limit)).map { Cell(text: $0, style: style) }
  }

  /// Text for the output: in ASCII mode primes become `'`, the minus sign `-`, and anything else
  /// beyond ASCII `?`.
  private func text(_ text: String) -> String {
    guard ascii else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\u{2032}": result += "'"
      case "\u{2033}": result += "''"
      case "\u{2212}": result += "-"
      default: result += scalar.isASCII ? String(scalar) : "?"
      }
    }
    return result
  }

  /// One line of output: trailing blanks dropped, colour codes where the style changes (blanks
  /// keep the current colour), a reset before the newline.
  private func serialize(_ line: [Cell]) -> String {
    var end = line.count
    while end > 0 && line[end - 1].text == " " { end -= 1 }
    var result = ""
    var current = Style.plain
    for cell in line[0..<end] {
      if color && cell.style != current && cell.text != " " {
        switch cell.style {
        case .plain: result += "\u{1B}[0m"
        case .axis: result += "\u{1B}[38;5;\(Self.axisColor)m"
        case .function(let index):
          result += "\u{1B}[38;5;\(Self.palette[index % Self.palette.count])m"
        }
        current = cell.style
      }
      result.append(cell.text)
    }
    if current != .plain { result += "\u{1B}[0m" }
    return result + "\n"
  }

  // MARK: - Numbers

  /// A range that can be drawn: finite, with MIN < MAX.
  private static func usable(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
    let (low, high) = (range.lowerBound, range.upperBound)
    guard low.isFinite, high.isFinite else { return -1...1 }
    guard high - low > 0, (high - low).isFinite else {
      let pad = max(0.5, abs(low) * 0.1)
      return (low - pad)...(high + pad)
    }
    return range
  }

  /// The dot nearest to a coordinate, or nil outside `0..<limit`.
  private static func dot(_ coordinate: Double, limit: Int) -> Int? {
    let rounded = coordinate.rounded()
    guard rounded >= 0, rounded < Double(limit) else { return nil }
    return Int(rounded)
  }

  /// Labels for an axis's values (the first two are its ends): the same number of decimals for
  /// each, the fewest that write every value exactly (to 10⁻¹² of the larger of it and the span)
  /// and at most enough to resolve a hundredth of the span. Each label is formed from an integer
  /// with the point inserted, so 0.1 + 0.2 prints as `0.3`; negatives take U+2212 (`-` in ASCII
  /// mode); a value that rounds to zero prints as `0`, never `−0`.
  static func labels(_ values: [Double], ascii: Bool = false) -> [String] {
    let minus = ascii ? "-" : "\u{2212}"
    let span = abs(values[1] - values[0])
    guard span > 0, span.isFinite else { return values.map { plain($0, minus: minus) } }
    let largest = values.map(abs).max()!
    let maximumDecimals = max(0, 2 - span.decimalExponent)
    var decimals = 0
    while decimals < maximumDecimals {
      let scale = Double.powerOfTen(decimals)
      let exact = values.allSatisfy { value in
        abs((value * scale).rounded() / scale - value) <= max(abs(value), span) * 1e-12
      }
      if exact { break }
      decimals += 1
    }
    // Past what Int64 and exact powers of ten hold, fall back to C's %g.
    guard decimals <= 15, largest * Double.powerOfTen(decimals) < 1e15 else {
      let digits = max(3, min(17, largest.decimalExponent - span.decimalExponent + 3))
      return values.map { value in
        value == 0
          ? "0"
          : signed(POSIX.formatSignificant(value, precision: digits), minus: minus)
      }
    }
    return values.map { value in
      let integer = Int64((value * Double.powerOfTen(decimals)).rounded())
      guard integer != 0 else { return "0" }
      var digits = String(integer.magnitude)
      if decimals > 0 {
        if digits.count <= decimals {
          digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits
        }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
      }
      return integer < 0 ? minus + digits : digits
    }
  }

  private static func plain(_ value: Double, minus: String) -> String {
    value == 0 ? "0" : signed(shortestDecimal(value), minus: minus)
  }

  private static func signed(_ text: String, minus: String) -> String {
    text.hasPrefix("-") ? minus + text.dropFirst() : text
  }
}

/// The plot area as dots: curve dots and axis marks per cell, and which curve set a dot last.
private struct Canvas {
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

  init(width: Int, height: Int, dotsPerCell: (x: Int, y: Int)) {
    self.width = width
    self.height = height
    self.dotsPerCell = dotsPerCell
    bits = Array(repeating: 0, count: width * height)
    axis = bits
    owner = Array(repeating: -1, count: width * height)
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
  }

  /// Joins consecutive points by straight runs of dots (Bresenham), clipped to the dot grid.
  /// Dashed: the dots along the piece are drawn `dashOn`, left out `dashOff`, and so on, counting
  /// each dot once however densely the piece was sampled.
  mutating func draw(_ points: [PlotPoint], owner: Int, dashed: Bool, viewport: Viewport) {
    var last: (x: Int, y: Int)? = nil
    var step = 0
    func plot(_ x: Int, _ y: Int, _ canvas: inout Canvas) {
      if let last, last == (x, y) { return }
      last = (x, y)
      defer { step += 1 }
      if dashed && step % (TerminalPlot.dashOn + TerminalPlot.dashOff) >= TerminalPlot.dashOn {
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
        let clipped = Self.clip(start, end, bounds.x, bounds.y)
      else { continue }
      let (x0, y0) = rounded(clipped.0, clipped.1)
      let (x1, y1) = rounded(clipped.2, clipped.3)
      Self.line(x0, y0, x1, y1) { x, y in plot(x, y, &self) }
    }
  }

  /// The dot of a position in the grid, clamped into it.
  private func rounded(_ x: Double, _ y: Double) -> (Int, Int) {
    (
      max(0, min(dotsWide - 1, Int(x.rounded()))), max(0, min(dotsHigh - 1, Int(y.rounded())))
    )
  }

  /// The part of the segment inside the box (Liang–Barsky), or nil.
  static func clip(
    _ start: (Double, Double), _ end: (Double, Double), _ xs: ClosedRange<Double>,
    _ ys: ClosedRange<Double>
  ) -> (Double, Double, Double, Double)? {
    let (dx, dy) = (end.0 - start.0, end.1 - start.1)
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
    return (start.0 + t0 * dx, start.1 + t0 * dy, start.0 + t1 * dx, start.1 + t1 * dy)
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
