import Activations
import Foundation
import Testing

@testable import ActivCLI

/// Every curve of a plot can be told from every other: a unique (colour, dash) pair in SVG, a
/// unique mark in `--ascii`, and in braille without colour a key letter per curve, on the canvas
/// and in the legend.
@Suite("plot: every curve distinguishable")
struct CurveStyleTests {
  /// Twelve catalogue functions that stay in a ±3.5 box on −3…3.
  static let twelve = [
    "relu", "gelu", "mish", "silu", "elu", "selu", "celu", "tanh", "sigmoid", "softplus", "swish",
    "hardtanh",
  ]
  /// The report's command: eight functions, no derivatives.
  static let eight = ["relu", "gelu", "mish", "silu", "elu", "selu", "celu", "tanh", "-3", "3"]

  /// A model of `functions` functions with derivatives up to `maxOrder`, each curve a flat line
  /// at its own height (3·function + order), all inside y ∈ [−1, 3·functions].
  static func flatLines<Frame: PlotFrame>(_ functions: Int, maxOrder: Int, in frame: Frame)
    -> PlotModel<Frame>
  {
    var series: [PlotSeries] = []
    for function in 0..<functions {
      for order in 0...maxOrder {
        let y = Double(3 * function + order)
        series.append(
          PlotSeries(
            label: "f\(function)" + ["", "\u{2032}", "\u{2033}"][order], order: order,
            functionIndex: function,
            pieces: [[PlotPoint(x: -2, y: y), PlotPoint(x: 2, y: y)]]))
      }
    }
    return PlotModel(
      frame: frame, series: series, title: nil,
      functionLabels: (0..<functions).map { "f\($0)" })
  }

  // MARK: - SVG

  /// The style of one `<path class="cN" …>` of an SVG: class, stroke, dash, and the `<title>`
  /// (nil for a legend swatch).
  struct PathStyle: Hashable {
    var colourClass: String
    var stroke: String
    var dash: String
    var title: String?
  }

  static func attribute(_ name: String, in line: Substring) -> String? {
    let parts = line.components(separatedBy: " \(name)=\"")
    guard parts.count > 1 else { return nil }
    return parts[1].components(separatedBy: "\"")[0]
  }

  static func pathStyles(_ svg: String) -> [PathStyle] {
    svg.split(separator: "\n").filter { $0.hasPrefix("<path class=\"c") }.map { line in
      PathStyle(
        colourClass: String(line.dropFirst("<path class=\"".count).prefix { $0 != "\"" }),
        stroke: attribute("stroke", in: line) ?? "",
        dash: attribute("stroke-dasharray", in: line) ?? "",
        title: line.contains("<title>")
          ? line.components(separatedBy: "<title>")[1].components(separatedBy: "</title>")[0]
          : nil)
    }
  }

  struct SVGCase: CustomTestStringConvertible, Sendable {
    var name: String
    var functions: Int
    var maxOrder: Int
    var theme: PlotTheme
    var testDescription: String { name }
  }

  static let svgCases = [
    SVGCase(name: "12 functions with f′ and f″, light", functions: 12, maxOrder: 2, theme: .light),
    SVGCase(name: "12 functions with f′ and f″, dark", functions: 12, maxOrder: 2, theme: .dark),
    SVGCase(name: "12 functions with f′ and f″, auto", functions: 12, maxOrder: 2, theme: .auto),
    SVGCase(name: "12 functions with f′", functions: 12, maxOrder: 1, theme: .auto),
    SVGCase(name: "8 functions alone", functions: 8, maxOrder: 0, theme: .light),
  ]

  @Test(
    "every SVG curve has its own (colour, dash) pair, and its swatch looks alike",
    arguments: svgCases)
  func svgStylesAreUnique(_ test: SVGCase) {
    let plot = SVGPlot(width: 640, height: 400, theme: test.theme, legend: .upperLeft)
    let frame = plot.viewport(
      xRange: -2...2, yRange: -1...Double(3 * test.functions), hasTitle: false)
    let svg = plot.render(Self.flatLines(test.functions, maxOrder: test.maxOrder, in: frame))
    let styles = Self.pathStyles(svg)
    let curves = styles.filter { $0.title != nil }
    let swatches = styles.filter { $0.title == nil }
    let count = test.functions * (test.maxOrder + 1)
    #expect(curves.count == count)
    #expect(swatches.count == count)
    #expect(Set(curves.map { [$0.colourClass, $0.dash] }).count == count)
    #expect(Set(curves.map { [$0.stroke, $0.dash] }).count == count)
    // Each swatch has its curve's class, colour and dash, in the same order.
    for (curve, swatch) in zip(curves, swatches) {
      #expect(
        [curve.colourClass, curve.stroke, curve.dash] == [
          swatch.colourClass, swatch.stroke, swatch.dash,
        ])
    }
    // The dark rules cover every class the curves use.
    if test.theme == .auto {
      for colourClass in Set(curves.map(\.colourClass)) {
        #expect(svg.contains(".\(colourClass){stroke:"))
      }
    }
  }

  @Test("a legend of many curves takes more columns and stays inside the plot box")
  func manyCurvesLegendFitsTheBox() throws {
    let plot = SVGPlot(width: 640, height: 400, theme: .light, legend: .best)
    let frame = plot.viewport(xRange: -2...2, yRange: -1...36, hasTitle: false)
    let svg = plot.render(Self.flatLines(12, maxOrder: 2, in: frame))
    let line = try #require(svg.split(separator: "\n").first { $0.hasPrefix("<rect class=\"lbg") })
    let number = { (name: String) in Double(Self.attribute(name, in: line) ?? "") ?? .nan }
    let (x, y) = (number("x"), number("y"))
    let (width, height) = (number("width"), number("height"))
    #expect(x >= frame.left && x + width <= frame.left + frame.width)
    #expect(y >= frame.top && y + height <= frame.top + frame.height)
    // 36 entries of 18 px do not fit 340 px in one column; three columns of 12 do.
    #expect(height == 18 * 12 + 8)
    let swatchXs = Set(
      Self.pathStyles(svg).filter { $0.title == nil }.count == 36
        ? svg.split(separator: "\n").filter {
          $0.hasPrefix("<path class=\"c") && !$0.contains("<title>")
        }
        .map { $0.components(separatedBy: " d=\"M")[1].prefix { $0 != " " } } : [])
    #expect(swatchXs.count == 3)
  }

  @Test("the first six functions keep their styles: f solid, f′ dashed 6 4, f″ dotted 2 3")
  func firstSixFunctionsKeepTheirStyles() {
    let plot = SVGPlot(width: 640, height: 400, theme: .light, legend: .none)
    let frame = plot.viewport(xRange: -2...2, yRange: -1...36, hasTitle: false)
    let curves = Self.pathStyles(plot.render(Self.flatLines(12, maxOrder: 2, in: frame)))
    for function in 0..<6 {
      let stroke = PlotStyle.lightPalette[function]
      #expect(
        curves[3 * function..<3 * function + 3].map { [$0.colourClass, $0.stroke, $0.dash] } == [
          ["c\(function)", stroke, ""], ["c\(function)", stroke, "6 4"],
          ["c\(function)", stroke, "2 3"],
        ])
    }
    // The 7th function takes the 1st colour with the second dash family.
    #expect(curves[18].stroke == PlotStyle.lightPalette[0])
    #expect(curves[18..<21].map(\.dash) == ["12 4", "8 3 2 3", "8 3 2 3 2 3"])
  }

  @Test("regression: the report's eight functions no longer repeat relu's style for celu")
  func reportedEightFunctionsInSVG() {
    let svg = expectSuccess(["plot"] + Self.eight + ["--no-grad", "--svg", "-"])
    let curves = Self.pathStyles(svg).filter { $0.title != nil }
    #expect(curves.map(\.title) == Self.eight.dropLast(2).map { Optional($0) })
    #expect(Set(curves.map { [$0.colourClass, $0.dash] }).count == 8)
    let relu = curves[0]
    let celu = curves[6]
    #expect(relu.stroke == celu.stroke)
    #expect(relu.dash != celu.dash)
    #expect(svg.contains("celu (long-dashed)"))
  }

  @Test("the description names each curve's dash, f″ as dotted")
  func descriptionNamesTheDashes() {
    let svg = expectSuccess(["plot", "gelu", "--grad2", "--svg", "-"])
    #expect(
      svg.contains(
        "Line plot of gelu (solid), its derivative gelu\u{2032} (dashed), its second derivative "
          + "gelu\u{2033} (dotted) for x from"))
  }

  // MARK: - Terminal

  /// The text without its ANSI colour codes (`ESC [ … m`).
  static func withoutEscapes(_ text: String) -> String {
    var result = ""
    var inEscape = false
    for scalar in text.unicodeScalars {
      if scalar == "\u{1B}" {
        inEscape = true
      } else if inEscape {
        if scalar == "m" { inEscape = false }
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// The plot-area rows of a terminal plot (after the title, before the axis line), without the
  /// gutter.
  static func canvasRows(_ text: String, _ layout: TerminalPlot.Layout) -> [String] {
    lines(text).prefix(layout.height).map { String($0.dropFirst(layout.gutter)) }
  }

  /// The legend items: each item's sample (its characters before the first space) and label.
  static func legendItems(_ text: String, _ layout: TerminalPlot.Layout) -> [(
    sample: String, label: String
  )] {
    lines(text).dropFirst(layout.height + 2).flatMap { line in
      line.components(separatedBy: "   ").map { item in
        let parts = item.split(separator: " ", maxSplits: 1)
        return (String(parts[0]), String(parts[1]))
      }
    }
  }

  struct TerminalCase: CustomTestStringConvertible, Sendable {
    var name: String
    var functions: Int
    var maxOrder: Int
    var ascii: Bool
    var color: Bool
    /// Whether the braille curves carry key letters.
    var keyed: Bool
    var testDescription: String { name }
  }

  static let terminalCases = [
    TerminalCase(
      name: "ASCII, 12 functions with f′ and f″", functions: 12, maxOrder: 2, ascii: true,
      color: false, keyed: false),
    TerminalCase(
      name: "ASCII, 17 functions with f′ and f″ (51 curves)", functions: 17, maxOrder: 2,
      ascii: true, color: false, keyed: false),
    TerminalCase(
      name: "braille, 12 functions with f′ and f″", functions: 12, maxOrder: 2, ascii: false,
      color: false, keyed: true),
    TerminalCase(
      name: "braille, 2 functions", functions: 2, maxOrder: 0, ascii: false, color: false,
      keyed: true),
    TerminalCase(
      name: "braille in colour, 8 functions", functions: 8, maxOrder: 1, ascii: false, color: true,
      keyed: true),
    TerminalCase(
      name: "braille in colour, 6 functions with f′ and f″", functions: 6, maxOrder: 2,
      ascii: false, color: true, keyed: true),
    TerminalCase(
      name: "braille in colour, 1 function with f′ and f″", functions: 1, maxOrder: 2,
      ascii: false, color: true, keyed: false),
    TerminalCase(
      name: "braille, 1 function with f′ and f″", functions: 1, maxOrder: 2, ascii: false,
      color: false, keyed: false),
  ]

  @Test(
    "each terminal curve has its own legend sample, and the canvas shows it",
    arguments: terminalCases)
  func terminalCurvesAreDistinguishable(_ test: TerminalCase) {
    let curves = test.functions * (test.maxOrder + 1)
    let plot = TerminalPlot(
      columns: 100, color: test.color, ascii: test.ascii, rows: 3 * test.functions + 2)
    let layout = plot.layout(xRange: -2...2, yRange: -1...Double(3 * test.functions))
    let model = Self.flatLines(test.functions, maxOrder: test.maxOrder, in: layout)
    let text = plot.render(model)
    let plain = Self.withoutEscapes(text)
    #expect(text.contains("\u{1B}[") == test.color)
    let items = Self.legendItems(plain, layout)
    #expect(
      items.map(\.label)
        == (0..<test.functions).flatMap { f in
          (0...test.maxOrder).map {
            "f\(f)" + (test.ascii ? ["", "'", "''"] : ["", "\u{2032}", "\u{2033}"])[$0]
          }
        })
    // A sample and, with colour, the colour of its function tell the curves apart.
    let colours = model.series.map {
      test.color ? $0.functionIndex % TerminalPlot.palette.count : -1
    }
    #expect(Set(zip(items, colours).map { "\($0.sample) \($1)" }).count == curves)
    for colour in Set(colours) where colour >= 0 {
      #expect(text.contains("\u{1B}[38;5;\(TerminalPlot.palette[colour])m"))
    }
    let canvas = Self.canvasRows(plain, layout).joined(separator: "\n")
    if test.ascii {
      for item in items {
        #expect(item.sample.count == 2 && Set(item.sample).count == 1)
        #expect(canvas.contains(item.sample.first!), "\(item.label)'s mark on the canvas")
      }
    } else if test.keyed {
      for item in items {
        let key = Array(item.sample)[1]
        #expect(key.isLetter)
        #expect(canvas.filter { $0 == key }.count == 1, "\(item.label)'s key once on the canvas")
      }
    } else {
      #expect(!canvas.contains { $0.isLetter })
      #expect(items.allSatisfy { $0.sample.count == 2 })
    }
  }

  @Test("the ASCII marks: the first six functions' f and f′ as before, then unique extras")
  func asciiGlyphsAreUnique() {
    let layout = TerminalPlot(ascii: true).layout(xRange: -2...2, yRange: -1...60)
    let model = Self.flatLines(17, maxOrder: 2, in: layout)
    let glyphs = TerminalPlot.asciiGlyphs(model.series)
    #expect(Set(glyphs).count == 51)
    #expect(String(glyphs.prefix(9)) == "*.=o:^x~\"")
    #expect(!glyphs.contains { " -|+?".contains($0) })
    #expect(TerminalPlot.asciiExtraMarks.count + 12 >= TerminalPlot.maximumCurves)
  }

  @Test("braille: f′ dashed and f″ dotted differ")
  func secondDerivativeIsDotted() {
    let plot = TerminalPlot(columns: 40, rows: 8)
    // No x = 0 or y = 0 line in range: every dot is the curve's.
    let layout = plot.layout(xRange: 1...5, yRange: 1...3)
    let row = { (order: Int) -> Int in
      let line = PlotSeries(
        label: "c", order: order, functionIndex: 0,
        pieces: [[PlotPoint(x: 1, y: 2), PlotPoint(x: 5, y: 2)]])
      let text = plot.render(
        PlotModel(frame: layout, series: [line], title: nil, functionLabels: ["c"]))
      return Self.canvasRows(text, layout).joined().unicodeScalars.filter {
        $0.value > 0x2800 && $0.value <= 0x28FF
      }.reduce(0) { $0 + (Int($1.value - 0x2800)).nonzeroBitCount }
    }
    // One dot per dot column: all of them, 4 of every 7, 1 of every 3.
    let (solid, dashed, dotted) = (row(0), row(1), row(2))
    #expect(solid == 2 * layout.width)
    #expect(dashed == (solid / 7) * 4 + min(solid % 7, 4))
    #expect(dotted == (solid + 2) / 3)
  }

  struct RunCase: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var keyed: Bool
    var testDescription: String { name }
  }

  static let runCases = [
    RunCase(name: "the report's 8 functions", arguments: eight + ["--no-grad"], keyed: true),
    RunCase(
      name: "the report's 8 functions in colour",
      arguments: eight + ["--no-grad", "--color", "always"], keyed: true),
    RunCase(name: "12 functions with f′", arguments: twelve + ["-3", "3"], keyed: true),
    RunCase(name: "gelu and mish", arguments: ["gelu", "mish", "-3", "3"], keyed: true),
    RunCase(
      name: "gelu and mish in colour", arguments: ["gelu", "mish", "-3", "3", "--color", "always"],
      keyed: true),
    RunCase(name: "sin with f″", arguments: ["sin(x)", "-6", "6", "--grad2"], keyed: false),
  ]

  @Test("regression: a braille plot in a pipe tells its curves apart", arguments: runCases)
  func brailleInAPipeTellsCurvesApart(_ test: RunCase) throws {
    let text = Self.withoutEscapes(expectSuccess(["plot"] + test.arguments))
    let all = lines(text)

    let axis = try #require(all.firstIndex { $0.contains("└") })
    // The plot area without the gutter of y labels.
    let canvas = all[..<axis].map { line in
      line.split(maxSplits: 1, whereSeparator: { "│┤".contains($0) }).dropFirst().joined()
    }.joined(separator: "\n")
    let items: [[String]] = all[(axis + 2)...].flatMap { (line: Substring) -> [String] in
      String(line).components(separatedBy: "   ")
    }.map { (item: String) -> [String] in item.split(separator: " ", maxSplits: 1).map(String.init)
    }
    #expect(Set(items.map { $0[0] }).count == items.count, "legend samples all differ")
    for item in items {
      let sample = Array(item[0])
      if test.keyed {
        #expect(sample.count == 3 && sample[1].isLetter)
        #expect(canvas.filter { $0 == sample[1] }.count == 1, "\(item[1])'s key on the canvas")
      } else {
        #expect(sample.count == 2)
      }
    }
    if !test.keyed { #expect(!canvas.contains { $0.isLetter }) }
  }

  @Test("regression: --ascii gives the report's 8 functions 8 different marks")
  func asciiReportedEightFunctions() {
    let text = expectSuccess(["plot"] + Self.eight + ["--no-grad", "--ascii"])
    let legend = lines(text).last!
    #expect(
      legend == "** relu   oo gelu   xx mish   ## silu   %% elu   @@ selu   == celu   ^^ tanh")
  }

  @Test("more curves than the terminal tells apart is a usage error; the SVG takes them")
  func tooManyCurvesForTheTerminal() {
    let sweep = "swish(beta=" + (1...27).map(String.init).joined(separator: "|") + ")"
    expectFailure(
      ["plot", sweep], .usage,
      "bad number of curves '54'; expected at most 52 in the terminal; plot fewer functions, "
        + "leave out derivatives (--no-grad), or write an SVG (--svg FILE)")
    let text = expectSuccess(["plot", sweep, "--no-grad", "--ascii"])
    #expect(lines(text).last!.hasSuffix("swish(beta=27)"))
    let svg = expectSuccess(["plot", sweep, "--svg", "-"])
    #expect(Self.pathStyles(svg).filter { $0.title != nil }.count == 54)
  }
}
