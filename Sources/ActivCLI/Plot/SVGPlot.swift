/// Writes a plot as a compact, deterministic, accessible SVG.
///
/// Anatomy: a boxed frame, a light grid on the ticks, the x = 0 and y = 0 lines emphasised, tick
/// labels from ``AxisTicks``, the axis label x, a legend in the emptiest corner, and each curve as
/// one `<path>` (clipped to the box by Liang–Barsky and simplified by Ramer–Douglas–Peucker at
/// 0.1 px) with its own `<title>`. Coordinates have at most 2 decimals; no ids but fixed ones, no
/// dates: the same plot gives the same bytes.
struct SVGPlot {
  var width: Int
  var height: Int
  var theme: PlotTheme
  var legend: LegendPlacement

  /// The plot box for this canvas size (room for a title and a y axis title when there are ones):
  /// the frame the curves are sampled for.
  func viewport(
    xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, hasTitle: Bool,
    hasYLabel: Bool = false
  )
    -> Viewport
  {
    let top = hasTitle ? 36.0 : 14.0
    let boxHeight = Double(height) - top - 46
    // Room for the longest y label right of a 4 px edge (at least the usual 58 px), and for the
    // y axis title beside the labels when there is one.
    let longest = Self.yTicks(yRange, length: boxHeight).labels.map(Self.labelWidth).max() ?? 0
    let left = hasYLabel ? max(78, longest + 31) : max(58, longest + 11)
    return Viewport(
      xRange: xRange, yRange: yRange, left: left, top: top, width: Double(width) - left - 16,
      height: boxHeight)
  }

  /// A tick label's estimated width: 7 px a character at the 12 px font.
  static func labelWidth(_ label: String) -> Double { 7 * Double(label.count) }

  /// The x ticks of a box: one per 60 px at most, labels 8 px apart and inside the canvas.
  static func xTicks(_ range: ClosedRange<Double>, box: Viewport, canvasWidth: Int) -> AxisTicks {
    AxisTicks.make(
      range: range,
      room: .init(
        length: box.width, spacing: 60, extent: labelWidth, gap: 8, before: box.left,
        after: Double(canvasWidth) - box.left - box.width))
  }

  /// The y ticks of a box `length` px high: one per 40 px at most, labels (12 px) 4 px apart.
  static func yTicks(_ range: ClosedRange<Double>, length: Double) -> AxisTicks {
    AxisTicks.make(
      range: range,
      room: .init(length: length, spacing: 40, extent: { _ in 12 }, gap: 4, before: 8, after: 8))
  }

  /// The SVG document of the model, whose frame is this plot's
  /// ``viewport(xRange:yRange:hasTitle:)``.
  func render(_ model: PlotModel<Viewport>) -> String {
    let box = model.frame
    let colours = theme == .dark ? PlotStyle.dark : PlotStyle.light
    let xTicks = Self.xTicks(model.xRange, box: box, canvasWidth: width)
    let yTicks = Self.yTicks(model.yRange, length: box.height)
    let right = box.left + box.width
    let bottom = box.top + box.height

    var svg = SVGText()
    svg.line(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"t d\">")
    svg.line("<title id=\"t\">\(xmlEscaped(titleText(model)))</title>")
    svg.line("<desc id=\"d\">\(xmlEscaped(description(model)))</desc>")
    svg.line("<style>")
    svg.line("text{font-family:\(PlotStyle.fonts);font-size:12px}")
    svg.line(".tick{font-variant-numeric:tabular-nums}")
    if theme == .auto {
      let d = PlotStyle.dark
      svg.line("@media (prefers-color-scheme:dark){")
      svg.line(
        ".bg{fill:\(d.background)}.fg{fill:\(d.text)}.grid{stroke:\(d.grid)}.zero{stroke:\(d.zero)}"
      )
      svg.line(".frame{stroke:\(d.frame)}.lbg{fill:\(d.legendBackground)}")
      let rules = d.palette.enumerated().map { ".c\($0.offset){stroke:\($0.element)}" }
      svg.line(rules.joined() + "}")
    }
    svg.line("</style>")
    svg.line("<rect class=\"bg\" width=\"100%\" height=\"100%\" fill=\"\(colours.background)\"/>")
    svg.line(
      "<clipPath id=\"box\"><rect x=\"\(coordinate(box.left))\" y=\"\(coordinate(box.top))\" width=\"\(coordinate(box.width))\" "
        + "height=\"\(coordinate(box.height))\"/></clipPath>")

    // Grid on the ticks, then the zero lines over it.
    var grid = ""
    for x in xTicks.values {
      grid += "M\(coordinate(box.px(x))) \(coordinate(box.top))V\(coordinate(bottom))"
    }
    for y in yTicks.values {
      grid += "M\(coordinate(box.left)) \(coordinate(box.py(y)))H\(coordinate(right))"
    }
    if !grid.isEmpty {
      svg.line(
        "<path class=\"grid\" d=\"\(grid)\" stroke=\"\(colours.grid)\" stroke-width=\"1\" fill=\"none\"/>"
      )
    }
    var zero = ""
    if model.xRange.contains(0) {
      zero += "M\(coordinate(box.px(0))) \(coordinate(box.top))V\(coordinate(bottom))"
    }
    if model.yRange.contains(0) {
      zero += "M\(coordinate(box.left)) \(coordinate(box.py(0)))H\(coordinate(right))"
    }
    if !zero.isEmpty {
      svg.line(
        "<path class=\"zero\" d=\"\(zero)\" stroke=\"\(colours.zero)\" stroke-width=\"1.2\" fill=\"none\"/>"
      )
    }

    // The curves, clipped and simplified in pixel space.
    var drawn: [[(Double, Double)]] = []
    svg.line(
      "<g clip-path=\"url(#box)\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\">"
    )
    for series in model.series {
      let polylines = series.pieces.flatMap {
        Polyline.clip($0.map { (box.px($0.x), box.py($0.y)) }, to: box)
      }
      .map { Polyline.simplify($0, tolerance: Viewport.tolerance) }
      drawn += polylines
      guard !polylines.isEmpty else { continue }
      let data = polylines.map(pathData).joined()
      svg.line(
        "<path \(strokeAttributes(series, colours, data: data))><title>\(xmlEscaped(series.label))</title></path>"
      )
    }
    svg.line("</g>")
    svg.line(
      "<rect class=\"frame\" x=\"\(coordinate(box.left))\" y=\"\(coordinate(box.top))\" width=\"\(coordinate(box.width))\" "
        + "height=\"\(coordinate(box.height))\" fill=\"none\" stroke=\"\(colours.frame)\" stroke-width=\"1\"/>"
    )

    // Tick labels and the axis label.
    svg.line("<g class=\"fg tick\" fill=\"\(colours.text)\">")
    for (x, label) in zip(xTicks.values, xTicks.labels) {
      svg.line(
        "<text x=\"\(coordinate(box.px(x)))\" y=\"\(coordinate(bottom + 17))\" text-anchor=\"middle\">\(label)</text>"
      )
    }
    for (y, label) in zip(yTicks.values, yTicks.labels) {
      svg.line(
        "<text x=\"\(coordinate(box.left - 7))\" y=\"\(coordinate(box.py(y) + 4))\" text-anchor=\"end\">\(label)</text>"
      )
    }
    // What the labels leave out (a factor, an offset): once, at the x axis's right end and above
    // the y axis.
    if let note = xTicks.note {
      svg.line(
        "<text x=\"\(coordinate(right))\" y=\"\(height - 8)\" text-anchor=\"end\">\(note)</text>")
    }
    if let note = yTicks.note {
      svg.line(
        "<text x=\"\(coordinate(box.left))\" y=\"\(coordinate(box.top - 5))\" text-anchor=\"start\">\(note)</text>"
      )
    }
    svg.line("</g>")
    renderAxisTitles(model, box: box, colours: colours, into: &svg)
    if let title = model.title {
      svg.line(
        "<text class=\"fg\" x=\"\(coordinate(Double(width) / 2))\" y=\"24\" text-anchor=\"middle\" fill=\"\(colours.text)\" "
          + "font-size=\"15\" font-weight=\"600\">\(xmlEscaped(title))</text>")
    }
    if legend != .none && !model.series.isEmpty {
      renderLegend(model, box: box, drawn: drawn, colours: colours, into: &svg)
    }
    svg.line("</svg>")
    return svg.text
  }

  // MARK: Axis titles

  /// The x axis title centred under the tick labels (an italic x unless `--xlabel` is given), and
  /// a `--ylabel` turned upright along the left edge, centred on the box.
  private func renderAxisTitles(
    _ model: PlotModel<Viewport>, box: Viewport, colours: PlotStyle.Theme, into svg: inout SVGText
  ) {
    let text = "<text class=\"fg\" fill=\"\(colours.text)\" text-anchor=\"middle\" "
    if let label = model.xLabel {
      svg.line(
        text + "x=\"\(coordinate(box.left + box.width / 2))\" y=\"\(height - 8)\">"
          + "\(xmlEscaped(label))</text>")
    } else {
      svg.line(
        "<text class=\"fg\" x=\"\(coordinate(box.left + box.width / 2))\" y=\"\(height - 8)\" text-anchor=\"middle\" "
          + "fill=\"\(colours.text)\" font-style=\"italic\">x</text>")
    }
    if let label = model.yLabel {
      svg.line(
        text + "transform=\"translate(18 \(coordinate(box.top + box.height / 2))) rotate(-90)\">"
          + "\(xmlEscaped(label))</text>")
    }
  }

  // MARK: Legend

  private func renderLegend(
    _ model: PlotModel<Viewport>, box: Viewport, drawn: [[(Double, Double)]],
    colours: PlotStyle.Theme,
    into svg: inout SVGText
  ) {
    let rowHeight = 18.0
    let inset = 8.0
    let longest = model.series.map(\.label.count).max() ?? 0
    // One column of entries while they fit the box's height, else as many columns as they need
    // (filled top to bottom, so a function's curves stay together).
    let fitting = max(1, Int((box.height - 2 * inset - 8) / rowHeight))
    let legendColumns = (model.series.count + fitting - 1) / fitting
    let legendRows = (model.series.count + legendColumns - 1) / legendColumns
    let columnWidth = 38 + 7.2 * Double(longest)
    let legendWidth = columnWidth * Double(legendColumns) + 8
    let legendHeight = rowHeight * Double(legendRows) + 8
    let corners: [(LegendPlacement, Double, Double)] = [
      (.upperLeft, box.left + inset, box.top + inset),
      (.upperRight, box.left + box.width - inset - legendWidth, box.top + inset),
      (.lowerLeft, box.left + inset, box.top + box.height - inset - legendHeight),
      (
        .lowerRight, box.left + box.width - inset - legendWidth,
        box.top + box.height - inset - legendHeight
      ),
    ]
    // "best": the corner whose box covers the fewest drawn vertices (matplotlib's loc='best').
    let chosen: (LegendPlacement, Double, Double)
    if legend == .best {
      func covered(_ corner: (LegendPlacement, Double, Double)) -> Int {
        drawn.reduce(0) { total, line in
          total
            + line.filter {
              $0.0 >= corner.1 && $0.0 <= corner.1 + legendWidth && $0.1 >= corner.2
                && $0.1 <= corner.2 + legendHeight
            }.count
        }
      }
      chosen = corners.min { covered($0) < covered($1) }!
    } else {
      chosen = corners.first { $0.0 == legend }!
    }
    let (x, y) = (chosen.1, chosen.2)
    svg.line("<g class=\"legend\">")
    svg.line(
      "<rect class=\"lbg frame\" x=\"\(coordinate(x))\" y=\"\(coordinate(y))\" width=\"\(coordinate(legendWidth))\" height=\"\(coordinate(legendHeight))\" "
        + "rx=\"3\" fill=\"\(colours.legendBackground)\" fill-opacity=\"0.85\" stroke=\"\(colours.grid)\"/>"
    )
    for (entry, series) in model.series.enumerated() {
      let (column, row) = entry.quotientAndRemainder(dividingBy: legendRows)
      let rowY = y + 4 + rowHeight * (Double(row) + 0.5)
      let entryX = x + columnWidth * Double(column)
      svg.line(
        "<path \(strokeAttributes(series, colours, data: "M\(coordinate(entryX + 8)) \(coordinate(rowY))h24"))/>"
      )
      svg.line(
        "<text class=\"fg\" x=\"\(coordinate(entryX + 38))\" y=\"\(coordinate(rowY + 4))\" fill=\"\(colours.text)\">\(xmlEscaped(series.label))</text>"
      )
    }
    svg.line("</g>")
  }

  /// A curve's class, path data and stroke: shared by the curve and its legend swatch, so the two
  /// always look alike (colour by function, width and dash by derivative order).
  private func strokeAttributes(_ series: PlotSeries, _ colours: PlotStyle.Theme, data: String)
    -> String
  {
    let style = PlotStyle.style(
      functionIndex: series.functionIndex, order: series.order,
      paletteCount: colours.palette.count)
    let index = style.colour
    let dash = PlotStyle.dashes[style.family][style.order]
    return "class=\"c\(index)\" d=\"\(data)\" stroke=\"\(colours.palette[index])\" "
      + "stroke-width=\"\(series.order == 0 ? "2" : "1.6")\""
      + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")
  }

  // MARK: Words

  private func titleText(_ model: PlotModel<Viewport>) -> String {
    model.title ?? model.functionLabels.joined(separator: ", ")
  }

  private func description(_ model: PlotModel<Viewport>) -> String {
    let curves = model.series.map { series in
      let style = PlotStyle.style(
        functionIndex: series.functionIndex, order: series.order,
        paletteCount: PlotStyle.lightPalette.count)
      let dash = PlotStyle.dashNames[style.family][style.order]
      let role = ["", "its derivative ", "its second derivative "][style.order]
      return "\(role)\(series.label) (\(dash))"
    }
    return "Line plot of " + curves.joined(separator: ", ") + " for x from "
      + readable(model.xRange.lowerBound)
      + " to " + readable(model.xRange.upperBound) + "; the y-axis runs from "
      + readable(model.yRange.lowerBound)
      + " to " + readable(model.yRange.upperBound) + "."
  }

  private func readable(_ value: Double) -> String {
    let text = NumberStyle.significant(4).format(value)
    return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
  }
}

/// An SVG document being written, line by line.
private struct SVGText {
  var text = ""
  mutating func line(_ content: String) {
    text += content
    text += "\n"
  }
}

/// A coordinate with at most two decimals and no trailing zeros (`12`, `12.5`, `12.25`).
private func coordinate(_ value: Double) -> String {
  let hundredths = Int((value * 100).rounded())
  let whole = abs(hundredths) / 100
  let fraction = abs(hundredths) % 100
  let sign = hundredths < 0 ? "-" : ""
  if fraction == 0 { return sign + String(whole) }
  if fraction % 10 == 0 { return sign + "\(whole).\(fraction / 10)" }
  return sign + "\(whole)." + (fraction < 10 ? "0" : "") + String(fraction)
}

/// `M x,y L x,y x,y …` for one polyline.
private func pathData(_ points: [(Double, Double)]) -> String {
  var data = "M\(coordinate(points[0].0)),\(coordinate(points[0].1))"
  for (i, point) in points.enumerated().dropFirst() {
    data += (i == 1 ? "L" : " ") + "\(coordinate(point.0)),\(coordinate(point.1))"
  }
  return data
}

/// XML text with `&`, `<`, `>` and quotes escaped, and dropped: C0 controls but tab and newline,
/// DEL and C1 controls (which would reach a terminal showing the file), and U+FFFE and U+FFFF
/// (which XML 1.0 cannot hold).
private func xmlEscaped(_ text: String) -> String {
  var result = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "&": result += "&amp;"
    case "<": result += "&lt;"
    case ">": result += "&gt;"
    case "\"": result += "&quot;"
    case "'": result += "&apos;"
    default:
      if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { continue }
      if (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
        continue
      }
      result.unicodeScalars.append(scalar)
    }
  }
  return result
}
