import Activations

/// A plot drawn as text for a terminal: Unicode braille (2×4 dots per character cell) or plain
/// ASCII (one mark per cell), optionally in ANSI colour.
///
/// Anatomy, top to bottom: the title (if any); the y axis title (`--ylabel`, if any) at the left;
/// the y axis's note (a factor or offset, when ``AxisTicks`` needs one); the plot area with the y
/// labels (nice ticks, as in the SVG, marked `┤`) in a gutter on the left and an open frame (left
/// and bottom); the x labels centred under their ticks (marked `┬`); the x axis's note,
/// right-aligned; the x axis title (`--xlabel`, if any) centred under the plot area; the legend.
/// Control characters of the words become `?`. The lines x = 0 and
/// y = 0 are drawn lightly (dotted braille, or `|`, `-` and `+` in ASCII) when they are in range.
/// Each curve joins consecutive points of each sub-path by straight runs of dots, clipped to the
/// plot area; f is solid, f′ dashed, f″ dotted. Colour is per function (Okabe–Ito in ANSI
/// 256-colour approximations); a cell holds one colour (and in ASCII one mark), that of the last
/// curve that set a dot in it: derivatives are drawn first, then the functions, each in the
/// model's order.
///
/// Every curve stays distinguishable without colour. In ASCII each curve has its own mark
/// (``asciiGlyphs(_:)``). In braille, when the dashes alone do not tell every curve apart (two
/// functions or more, with or without colour), each curve gets a key letter
/// (``brailleKeys``) written on the canvas in one cell of the curve, where it runs alone if it
/// can, and shown on its legend sample (`━A━ relu`). More than ``maximumCurves`` curves is
/// refused (``checkCurveCount(_:)``).
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
  /// The bounds of `plot --rows`: enough for the MAX and MIN labels and a row between.
  static let minimumRowOption = 3
  static let maximumRows = 1000
  static let defaultColumns = 80

  /// Okabe–Ito blue, vermillion, bluish green, reddish purple, orange and sky blue as the nearest
  /// colours of the ANSI 256-colour cube, one per function.
  static let palette = [25, 166, 36, 175, 178, 74]
  /// The ANSI 256-colour grey of the x = 0 and y = 0 lines.
  static let axisColor = 244
  /// ASCII marks of f and f′ of the first six functions.
  static let asciiMarks: [(f: Character, derivative: Character)] = [
    ("*", "."), ("o", ":"), ("x", "~"), ("#", ","), ("%", ";"), ("@", "'"),
  ]
  /// The ASCII marks of every other curve (f″, and the curves of the 7th function on), handed out
  /// in the model's order: punctuation, then letters (without `o` and `x`, which are marks above).
  static let asciiExtraMarks = Array(
    "=^\"$&!/\\<>()[]{}_`ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnpqrstuvwyz")
  /// The key letters of braille curves, in the model's order, when the styles need them.
  static let brailleKeys = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
  /// The most curves a terminal plot tells apart (one key letter each).
  static let maximumCurves = 52
  /// The dash pattern of f″ in braille, in dots along the curve: this many drawn...
  static let dotOn = 1
  /// ...then this many left out.
  static let dotOff = 2
  /// An ASCII cell of the x = 0 and y = 0 lines by its axis flags: none, y = 0, x = 0, both.
  static let asciiAxes: [Character] = [" ", "-", "|", "+"]
  /// The dash pattern of f′ in braille, in dots along the curve: this many drawn...
  static let dashOn = 4
  /// ...then this many left out.
  static let dashOff = 3

  /// Where things go for the ranges: the gutter of y labels, the plot area in cells and in dots,
  /// and the viewport that maps data to dots (the centre of the first dot is MIN, of the last MAX).
  /// The curves are sampled for this viewport, so the sampler refines for the dot grid drawn.
  struct Layout: PlotFrame {
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
    /// What the y and x labels leave out (``AxisTicks/note``), written once above the plot area
    /// and right-aligned under the x labels.
    var yNote: String? = nil
    var xNote: String? = nil
  }

  /// The layout for the ranges (one that cannot be drawn is widened first): the frame the command
  /// samples the curves for and ``render(_:)`` draws in.
  func layout(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) -> Layout {
    let columns = max(Self.minimumColumns, min(Self.maximumColumns, self.columns))
    let xRange = Self.usable(xRange)
    let yRange = Self.usable(yRange)
    let height = max(1, rows ?? max(Self.minimumRows, columns / 3))

    // Nice ticks (see ``AxisTicks``): y labels one row high with a free row between them, x
    // labels two cells apart, none past the canvas (one at the right end may reach 2 cells past
    // its centred place: the label line moves it inside).
    let yTicks = AxisTicks.make(
      range: yRange,
      room: .init(
        length: Double(height - 1), spacing: 3, extent: { _ in 1 }, gap: 1, before: 0.5,
        after: 0.5))
    let yTexts = yTicks.labels.map(plainText)
    let labelWidth = min(yTexts.map(\.count).max() ?? 0, columns / 3)
    let gutter = labelWidth + 2
    let width = columns - gutter
    let dots = ascii ? (x: 1, y: 1) : (x: 2, y: 4)
    let viewport = Viewport(
      xRange: xRange, yRange: yRange, left: 0, top: 0, width: Double(width * dots.x - 1),
      height: Double(height * dots.y - 1))

    let zeroRow = yRange.contains(0) ? Self.dot(viewport.py(0), limit: height * dots.y) : nil
    let zeroColumn = xRange.contains(0) ? Self.dot(viewport.px(0), limit: width * dots.x) : nil

    let yLabels = zip(yTicks.values, yTexts).compactMap { value, text in
      Self.dot(viewport.py(value), limit: height * dots.y).map { (row: $0 / dots.y, text: text) }
    }
    let xTicks = AxisTicks.make(
      range: xRange,
      room: .init(
        length: Double(width - 1), spacing: 8, extent: { Double($0.count) }, gap: 2,
        before: Double(gutter), after: 2))
    let xLabels = zip(xTicks.values, xTicks.labels.map(plainText)).compactMap { value, text in
      Self.dot(viewport.px(value), limit: width * dots.x).map {
        (column: $0 / dots.x, text: text)
      }
    }

    return Layout(
      columns: columns, gutter: gutter, width: width, height: height, dotsPerCell: dots,
      viewport: viewport, yLabels: yLabels.map { ($0.row, String($0.text.prefix(labelWidth))) },
      xLabels: xLabels, zeroRow: zeroRow, zeroColumn: zeroColumn,
      yNote: yTicks.note.map(plainText), xNote: xTicks.note.map(plainText))
  }

  /// A tick label or note as drawn: in ASCII mode `-` for the minus sign and `x` for `×`.
  private func plainText(_ text: String) -> String {
    guard ascii else { return text }
    return String(text.map { $0 == "\u{2212}" ? "-" : $0 == "\u{D7}" ? "x" : $0 })
  }

  /// The plot of the model, laid out by this plot's ``layout(xRange:yRange:)``: the title, the
  /// plot area, the x axis and its labels, the legend.
  func render(_ model: PlotModel<Layout>) -> String {
    let layout = model.frame
    let series = model.series
    var canvas = TerminalCanvas(
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
          piece, owner: index, pattern: ascii ? nil : Self.pattern(order: curve.order),
          viewport: layout.viewport)
      }
    }
    if needsKeys(series) {
      canvas.placeKeys(curves: series.count)
    }

    var lines: [[Cell]] = []
    if let title = model.title {
      lines.append(cells(title, style: .plain, limit: layout.columns))
    }
    if let label = model.yLabel {
      lines.append(cells(label, style: .plain, limit: layout.columns))
    }
    if let note = layout.yNote { lines.append(cells(note, style: .plain, limit: layout.columns)) }
    lines += plotLines(canvas, layout: layout, series: series)
    lines.append(axisLine(layout))
    lines.append(xLabelLine(layout))
    if let note = layout.xNote {
      let pad = String(repeating: " ", count: max(0, layout.columns - note.count))
      lines.append(cells(pad + note, style: .plain, limit: layout.columns))
    }
    if let label = model.xLabel {
      lines.append(axisTitleLine(label, layout: layout))
    }
    lines += legendLines(series, columns: layout.columns)
    return lines.map(serialize).joined()
  }

  // MARK: - Styles

  /// The dots drawn and left out along a braille curve of derivative `order`: f solid (nil), f′
  /// dashed, f″ dotted.
  static func pattern(order: Int) -> (on: Int, off: Int)? {
    switch order {
    case 0: return nil
    case 1: return (dashOn, dashOff)
    default: return (dotOn, dotOff)
    }
  }

  /// Whether the braille curves need key letters: when two of them have the same dash (two
  /// functions or more). Colour is not counted, so a coloured plot is the uncoloured one plus
  /// escape codes, and stays readable for a reader who cannot tell the colours apart.
  func needsKeys(_ series: [PlotSeries]) -> Bool {
    guard !ascii else { return false }
    return Set(series.map { min($0.order, 2) }).count < series.count
  }

  /// The ASCII mark of each curve, all different: f and f′ of the first six functions keep
  /// ``asciiMarks``; every other curve takes the next of ``asciiExtraMarks`` in the model's
  /// order (the count is checked by ``checkCurveCount(_:)``).
  static func asciiGlyphs(_ series: [PlotSeries]) -> [Character] {
    var extras = asciiExtraMarks.makeIterator()
    return series.map { curve in
      if curve.functionIndex < asciiMarks.count && curve.order < 2 {
        let marks = asciiMarks[curve.functionIndex]
        return curve.order == 0 ? marks.f : marks.derivative
      }
      return extras.next() ?? "?"
    }
  }

  /// Refuses a terminal plot of more curves than it can tell apart (``maximumCurves``): a usage
  /// error saying how to go on.
  static func checkCurveCount(_ count: Int) throws(CLIError) {
    guard count > maximumCurves else { return }
    throw .badArgument(
      name: "number of curves", value: String(count),
      expected:
        "at most \(maximumCurves) in the terminal; plot fewer functions, leave out derivatives "
        + "(--no-grad), or write an SVG (--svg FILE)")
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
}
