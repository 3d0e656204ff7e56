import Activations
import Testing

@testable import ActivCLI

@Suite("plot: terminal")
struct TerminalPlotTests {
  // MARK: - Models

  /// relu as exact pieces: its corner at (0, 0) joins the flat and the rising piece.
  static let reluSeries = PlotSeries(
    label: "relu", order: 0, functionIndex: 0,
    pieces: [[PlotPoint(x: -2, y: 0), PlotPoint(x: 0, y: 0), PlotPoint(x: 2, y: 2)]])
  /// relu′ as two flat pieces: 0 up to the jump at x = 0, then 1.
  static let reluDerivativeSeries = PlotSeries(
    label: "relu\u{2032}", order: 1, functionIndex: 0,
    pieces: [
      [PlotPoint(x: -2, y: 0), PlotPoint(x: 0, y: 0)],
      [PlotPoint(x: 0, y: 1), PlotPoint(x: 2, y: 1)],
    ])

  /// relu's curves (or others) on −2…2 × −0.25…2.25, laid out by `plot`.
  func reluModel(
    _ plot: TerminalPlot,
    _ series: [PlotSeries] = [TerminalPlotTests.reluSeries, TerminalPlotTests.reluDerivativeSeries]
  ) -> PlotModel<TerminalPlot.Layout> {
    PlotModel(
      frame: plot.layout(xRange: -2...2, yRange: -0.25...2.25), series: series, title: nil,
      functionLabels: ["relu"])
  }

  /// sigmoid and its derivative sampled for the plot's own viewport.
  func sigmoidSampler(_ viewport: Viewport) -> [PlotSeries] {
    let sigmoid = Sigmoid()
    return [
      PlotSeries(
        label: "sigmoid", order: 0, functionIndex: 1,
        pieces: Sampler.sample(
          sigmoid.value, kinks: sigmoid.kinks, breakAtEveryKink: false, viewport: viewport)),
      PlotSeries(
        label: "sigmoid\u{2032}", order: 1, functionIndex: 1,
        pieces: Sampler.sample(
          sigmoid.derivative, kinks: sigmoid.kinks, breakAtEveryKink: true, viewport: viewport)),
    ]
  }

  /// sigmoid on −6…6 × −0.05…1.05, titled, laid out by `plot` and sampled for its viewport.
  func sigmoidModel(_ plot: TerminalPlot) -> PlotModel<TerminalPlot.Layout> {
    let layout = plot.layout(xRange: -6...6, yRange: -0.05...1.05)
    return PlotModel(
      frame: layout, series: sigmoidSampler(layout.viewport), title: "sigmoid",
      functionLabels: ["sigmoid"])
  }

  // MARK: - Reading the output back

  /// The lines of an output, without their newlines.
  func textLines(_ text: String) -> [Substring] {
    #expect(text.hasSuffix("\n"))
    return text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The cells a line takes on a terminal: its scalars, less ANSI colour codes.
  func displayWidth(_ line: Substring) -> Int {
    var width = 0
    var inEscape = false
    for scalar in line.unicodeScalars {
      if inEscape {
        if scalar == "m" { inEscape = false }
      } else if scalar == "\u{1B}" {
        inEscape = true
      } else {
        width += 1
      }
    }
    return width
  }

  func isBraille(_ scalar: Unicode.Scalar) -> Bool {
    (0x2800...0x28FF).contains(scalar.value)
  }

  /// The braille dots of a plain (uncoloured) render, as (x, y) in the plot area's dot grid.
  struct Dot: Hashable {
    var x: Int
    var y: Int
  }

  func dots(_ text: String, _ layout: TerminalPlot.Layout, titleLines: Int = 0) -> Set<Dot> {
    var result: Set<Dot> = []
    let all = textLines(text)
    for row in 0..<layout.height {
      let scalars = Array(all[titleLines + row].unicodeScalars)
      for (index, scalar) in scalars.enumerated() where index >= layout.gutter && isBraille(scalar)
      {
        let bits = scalar.value - 0x2800
        let column = index - layout.gutter
        for (bit, (dx, dy)) in [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]
          .enumerated()
        where bits & (1 << UInt32(bit)) != 0 {
          result.insert(Dot(x: column * 2 + dx, y: row * 4 + dy))
        }
      }
    }
    return result
  }

  /// A console on memory streams whose standard output is (or is not) a terminal `width` cells
  /// wide, with these environment variables.
  static func console(_ variables: [String: String], terminal: Bool, width: Int?) -> Console {
    var console = Console(output: MemorySink(), error: MemorySink()) { () throws(SystemError) in
      []
    }
    console.outputIsTerminal = terminal
    console.terminalColumns = width
    console.environment = { variables[$0] }
    return console
  }

  // MARK: - Layout

  @Test("every line fits the columns, with no trailing spaces", arguments: [20, 40, 57, 80, 131])
  func dimensionsFitTheColumns(columns: Int) {
    for ascii in [false, true] {
      for color in [false, true] {
        let plot = TerminalPlot(columns: columns, color: color, ascii: ascii)
        let model = sigmoidModel(plot)
        let layout = model.frame
        #expect(layout.height == max(8, columns / 3))
        #expect(layout.gutter + layout.width == columns)
        let text = plot.render(model)
        let all = textLines(text)
        // Title, plot area, frame, x labels and a legend of one or two lines.
        let legendLines = all.count - (1 + layout.height + 2)
        #expect((1...2).contains(legendLines), "\(columns) columns")
        for line in all {
          #expect(displayWidth(line) <= columns, "\(line)")
          #expect(line.last != " ", "trailing space in \(line)")
        }
      }
    }
  }

  @Test("braille only in the plot area")
  func brailleOnlyInThePlotArea() {
    let plot = TerminalPlot(columns: 60)
    let model = sigmoidModel(plot)
    let layout = model.frame
    let all = textLines(plot.render(model))
    var seen = 0
    for (index, line) in all.enumerated() {
      for (column, scalar) in line.unicodeScalars.enumerated() where isBraille(scalar) {
        seen += 1
        #expect((1...layout.height).contains(index), "braille on line \(index)")
        #expect(column >= layout.gutter, "braille in the gutter on line \(index)")
      }
    }
    #expect(seen > 60)
  }

  // MARK: - Curves

  @Test("relu's corner lands in its cell")
  func reluCornerLandsInItsCell() {
    let plot = TerminalPlot(columns: 40)
    let layout = reluModel(plot).frame
    // 40 columns less a gutter of 3 (`2 ┤`: the ticks are 0, 1, 2) leave 37 cells, 74 dots: x = 0
    // is dot 36.5 rounded away, 37, the right half of cell 18; y = 0 is dot row 46 (2.25 / 2.5 of
    // 51).
    #expect(layout.gutter == 3)
    #expect(layout.zeroColumn == 37)
    #expect(layout.zeroRow == 46)
    let curve = dots(plot.render(reluModel(plot, [Self.reluSeries])), layout)
    let axes = dots(plot.render(reluModel(plot, [])), layout)
    let added = curve.subtracting(axes)
    #expect(curve.isSuperset(of: axes))
    // The flat piece runs along y = 0 up to the corner, the rising piece starts right of it.
    #expect(added.contains(Dot(x: 31, y: 46)))
    #expect(added.filter { $0.y > 46 }.isEmpty)
    let rising = added.filter { $0.y < 46 }
    #expect(rising.map(\.x).min() == 38)
    #expect(rising.map(\.y).max() == 45)
    // The corner's cell: row 11, column 18, holds the corner dot (right column, third row).
    let cornerRow = textLines(plot.render(reluModel(plot, [Self.reluSeries])))[11]
    let cell = Array(cornerRow.unicodeScalars)[layout.gutter + 18].value - 0x2800
    #expect(cell & 0x20 != 0)
  }

  @Test("relu′ is two separate flat pieces, nothing between them but the x = 0 line")
  func reluDerivativeIsTwoSeparatePieces() {
    let plot = TerminalPlot(columns: 40)
    let layout = reluModel(plot).frame
    let drawn = dots(plot.render(reluModel(plot, [Self.reluDerivativeSeries])), layout)
    let axes = dots(plot.render(reluModel(plot, [])), layout)
    // y = 1 is dot row 26 (1.25 / 2.5 of 51 is 25.5, rounded away from zero), y = 0 is row 46.
    let (one, zero) = (26, 46)
    let between = { (dots: Set<Dot>) in dots.filter { $0.y > one && $0.y < zero } }
    #expect(between(drawn) == between(axes))
    let added = drawn.subtracting(axes)
    #expect(added.contains { $0.y == zero && $0.x < 37 })
    #expect(added.contains { $0.y == one && $0.x > 37 })
    #expect(!added.contains { $0.y == one && $0.x < 37 })
    #expect(!added.contains { $0.y == zero && $0.x > 37 })
  }

  @Test("f is solid, f′ dashed")
  func derivativeIsDashedAndFunctionSolid() {
    let plot = TerminalPlot(columns: 40)
    let layout = reluModel(plot).frame
    let flat = { (order: Int) in
      PlotSeries(
        label: "c", order: order, functionIndex: 0,
        pieces: [[PlotPoint(x: -2, y: 2), PlotPoint(x: 2, y: 2)]])
    }
    // y = 2 is dot row 5 (0.25 / 2.5 of 51, rounded).
    let row = { (order: Int) in
      dots(plot.render(reluModel(plot, [flat(order)])), layout).filter { $0.y == 5 && $0.x != 37 }
        .count
    }
    #expect(row(0) == 73)
    let dashed = row(1)
    // 4 dots on, 3 off along 74 dots: 10 × 4 + 4 drawn, less dot 37, on the x = 0 line.
    #expect(dashed == 43)
  }

  @Test("a sampled sigmoid is connected and rising")
  func sampledSigmoidIsConnectedAndRising() {
    // No axis in range, so every dot is the curve's.
    let plot = TerminalPlot(columns: 50)
    let layout = plot.layout(xRange: 0.5...6, yRange: 0.6...1.01)
    let sigmoid = Sigmoid()
    let curve = PlotSeries(
      label: "sigmoid", order: 0, functionIndex: 0,
      pieces: Sampler.sample(
        sigmoid.value, kinks: [], breakAtEveryKink: false, viewport: layout.viewport))
    let model = PlotModel(
      frame: layout, series: [curve], title: nil, functionLabels: ["sigmoid"])
    let drawn = dots(plot.render(model), layout)
    var previous = Int.max
    for x in 0..<(layout.width * 2) {
      let column = drawn.filter { $0.x == x }.map(\.y)
      #expect(!column.isEmpty, "gap at dot column \(x)")
      // Rising: each column's highest dot is no lower than the previous column's.
      #expect(column.min()! <= previous)
      previous = column.min()!
    }
  }

  @Test("points far outside are clipped, non-finite ones skipped")
  func pointsFarOutsideAreClippedAndNonFiniteSkipped() {
    let wild = PlotSeries(
      label: "wild", order: 0, functionIndex: 2,
      pieces: [
        [
          PlotPoint(x: -2, y: -1e300), PlotPoint(x: -1, y: 1e300), PlotPoint(x: 0, y: .nan),
          PlotPoint(x: 1, y: 1), PlotPoint(x: 1e9, y: 1), PlotPoint(x: .infinity, y: 0),
        ],
        [PlotPoint(x: 0.5, y: 0.5)],
      ])
    let plot = TerminalPlot(columns: 40)
    let text = plot.render(reluModel(plot, [wild]))
    for line in textLines(text) { #expect(displayWidth(line) <= 40) }
    let layout = reluModel(plot).frame
    let added = dots(text, layout).subtracting(dots(plot.render(reluModel(plot, [])), layout))
    // The steep segment crosses the whole height half-way between x = −2 and −1 (dots 0 and
    // 18.25); y = 1 runs from x = 1 to the right edge; the single point is drawn.
    #expect(Set(added.filter { (8...10).contains($0.x) }.map(\.y)).count > 40)
    #expect(added.filter { $0.x < 8 || ($0.x > 10 && $0.x < 46) }.isEmpty)
    #expect(added.contains(Dot(x: 65, y: 26)))
    #expect(added.contains(Dot(x: 46, y: 36)))
  }

  // MARK: - Modes

  @Test("ASCII mode is pure ASCII")
  func asciiModeIsPureASCII() {
    let plot = TerminalPlot(columns: 60, ascii: true)
    let text = plot.render(sigmoidModel(plot))
    let isASCII = text.unicodeScalars.allSatisfy(\.isASCII)
    #expect(isASCII)
    // sigmoid is the second function here: `o` for f, `:` for f′.
    #expect(text.contains("o"))
    #expect(text.contains(":"))
    #expect(text.contains("oo sigmoid   :: sigmoid'"))
    #expect(text.contains("-5.0"))
    let colouredPlot = TerminalPlot(columns: 60, color: true, ascii: true)
    let coloured = colouredPlot.render(sigmoidModel(colouredPlot))
    let colouredIsASCII = coloured.unicodeScalars.allSatisfy(\.isASCII)
    #expect(colouredIsASCII)
  }

  @Test("escape codes only with colour, and the same text without them")
  func escapeCodesOnlyWithColor() {
    let two =
      [Self.reluSeries, Self.reluDerivativeSeries] + [
        PlotSeries(
          label: "other", order: 0, functionIndex: 1,
          pieces: [[PlotPoint(x: -2, y: 2), PlotPoint(x: 2, y: -0.25)]])
      ]
    for ascii in [false, true] {
      let plainPlot = TerminalPlot(columns: 50, color: false, ascii: ascii)
      let plain = plainPlot.render(reluModel(plainPlot, two))
      #expect(!plain.contains("\u{1B}"))
      let colouredPlot = TerminalPlot(columns: 50, color: true, ascii: ascii)
      let coloured = colouredPlot.render(reluModel(colouredPlot, two))
      #expect(coloured.contains("\u{1B}[38;5;25m"))  // function 0: Okabe–Ito blue
      #expect(coloured.contains("\u{1B}[38;5;166m"))  // function 1: vermillion
      #expect(coloured.contains("\u{1B}[38;5;244m"))  // the zero lines
      // Every line leaves the default colour behind.
      for line in textLines(coloured) where line.contains("\u{1B}") {
        let last = line.ranges(of: "\u{1B}[").last!
        #expect(line[last.upperBound...].hasPrefix("0m"))
      }
      // Without the codes, the same text.
      var stripped = ""
      var inEscape = false
      for scalar in coloured.unicodeScalars {
        if inEscape {
          inEscape = scalar != "m"
        } else if scalar == "\u{1B}" {
          inEscape = true
        } else {
          stripped.unicodeScalars.append(scalar)
        }
      }
      #expect(stripped == plain)
    }
  }

  @Test("COLUMNS, the terminal, NO_COLOR and TERM decide width and colour")
  func environmentDecidesColumnsAndColor() {
    func decide(_ variables: [String: String], terminal: Bool, width: Int? = 132) -> (Int, Bool) {
      let console = Self.console(variables, terminal: terminal, width: width)
      return (
        console.outputColumns ?? TerminalPlot.defaultColumns, console.colorsOutput(.auto)
      )
    }
    #expect(decide([:], terminal: true) == (132, true))
    #expect(decide(["TERM": "xterm-256color"], terminal: false) == (80, false))
    #expect(decide(["COLUMNS": "100"], terminal: true) == (100, true))
    #expect(decide(["COLUMNS": "100"], terminal: false) == (100, false))
    #expect(decide(["COLUMNS": "wide"], terminal: true, width: nil) == (80, true))
    #expect(decide(["COLUMNS": "0"], terminal: false) == (80, false))
    #expect(decide(["NO_COLOR": "1"], terminal: true) == (132, false))
    #expect(decide(["NO_COLOR": ""], terminal: true) == (132, true))
    #expect(decide(["TERM": "dumb"], terminal: true) == (132, false))
  }

  @Test("--color always colours even in a pipe or under NO_COLOR; never does not colour a terminal")
  func colorOptionOverridesTheEnvironment() {
    func colored(_ mode: ColorMode, _ variables: [String: String], terminal: Bool) -> Bool {
      Self.console(variables, terminal: terminal, width: 100).colorsOutput(mode)
    }
    #expect(colored(.always, ["NO_COLOR": "1", "TERM": "dumb"], terminal: false))
    #expect(!colored(.never, [:], terminal: true))
    #expect(colored(.auto, [:], terminal: true))
    #expect(!colored(.auto, ["NO_COLOR": "1"], terminal: true))
    let escape = "\u{1B}["
    let always = expectSuccess(["plot", "relu", "-1", "1", "--color", "always"])
    #expect(always.contains(escape))
    let never = expectSuccess(["plot", "relu", "-1", "1", "--color=never"])
    #expect(!never.contains(escape))
    expectFailure(
      ["plot", "relu", "--color", "always", "--svg", "x.svg"], .usage,
      "options '--color' and '--svg' cannot be used together; choose one")
    expectFailure(
      ["plot", "relu", "--color", "sometimes"], .usage,
      "bad value 'sometimes' for --color; expected one of auto, always, never")
  }

  @Test("the title is drawn once, above the plot")
  func titleIsDrawnOnce() {
    let lines = textLines(expectSuccess(["plot", "relu", "--title", "T"]))
    #expect(lines.first == "T")
    #expect(lines.filter { $0 == "T" }.count == 1)
    #expect(lines[1].hasPrefix("  \u{2502}") && lines[2].hasPrefix("5 \u{2524}"))
    let plot = TerminalPlot(columns: 40)
    var model = reluModel(plot)
    let untitled = textLines(plot.render(model))
    model.title = "relu and relu\u{2032}"
    let titled = textLines(plot.render(model))
    #expect(titled == ["relu and relu\u{2032}"] + untitled)
  }

  @Test("an in-process run takes width and colour from its console alone")
  func consoleDecidesWidthAndColourOfARun() {
    func run(_ variables: [String: String], terminal: Bool, width: Int?) -> String {
      let output = MemorySink()
      var console = Self.console(variables, terminal: terminal, width: width)
      console.output = output
      #expect(Activ.run(["plot", "relu"], console: console) == 0)
      return output.text
    }
    let widths = { (text: String) in textLines(text).map { self.displayWidth($0) } }
    #expect(widths(run(["COLUMNS": "50"], terminal: false, width: nil)).max() == 50)
    #expect(widths(run([:], terminal: true, width: 61)).max() == 61)
    #expect(widths(run([:], terminal: false, width: 61)).max() == 80)
    #expect(run([:], terminal: true, width: 61).contains("\u{1B}["))
    #expect(!run(["NO_COLOR": "1"], terminal: true, width: 61).contains("\u{1B}["))
    #expect(!run([:], terminal: false, width: 61).contains("\u{1B}["))
  }

  // MARK: - Labels

  @Test("the rendered labels use a real minus sign")
  func labelsAreShortWithARealMinusAndNoNegativeZero() {
    // The label text itself (exact decimals, U+2212, no −0) is AxisTicks's, tested in TickTests.
    let text = TerminalPlot(columns: 50).render(reluModel(TerminalPlot(columns: 50)))
    #expect(text.contains("\u{2212}1"))
    #expect(text.contains("\u{2212}2"))
    #expect(!text.contains("-"))
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      #expect(word != "\u{2212}0")
    }
  }

  // MARK: - Golden

  @Test("the golden 40-column relu plot, braille and ASCII")
  func goldenReluAt40Columns() {
    let expected = """
        │                  ⠨
      2 ┤                  ⠨                ⢀⠔
        │                  ⠨               ⡰⠁
        │                  ⠨             ⡠⠊
        │                  ⠨           ⢀⠎
        │                  ⠨         ⢀⠔⠁
      1 ┤                  ⠨⠤⠄ ⠤⠤ ⠠⠤⡴⠁⠤⠤ ⠠⠤⠄ ⠤
        │                  ⠨      ⡠⠊
        │                  ⠨    ⢀⠎
        │                  ⠨  ⢀⠔⠁
        │                  ⠨ ⡰⠁
      0 ┤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠬⠎⠄⠄⠄⠄⠄⠄⠄⠄⠄⠄⠄⠄⠄⠄⠄⠄⠄
        │                  ⠨
        └┬─────────────────┬─────────────────┬
         −2                0                 2
      ━━ relu   ┅┅ relu′

      """
    let plot = TerminalPlot(columns: 40)
    #expect(plot.render(reluModel(plot)) == expected)

    let expectedASCII = """
        |                  |
      2 +                  |                 *
        |                  |               **
        |                  |             **
        |                  |           **
        |                  |         **
      1 +                  .........*.........
        |                  |      **
        |                  |    **
        |                  |  **
        |                  |**
      0 +*******************------------------
        |                  |
        ++-----------------+-----------------+
         -2                0                 2
      ** relu   .. relu'

      """
    let asciiPlot = TerminalPlot(columns: 40, ascii: true)
    #expect(asciiPlot.render(reluModel(asciiPlot)) == expectedASCII)
  }
}
