import Activations
import Foundation
import Testing

@testable import ActivCLI

/// One axis range and the ticks the default SVG's x axis (566 px, 58 px left and 16 px right of
/// it) should get.
struct TickCase: CustomTestStringConvertible, Sendable {
  var name: String
  var low: Double
  var high: Double
  var labels: [String]
  var note: String?
  var testDescription: String { name }
}

/// Where an axis's labels may go: the room given to the chooser, to check its answer against.
struct TickRoom: CustomTestStringConvertible, Sendable {
  var name: String
  var length: Double
  var spacing: Double
  /// Characters to extent along the axis (nil: a fixed extent of `height`).
  var characterWidth: Double?
  var height: Double
  var gap: Double
  var before: Double
  var after: Double
  var testDescription: String { name }

  func extent(_ label: String) -> Double {
    characterWidth.map { $0 * Double(label.count) } ?? height
  }

  var room: AxisTicks.Room {
    AxisTicks.Room(
      length: length, spacing: spacing, extent: extent, gap: gap, before: before, after: after)
  }
}

private let minus = "\u{2212}"

@Suite("plot: ticks at any scale")
struct TickTests {
  static let cases: [TickCase] = [
    TickCase(
      name: "tiny, 3e-8 to 3.5e-8", low: 3e-8, high: 3.5e-8,
      labels: ["3.0", "3.1", "3.2", "3.3", "3.4", "3.5"], note: "×1e\(minus)8"),
    TickCase(
      name: "1e-300 wide", low: 0, high: 1e-300,
      labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], note: "×1e\(minus)300"),
    TickCase(
      name: "1e300 wide", low: 0, high: 1e300,
      labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], note: "×1e300"),
    TickCase(
      name: "2e300 wide, mixed sign", low: -1e300, high: 1e300,
      labels: [
        "\(minus)1.00", "\(minus)0.75", "\(minus)0.50", "\(minus)0.25", "0.00", "0.25",
        "0.50", "0.75", "1.00",
      ], note: "×1e300"),
    TickCase(
      name: "offset, 1000 to 1000.001", low: 1000, high: 1000.001,
      labels: ["0.0000", "0.0002", "0.0004", "0.0006", "0.0008"], note: "+1000"),
    TickCase(
      name: "negative, −50 to −10", low: -50, high: -10,
      labels: ["50", "45", "40", "35", "30", "25", "20", "15", "10"].map { minus + $0 }),
    TickCase(
      name: "mixed, −300 to 300", low: -300, high: 300,
      labels: ["\(minus)300", "\(minus)200", "\(minus)100", "0", "100", "200", "300"]),
    TickCase(
      name: "−1e6 to 1e6", low: -1e6, high: 1e6,
      labels: [
        "\(minus)1.00", "\(minus)0.75", "\(minus)0.50", "\(minus)0.25", "0.00", "0.25",
        "0.50", "0.75", "1.00",
      ], note: "×1e6"),
    TickCase(
      name: "0 to 140", low: 0, high: 140,
      labels: ["0", "20", "40", "60", "80", "100", "120", "140"]),
    TickCase(
      name: "−50 to 50", low: -50, high: 50,
      labels: ["\(minus)40", "\(minus)20", "0", "20", "40"]),
    TickCase(
      name: "1e-9 to 2e-9", low: 1e-9, high: 2e-9,
      labels: ["1.0", "1.2", "1.4", "1.6", "1.8", "2.0"], note: "×1e\(minus)9"),
    TickCase(
      name: "±6e15", low: -6e15, high: 6e15,
      labels: ["\(minus)6", "\(minus)4", "\(minus)2", "0", "2", "4", "6"], note: "×1e15"),
    TickCase(
      name: "offset far out, 1e300 to 1e300 + 1e290", low: 1e300, high: 1e300 + 1e290,
      labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], note: "×1e290 +1e300"),
    TickCase(
      name: "the gallery's −5 to 5", low: -5, high: 5,
      labels: ["\(minus)4", "\(minus)2", "0", "2", "4"]),
  ]

  /// The default SVG's x axis.
  static let svgX = TickRoom(
    name: "SVG x", length: 566, spacing: 60, characterWidth: 7, height: 0, gap: 8, before: 58,
    after: 16)

  static let rooms: [TickRoom] = [
    svgX,
    TickRoom(
      name: "SVG y", length: 340, spacing: 40, characterWidth: nil, height: 12, gap: 4, before: 8,
      after: 8),
    TickRoom(
      name: "narrow SVG x", length: 250, spacing: 60, characterWidth: 7, height: 0, gap: 8,
      before: 58, after: 16),
    TickRoom(
      name: "terminal x", length: 73, spacing: 8, characterWidth: 1, height: 0, gap: 2, before: 6,
      after: 2),
    TickRoom(
      name: "terminal y", length: 25, spacing: 3, characterWidth: nil, height: 1, gap: 1,
      before: 0.5, after: 0.5),
  ]

  @Test("labels are the exact short decimals of nice steps", arguments: cases)
  func labels(_ tickCase: TickCase) {
    let ticks = AxisTicks.make(range: tickCase.low...tickCase.high, room: Self.svgX.room)
    #expect(ticks.labels == tickCase.labels)
    #expect(ticks.note == tickCase.note)
  }

  @Test(
    "ticks are increasing, evenly spaced, readable, apart and inside their room",
    arguments: cases, rooms)
  func wellFormed(_ tickCase: TickCase, _ room: TickRoom) throws {
    let range = tickCase.low...tickCase.high
    let ticks = AxisTicks.make(range: range, room: room.room)
    #expect(ticks.values.count == ticks.labels.count)
    #expect(ticks.values.count >= 2)
    let steps = zip(ticks.values, ticks.values.dropFirst()).map { $1 - $0 }
    let step = try #require(steps.first)
    // Values far from zero are exact only to their spacing of doubles.
    let resolution = 4 * ticks.values.map { $0.magnitude.ulp }.max()! / step
    for difference in steps {
      #expect(difference > 0)
      #expect(abs(difference - step) <= step * (1e-9 + resolution))
    }
    // A nice step: 1, 2, 2.5 or 5 times a power of ten.
    let scaled = step / pow(10, floor(log10(step)))
    #expect([1, 2, 2.5, 5, 10].contains { abs(scaled - $0) < 1e-9 + 10 * resolution })
    for label in ticks.labels {
      // Digits, at most one point, a real minus sign in front: no float noise, no exponent.
      let body = label.hasPrefix(minus) ? String(label.dropFirst()) : label
      #expect(body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }, "\(label)")
      #expect(body.filter { $0 == "." }.count <= 1)
      #expect(label.count <= 8, "\(label)")
      // Never an extra zero: `0` or `0.…` but not `00`; no −0.
      #expect(!body.hasPrefix("00"))
      #expect(label != minus + "0")
    }
    #expect(Set(ticks.labels).count == ticks.labels.count)
    // Apart and inside.
    let span = tickCase.high - tickCase.low
    let positions = ticks.values.map { ($0 - tickCase.low) / span * room.length }
    for i in positions.indices.dropLast() {
      let needed = (room.extent(ticks.labels[i]) + room.extent(ticks.labels[i + 1])) / 2 + room.gap
      #expect(positions[i + 1] - positions[i] >= needed)
    }
    for (position, label) in zip(positions, ticks.labels) {
      #expect(position - room.extent(label) / 2 >= -room.before)
      #expect(position + room.extent(label) / 2 <= room.length + room.after)
    }
  }

  /// Ranges 1e-300 to 1e300 wide, every 7th power of ten and between, at offsets from none to a
  /// million widths away, on either side of zero.
  static let sweep: [TickCase] = stride(from: -300, through: 300, by: 7).flatMap { power in
    [1.0, 3.7].flatMap { scale in
      let width = scale * pow(10, Double(power))
      return [0, -0.5, 1000, -123_456, 1e6 * Double.pi].map { shift in
        TickCase(
          name: "\(width) wide from \(shift * width)", low: shift * width,
          high: shift * width + width, labels: [])
      }
    }
  }

  @Test("any scale and offset: well-formed ticks in every room")
  func sweepIsWellFormed() throws {
    for tickCase in Self.sweep {
      for room in Self.rooms {
        try wellFormed(tickCase, room)
      }
      try valuesMatchLabels(tickCase)
    }
  }

  @Test("the values are the labels read back, times the factor, plus the offset", arguments: cases)
  func valuesMatchLabels(_ tickCase: TickCase) throws {
    let ticks = AxisTicks.make(range: tickCase.low...tickCase.high, room: Self.svgX.room)
    var factor = 1.0
    var offset = 0.0
    for part in (ticks.note ?? "").split(separator: " ") {
      let text = part.replacingOccurrences(of: minus, with: "-")
      if text.hasPrefix("×") {
        factor = try #require(Double(text.dropFirst()))
      } else {
        offset = try #require(Double(text))
      }
    }
    for (value, label) in zip(ticks.values, ticks.labels) {
      let read = try #require(Double(label.replacingOccurrences(of: minus, with: "-")))
      let tolerance = max(abs(value), abs(offset)) * 1e-12 + 1e-300
      #expect(abs(read * factor + offset - value) <= tolerance, "\(label) for \(value)")
    }
  }
}

// MARK: - Through `activ plot`

/// The texts of an SVG's tick labels (x, then y, then the notes) and their anchor points.
private func tickTexts(_ svg: String) -> [(x: Double, text: String)] {
  svg.split(separator: "\n").filter {
    $0.hasPrefix("<text x=") && $0.contains("text-anchor=")
  }
  .map { line in
    let x = Double(line.components(separatedBy: "x=\"")[1].components(separatedBy: "\"")[0])!
    let text = line.components(separatedBy: "\">")[1].components(separatedBy: "</text>")[0]
    return (x, text)
  }
}

/// Runs `activ plot … --svg FILE` and returns the SVG.
private func svgOf(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation)
  throws -> String
{
  try withTemporaryDirectory { dir in
    let path = dir + "ticks.svg"
    expectOutput(["plot"] + arguments + ["--svg", path], "", sourceLocation: sourceLocation)
    return readFile(path) ?? ""
  }
}

/// An `activ plot` run and the labels its SVG must show.
struct PlotTickCase: CustomTestStringConvertible, Sendable {
  var arguments: [String]
  /// Labels that must appear (in order, as a contiguous run) among the tick texts.
  var expected: [String]
  var testDescription: String { arguments.joined(separator: " ") }
}

@Suite("plot: tick regressions")
struct TickRegressionTests {
  static let svgCases: [PlotTickCase] = [
    // Labels gained zeros for steps m·10^k, k ≥ 1.
    PlotTickCase(
      arguments: ["relu", "-50", "50"],
      expected: ["\(minus)40", "\(minus)20", "0", "20", "40", "0", "10", "20"]),
    PlotTickCase(
      arguments: ["exp(x)", "--no-grad"], expected: ["0", "20", "40", "60", "80", "100"]),
    PlotTickCase(
      arguments: ["relu", "--ylim", "-300", "300"],
      expected: ["\(minus)300", "\(minus)200", "\(minus)100", "0", "100", "200", "300"]),
    PlotTickCase(
      arguments: ["relu", "--ylim", "-1e6", "1e6"],
      expected: ["\(minus)1.0", "\(minus)0.5", "0.0", "0.5", "1.0", "×1e6"]),
    // Tiny ranges printed float noise.
    PlotTickCase(
      arguments: ["relu", "3e-8", "3.5e-8"],
      expected: ["3.0", "3.1", "3.2", "3.3", "3.4", "3.5"]),
    PlotTickCase(
      arguments: ["relu", "--ylim", "1e-9", "2e-9"],
      expected: ["1.0", "1.2", "1.4", "1.6", "1.8", "2.0", "×1e\(minus)9"]),
    // Huge labels were never shortened.
    PlotTickCase(
      arguments: ["1/(x-0.3)", "-2", "2", "--no-grad", "--ylim", "-6e15", "6e15"],
      expected: ["\(minus)6", "\(minus)4", "\(minus)2", "0", "2", "4", "6", "×1e15"]),
    PlotTickCase(
      arguments: ["relu", "1000", "1000.001"],
      expected: ["0.0000", "0.0002", "0.0004", "0.0006", "0.0008"]),
  ]

  @Test("SVG tick labels are short, exact and on the canvas", arguments: svgCases)
  func svgLabels(_ plotCase: PlotTickCase) throws {
    let svg = try svgOf(plotCase.arguments)
    let texts = tickTexts(svg)
    let words = texts.map(\.text)
    let found = words.indices.contains { start in
      Array(words.dropFirst(start).prefix(plotCase.expected.count)) == plotCase.expected
    }
    #expect(found, "\(words)")
    for word in words {
      #expect(!word.contains("e-") && !word.contains("00000") && word.count <= 8, "\(word)")
      let body = word.hasPrefix(minus) ? String(word.dropFirst()) : word
      #expect(!body.hasPrefix("00"), "\(word)")
    }
    // x labels are centred on their x, y labels end 7 px left of the box: all inside 640 px.
    for (x, text) in texts where !text.hasPrefix("×") && !text.hasPrefix("+") {
      let width = 7 * Double(text.count)
      #expect(x - width >= 0 && x + width / 2 <= 640, "\(text) at \(x)")
    }
  }

  @Test("a long y label widens the left margin instead of leaving the canvas")
  func marginGrows() {
    let plot = SVGPlot(width: 640, height: 400, theme: .light, legend: .none)
    #expect(plot.viewport(xRange: -5...5, yRange: -1...5, hasTitle: false).left == 58)
    // Labels such as −0.0025 need 49 px.
    let wide = plot.viewport(xRange: -5...5, yRange: -0.0025...0, hasTitle: false)
    let labels = SVGPlot.yTicks(-0.0025...0, length: wide.height).labels
    #expect(labels.first == "\(minus)0.0025")
    let longest = labels.map(SVGPlot.labelWidth).max()!
    #expect(longest > 47)
    #expect(wide.left - 7 - longest >= 4)
  }

  /// The y labels of a terminal plot: the gutter's words, top to bottom.
  private func terminalLabels(_ arguments: [String]) -> (y: [String], text: String) {
    let text = expectSuccess(["plot"] + arguments + ["--ascii"])
    var labels: [String] = []
    for line in text.split(separator: "\n") {
      guard let bar = line.firstIndex(where: { $0 == "+" || $0 == "|" }) else { continue }
      let word = line[..<bar].trimmingCharacters(in: .whitespaces)
      if !word.isEmpty && line[bar] == "+" { labels.append(word) }
    }
    return (labels, text)
  }

  @Test("the terminal plot labels nice ticks, not the ends: sigmoid tops out at 1.0")
  func terminalSigmoid() {
    let (labels, text) = terminalLabels(["sigmoid"])
    #expect(labels == ["1.0", "0.8", "0.6", "0.4", "0.2", "0.0"])
    #expect(!text.contains("1.006"))
    // Each x tick is labelled, not just MIN, MAX and 0.
    #expect(text.contains(" -4 ") && text.contains(" -2 ") && text.contains(" 2 "))
  }

  @Test("the terminal plot shares the SVG's notation for tiny and huge ranges")
  func terminalScales() {
    let tiny = terminalLabels(["relu", "--ylim", "1e-9", "2e-9"])
    #expect(tiny.y == ["2.0", "1.8", "1.6", "1.4", "1.2", "1.0"])
    #expect(tiny.text.hasPrefix("x1e-9\n"))
    let huge = terminalLabels(["relu", "--ylim", "-1e6", "1e6"])
    #expect(huge.y.contains("0.0") && huge.y.allSatisfy { $0.count <= 5 })
    #expect(huge.text.hasPrefix("x1e6\n"))
    let offset = expectSuccess(["plot", "relu", "1000", "1000.001", "--ascii"])
    #expect(offset.split(separator: "\n").contains { $0.hasSuffix(" +1000") })
    #expect(!offset.contains("1000.0002"))
    let braille = expectSuccess(["plot", "relu", "--ylim", "-300", "300"])
    #expect(braille.contains("\(minus)300 ┤") && braille.contains("\n   0 ┤"))
    #expect(!braille.contains("000 ┤0"))
  }
}
