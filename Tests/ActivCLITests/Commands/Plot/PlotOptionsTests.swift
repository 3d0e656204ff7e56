import Activations
import Foundation
import Testing

@testable import ActivCLI

/// How `plot -o NAME` must answer: the format NAME's extension gives, or nil for a refusal.
struct OutputNameCase: Sendable, CustomTestStringConvertible {
  var name: String
  var format: PlotFormat?
  var testDescription: String { "-o \(name)" }
}

/// A `--rows`/`--columns` size of the terminal plot and the shape it must have.
struct TerminalSizeCase: Sendable, CustomTestStringConvertible {
  var arguments: [String]
  /// Rows of the plot area (lines with the frame's left edge).
  var rows: Int
  /// The widest line, in characters.
  var columns: Int
  var testDescription: String { arguments.joined(separator: " ") }
}

/// An axis title with characters that must be escaped or dropped, and what each output shows.
struct LabelEscapeCase: Sendable, CustomTestStringConvertible {
  var label: String
  /// The text between `>` and `</text>` in the SVG.
  var svg: String
  /// The terminal plot's line.
  var terminal: String
  var testDescription: String { label.debugDescription }
}

/// Plot conventions: `-o FILE`, `--xlabel`/`--ylabel`, `--rows` and
/// `--columns`, `--points` for every output.
@Suite("plot: options")
struct PlotOptionsTests {
  static let usage = ["run 'activ help plot' for usage"]

  // MARK: - Refusals

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      arguments: ["plot", "gelu", "-o", "gelu.png"], code: .usage,
      message:
        "cannot tell the plot format of 'gelu.png': plot writes .svg or .csv; for a PNG, write "
        + "gelu.svg and run rsvg-convert gelu.svg -o gelu.png", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "-o", "out/gelu.jpeg"], code: .usage,
      message:
        "cannot tell the plot format of 'out/gelu.jpeg': plot writes .svg or .csv; for a PNG, write "
        + "out/gelu.svg and run rsvg-convert out/gelu.svg -o out/gelu.png", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "--output", "gelu.PDF"], code: .usage,
      message:
        "cannot tell the plot format of 'gelu.PDF': plot writes .svg or .csv; for a PDF, write "
        + "gelu.svg and run rsvg-convert -f pdf gelu.svg -o gelu.pdf", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "-o", "gelu.cvs"], code: .usage,
      message:
        "cannot tell the plot format of 'gelu.cvs': plot writes .svg or .csv (did you mean 'gelu.csv'?)",
      hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "-o", "gelu.sgv"], code: .usage,
      message:
        "cannot tell the plot format of 'gelu.sgv': plot writes .svg or .csv (did you mean 'gelu.svg'?)",
      hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "-o", "plots/gelu"], code: .usage,
      message:
        "cannot tell the plot format of 'plots/gelu': plot writes .svg or .csv (did you mean 'plots/gelu.svg'?)",
      hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "-o", "plots.d/"], code: .usage,
      message: "cannot tell the plot format of 'plots.d/': plot writes .svg or .csv", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "-o", "-"], code: .usage,
      message: "-o - names no format; write to standard output with --svg - or --csv -",
      hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "-o", "a.svg", "--svg", "b.svg"], code: .usage,
      message: "options '--output' and '--svg' cannot be used together; choose one", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "-o", "a.CSV", "--csv", "b.csv"], code: .usage,
      message: "options '--output' and '--csv' cannot be used together; choose one", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "-o", "a.svg", "--rows", "10"], code: .usage,
      message: "options '--rows' and '--output' cannot be used together; choose one", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "--svg", "a.svg", "--columns", "60"], code: .usage,
      message: "options '--columns' and '--svg' cannot be used together; choose one", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "-o", "a.csv", "--ascii"], code: .usage,
      message: "options '--ascii' and '--output' cannot be used together; choose one",
      hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "-o"], code: .usage,
      message: "option '--output' needs a value (--output FILE)", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "--rows", "2"], code: .usage,
      message: "bad value '2' for --rows; expected a whole number from 3 to 1000", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "--rows", "1001"], code: .usage,
      message: "bad value '1001' for --rows; expected a whole number from 3 to 1000", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "--rows", "-5"], code: .usage,
      message: "bad value '-5' for --rows; expected a whole number from 3 to 1000", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "--columns", "19"], code: .usage,
      message: "bad value '19' for --columns; expected a whole number from 20 to 1000",
      hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "--columns", "wide"], code: .usage,
      message: "bad value 'wide' for --columns; expected a whole number from 20 to 1000",
      hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "--xlabel", ""], code: .usage,
      message: "bad value '' for --xlabel; expected some text", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "--ylabel"], code: .usage,
      message: "option '--ylabel' needs a value (--ylabel TEXT)", hints: usage),
    ErrorCase(
      arguments: ["plot", "gelu", "--points", "1"], code: .usage,
      message: "bad value '1' for --points; expected a whole number from 2 to 1000000",
      hints: usage),
  ]

  @Test(
    "bad -o names, conflicts and sizes are usage errors (64) with exact messages",
    arguments: errorCases)
  func refusals(_ errorCase: ErrorCase) {
    errorCase.check()
  }

  // MARK: - -o FILE

  static let names: [OutputNameCase] = [
    OutputNameCase(name: "gelu.svg", format: .svg), OutputNameCase(name: "gelu.SVG", format: .svg),
    OutputNameCase(name: "out/gelu.Csv", format: .csv),
    OutputNameCase(name: "a.b.svg", format: .svg), OutputNameCase(name: "svg", format: nil),
    OutputNameCase(name: "gelu.svg.png", format: nil),
    OutputNameCase(name: "dir.svg/gelu", format: nil), OutputNameCase(name: "-", format: nil),
    OutputNameCase(name: "gelu.", format: nil),
  ]

  @Test("-o takes the format from the file name's extension, in any case", arguments: names)
  func formatFromExtension(_ testCase: OutputNameCase) {
    let format = try? PlotFormat(path: testCase.name)
    #expect(format == testCase.format)
  }

  @Test("-o FILE.svg and -o FILE.csv write what --svg and --csv write")
  func outputMatchesTheFormatOptions() throws {
    try withTemporaryDirectory { dir in
      for (option, name) in [("--svg", "plot.svg"), ("--csv", "plot.csv")] {
        let arguments = ["plot", "gelu", "mish", "-2", "2", "--title", "T"]
        expectOutput(arguments + [option, dir + "by-option"], "")
        expectOutput(arguments + ["-o", dir + name], "")
        let expected = try #require(readFile(dir + "by-option"))
        #expect(readFile(dir + name) == expected)
        #expect(!expected.isEmpty)
      }
      // -o fills the other format's slot: both files, nothing on standard output.
      expectOutput(["plot", "relu", "-o", dir + "both.SVG", "--csv", dir + "both.csv"], "")
      #expect(readFile(dir + "both.SVG")?.hasPrefix("<svg ") == true)
      #expect(readFile(dir + "both.csv")?.hasPrefix("x,relu,relu_grad\n") == true)
    }
  }

  /// A refused or failed `-o` run leaves the directory as it was: no new file, no temporary file,
  /// an existing target byte for byte.
  @Test(
    "a failed -o run writes no file and leaves an existing one untouched",
    arguments: [
      (["-o", "{dir}/new.png"], ExitCode.usage),
      (["-o", "{dir}/existing.svg", "--ylim", "1", "0"], .usage),
      (["-o", "{dir}/existing.svg", "--svg", "{dir}/other.svg"], .usage),
      (["-o", "{dir}/existing.svg", "--rows", "12"], .usage),
      (["-o", "{dir}/existing.svg", "--csv", "{dir}/file/x.csv"], .cannotCreate),
      (["-o", "{dir}/file/x.svg"], .cannotCreate),
      (["-o", "{dir}/existing.csv", "--points", "0"], .usage),
    ])
  func failureLeavesFilesAlone(_ arguments: [String], _ code: ExitCode) throws {
    try withTemporaryDirectory { dir in
      try writeFile(dir + "existing.svg", "old svg\n")
      try writeFile(dir + "existing.csv", "old csv\n")
      try writeFile(dir + "file", "a regular file, not a directory\n")
      let before = directoryListing(dir)
      let run = activ(
        ["plot", "gelu"]
          + arguments.map { $0.replacingOccurrences(of: "{dir}/", with: dir) })
      #expect(run.status == code.rawValue)
      #expect(run.stdout == "")
      #expect(directoryListing(dir) == before)
      #expect(readFile(dir + "existing.svg") == "old svg\n")
      #expect(readFile(dir + "existing.csv") == "old csv\n")
    }
  }

  @Test("-o replaces an existing file only with a complete plot")
  func outputReplacesAfterSuccess() throws {
    try withTemporaryDirectory { dir in
      try writeFile(dir + "plot.svg", "old\n")
      expectOutput(["plot", "relu", "-o", dir + "plot.svg"], "")
      let svg = try #require(readFile(dir + "plot.svg"))
      #expect(svg.hasPrefix("<svg ") && svg.hasSuffix("</svg>\n"))
      #expect(directoryListing(dir) == ["plot.svg"])
    }
  }

  // MARK: - Axis titles

  /// The SVG of `activ plot relu ARGUMENTS`, written to standard output.
  func svg(_ arguments: [String]) -> String {
    expectSuccess(["plot", "relu", "--svg", "-"] + arguments)
  }

  @Test("without --xlabel/--ylabel the SVG keeps its italic x, no y title and its box")
  func defaultAxisTitles() {
    let text = svg([])
    #expect(
      text.contains(
        "<text class=\"fg\" x=\"341\" y=\"392\" text-anchor=\"middle\" fill=\"#222222\" font-style=\"italic\">x</text>\n"
      ))
    #expect(!text.contains("rotate(-90)"))
    #expect(text.contains("<clipPath id=\"box\"><rect x=\"58\" y=\"14\" width=\"566\""))
  }

  @Test("--xlabel replaces the italic x; --ylabel is set upright at the left and moves the box")
  func svgAxisTitles() {
    let text = svg(["--xlabel", "input", "--ylabel", "output"])
    #expect(
      text.contains(
        "<text class=\"fg\" fill=\"#222222\" text-anchor=\"middle\" x=\"351\" y=\"392\">input</text>\n"
      ))
    #expect(
      text.contains(
        "<text class=\"fg\" fill=\"#222222\" text-anchor=\"middle\" transform=\"translate(18 184) rotate(-90)\">output</text>\n"
      ))
    #expect(!text.contains("font-style=\"italic\">x</text>"))
    #expect(text.contains("<clipPath id=\"box\"><rect x=\"78\" y=\"14\" width=\"546\""))
    // Only the x title: the box stays where it was.
    #expect(svg(["--xlabel", "input"]).contains("<clipPath id=\"box\"><rect x=\"58\" y=\"14\""))
  }

  static let escapes: [LabelEscapeCase] = [
    LabelEscapeCase(
      label: "a<b & c>\"d\"", svg: "a&lt;b &amp; c&gt;&quot;d&quot;", terminal: "a<b & c>\"d\""),
    LabelEscapeCase(label: "red\u{1B}[31m!", svg: "red[31m!", terminal: "red?[31m!"),
    LabelEscapeCase(
      label: "bell\u{07}del\u{7F}c1\u{9B}", svg: "belldelc1", terminal: "bell?del?c1?"),
    LabelEscapeCase(label: "tab\tline\nend", svg: "tab\tline\nend", terminal: "tab?line?end"),
    LabelEscapeCase(
      label: "bad\u{FFFF}\u{FFFE}xml", svg: "badxml", terminal: "bad\u{FFFF}\u{FFFE}xml"),
    LabelEscapeCase(label: "∂f/∂x", svg: "∂f/∂x", terminal: "∂f/∂x"),
  ]

  @Test(
    "axis titles are XML-escaped in the SVG and lose control characters in the terminal",
    arguments: escapes)
  func labelEscaping(_ testCase: LabelEscapeCase) {
    let text = svg(["--ylabel", testCase.label])
    #expect(text.contains("rotate(-90)\">" + testCase.svg + "</text>\n"))
    let terminal = expectSuccess([
      "plot", "relu", "--columns", "40", "--rows", "4", "--ylabel", testCase.label, "--xlabel",
      testCase.label,
    ])
    let rows = lines(terminal)
    #expect(rows.first.map(String.init) == testCase.terminal)
    #expect(rows.contains { $0.trimmingCharacters(in: .whitespaces) == testCase.terminal })
    #expect(!terminal.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
  }

  @Test("control characters of a title or a legend name never reach the terminal")
  func terminalTextHasNoControls() {
    let out = expectSuccess([
      "plot", "relu", "--columns", "40", "--title", "t\u{1B}]0;owned\u{07}", "--name",
      "n\u{1B}[2J", "--color", "never",
    ])
    #expect(!out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(lines(out).first == "t?]0;owned?")
    #expect(out.contains("n?[2J"))
  }

  @Test("the terminal puts --ylabel above the plot at the left and --xlabel centred under it")
  func terminalAxisTitles() {
    let out = expectSuccess([
      "plot", "relu", "--columns", "40", "--rows", "5", "--title", "T", "--xlabel", "input x",
      "--ylabel", "relu(x)", "--ascii",
    ])
    let rows = lines(out)
    #expect(rows[0] == "T")
    #expect(rows[1] == "relu(x)")
    // Five plot rows, the axis, the x labels, then the x title centred under the plot area.
    #expect(rows[9].hasPrefix(" ") && rows[9].hasSuffix("input x"))
    let start = rows[9].prefix { $0 == " " }.count
    let gutter = rows[2].prefix { $0 != "+" }.count + 1
    #expect(start == gutter + (40 - gutter - 7) / 2)
    #expect(rows[10].hasPrefix("**"))
  }

  // MARK: - Terminal size

  static let sizes: [TerminalSizeCase] = [
    TerminalSizeCase(arguments: ["--columns", "40"], rows: 13, columns: 40),
    TerminalSizeCase(arguments: ["--columns", "40", "--rows", "3"], rows: 3, columns: 40),
    TerminalSizeCase(arguments: ["--columns", "20", "--rows", "30"], rows: 30, columns: 20),
    TerminalSizeCase(arguments: ["--columns", "120", "--rows", "10"], rows: 10, columns: 120),
    TerminalSizeCase(arguments: ["--rows", "12"], rows: 12, columns: 80),
    TerminalSizeCase(
      arguments: ["--ascii", "--columns", "33", "--rows", "7"], rows: 7, columns: 33),
  ]

  @Test("--rows sets the plot area's rows and --columns the width", arguments: sizes)
  func terminalSize(_ size: TerminalSizeCase) {
    let out = expectSuccess(["plot", "relu", "gelu"] + size.arguments)
    let rows = lines(out)
    // The plot area: every line before the bottom of the frame.
    let bottom = rows.firstIndex { $0.contains("└") || $0.contains("+-") }
    #expect(bottom == size.rows)
    #expect(rows.map(\.count).max() == size.columns)
  }

  @Test("--columns overrides COLUMNS and the terminal's width")
  func columnsOverridesConsole() {
    for (arguments, width) in [([String](), 100), (["--columns", "50"], 50)] {
      let output = MemorySink()
      var console = Console(output: output, error: MemorySink()) {
        () throws(SystemError) -> [UInt8] in []
      }
      console.environment = { $0 == "COLUMNS" ? "100" : nil }
      console.outputIsTerminal = true
      console.terminalColumns = 120
      #expect(Activ.run(["plot", "relu", "--color", "never"] + arguments, console: console) == 0)
      #expect(lines(output.text).map(\.count).max() == width)
    }
  }

  // MARK: - --points

  @Test("--points N draws the SVG curve through the N grid points the CSV holds")
  func pointsSetTheSVGSampling() throws {
    let text = expectSuccess(["plot", "x*x", "-2", "2", "--no-grad", "--points", "5", "--svg", "-"])
    let path = try #require(
      text.split(separator: "\n").first {
        $0.hasPrefix("<path class=\"c0\"") && $0.contains("<title>")
      })
    let data = path.components(separatedBy: " d=\"")[1].components(separatedBy: "\"")[0]
    #expect(!data.dropFirst().contains("M"))
    let vertices = data.dropFirst().replacingOccurrences(of: "L", with: " ").split(separator: " ")
    // x = −2, −1, 0, 1, 2 across the box from 58 to 624.
    #expect(vertices.map { $0.split(separator: ",")[0] } == ["58", "199.5", "341", "482.5", "624"])
    let csv = expectSuccess(["plot", "x*x", "-2", "2", "--no-grad", "--points", "5", "--csv", "-"])
    #expect(csvRows(csv).dropFirst().map { $0[0] } == ["-2", "-1", "0", "1", "2"])
  }

  @Test("--points keeps the catalogue's kinks: relu′ stays two pieces, relu's corner sharp")
  func pointsKeepKinks() throws {
    let viewport = Viewport(
      xRange: -1...1, yRange: -1...2, left: 0, top: 0, width: 100, height: 100)
    let relu = ReLU()
    let grid = [-1, -0.3, 0.4, 1.0]
    let f = Sampler.sample(
      { relu.value($0) }, kinks: relu.kinks, breakAtEveryKink: false, viewport: viewport,
      grid: grid)
    #expect(f.map { $0.map(\.x) } == [[-1, -0.3, 0, 0.4, 1]])
    let derivative = Sampler.sample(
      { relu.derivative($0) }, kinks: relu.kinks, breakAtEveryKink: true, viewport: viewport,
      grid: grid)
    #expect(derivative.map { $0.map(\.x) } == [[-1, -0.3, 0], [0, 0.4, 1]])
    #expect(derivative.map { $0.map(\.y) } == [[0, 0, 0], [1, 1, 1]])
  }

  @Test("--points changes the terminal curve and needs no --csv any more")
  func pointsSetTheTerminalSampling() {
    let coarse = expectSuccess([
      "plot", "sin(3*x)", "--no-grad", "--points", "7", "--columns", "40",
    ])
    let fine = expectSuccess(["plot", "sin(3*x)", "--no-grad", "--columns", "40"])
    #expect(coarse != fine)
    #expect(lines(coarse).count == lines(fine).count)
  }

  @Test("without --points the curves are sampled as before: the default bytes do not move")
  func defaultSamplingUnchanged() {
    let plain = expectSuccess(["plot", "gelu", "--svg", "-"])
    let labelled = expectSuccess(["plot", "gelu", "--svg", "-", "--xlabel", "x"])
    // Only the x title's line differs (upright x instead of italic x).
    let a = lines(plain)
    let b = lines(labelled)
    #expect(a.count == b.count)
    #expect(zip(a, b).filter { $0 != $1 }.count == 1)
  }
}
