import Activations
import Foundation
import Testing

@testable import ActivCLI

/// The sub-paths (pixel points) of the curve labelled `label` in an SVG; empty when it is not drawn.
private func subpaths(of label: String, in svg: String) -> [[(x: Double, y: Double)]] {
  let title = label.replacingOccurrences(of: ">", with: "&gt;")
  for line in svg.split(separator: "\n")
  where line.hasPrefix("<path class=\"c") && line.hasSuffix("<title>\(title)</title></path>") {
    let data = line.components(separatedBy: " d=\"")[1].components(separatedBy: "\"")[0]
    return data.split(separator: "M").map { piece in
      piece.replacingOccurrences(of: "L", with: " ").split(separator: " ").map {
        pair -> (x: Double, y: Double) in
        let xy = pair.split(separator: ",")
        return (Double(xy[0])!, Double(xy[1])!)
      }
    }
  }
  return []
}

/// The y-range an SVG states in its description ("the y-axis runs from A to B.").
private func statedYRange(_ svg: String) -> (low: Double, high: Double)? {
  guard let tail = svg.components(separatedBy: "the y-axis runs from ").dropFirst().first else {
    return nil
  }
  let words = tail.components(separatedBy: ".</desc>")[0].replacingOccurrences(
    of: "\u{2212}", with: "-"
  ).components(separatedBy: " to ")
  guard words.count == 2, let low = Double(words[0]), let high = Double(words[1]) else {
    return nil
  }
  return (low, high)
}

/// `activ plot ARGUMENTS --svg -`: the SVG on standard output.
private func svgOf(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation)
  -> String
{
  expectSuccess(["plot"] + arguments + ["--svg", "-"], sourceLocation: sourceLocation)
}

@Suite("plot: poles, jumps and the automatic y-range")
struct DiscontinuityTests {
  // The default canvas: 640 × 400, plot box x ∈ [58, 624].
  static func pixelX(_ x: Double, _ low: Double, _ high: Double) -> Double {
    58 + (x - low) / (high - low) * 566
  }

  struct Discontinuity: CustomTestStringConvertible, Sendable {
    var spec: String
    var low: Double
    var high: Double
    /// Where f jumps or has a pole.
    var at: [Double]
    /// A pole (the pieces leave the box) rather than a finite jump (the right piece starts at it).
    var isPole: Bool
    var testDescription: String { "\(spec) on \(low)…\(high)" }
  }

  static let discontinuities = [
    Discontinuity(spec: "1/x", low: -2, high: 2, at: [0], isPole: true),
    Discontinuity(spec: "1/(x-0.3)", low: -2, high: 2, at: [0.3], isPole: true),
    Discontinuity(
      spec: "tan(x)", low: -2, high: 2, at: [-Double.pi / 2, Double.pi / 2], isPole: true),
    Discontinuity(
      spec: "tan(x)", low: -5, high: 5, at: [-3, -1, 1, 3].map { $0 * Double.pi / 2 }, isPole: true),
    Discontinuity(spec: "floor(x)", low: -2.5, high: 2.5, at: [-2, -1, 0, 1, 2], isPole: false),
    Discontinuity(spec: "floor(x)", low: -3, high: 3, at: [-2, -1, 0, 1, 2], isPole: false),
    Discontinuity(spec: "sign(x)", low: -1, high: 1, at: [0], isPole: false),
    Discontinuity(spec: "sign(x)", low: -1.3, high: 1.7, at: [0], isPole: false),
    Discontinuity(spec: "where(x>0, 1, -1)", low: -1, high: 1, at: [0], isPole: false),
    Discontinuity(spec: "where(x>0.25, x, x-1)", low: -1, high: 1, at: [0.25], isPole: false),
  ]

  @Test(
    "an expression's path breaks at each jump and pole, and no segment spans one",
    arguments: discontinuities)
  func pathBreaks(_ c: Discontinuity) {
    let svg = svgOf([c.spec, String(c.low), String(c.high), "--no-grad"])
    let pieces = subpaths(of: c.spec, in: svg)
    #expect(pieces.count >= c.at.count + 1, "one more sub-path than discontinuities")
    for x in c.at.map({ Self.pixelX($0, c.low, c.high) }) {
      for piece in pieces {
        for (p, q) in zip(piece, piece.dropFirst()) {
          #expect(!(p.x < x - 0.05 && q.x > x + 0.05), "a segment crosses x = \(x) px")
          #expect(
            !(abs(p.x - x) <= 0.05 && abs(q.x - x) <= 0.05 && abs(p.y - q.y) > 1),
            "a vertical riser at x = \(x) px")
        }
      }
      if !c.isPole {
        // The piece after a finite jump starts at it, the piece before ends at it.
        #expect(pieces.contains { abs($0[0].x - x) <= 0.05 }, "a sub-path starts at \(x) px")
        #expect(pieces.contains { abs($0.last!.x - x) <= 0.05 }, "a sub-path ends at \(x) px")
      }
    }
  }

  @Test("a pole breaks the derivative's path too (1/x′ = −1/x²)")
  func derivativeBreaksAtAPole() {
    let svg = svgOf(["1/x", "-2", "2", "--ylim", "-3", "3"])
    let pixel = Self.pixelX(0, -2, 2)
    for label in ["1/x", "1/x\u{2032}"] {
      let pieces = subpaths(of: label, in: svg)
      #expect(pieces.count == 2, "\(label): the two branches")
      #expect(
        pieces.allSatisfy { $0.allSatisfy { $0.x < pixel } || $0.allSatisfy { $0.x > pixel } })
    }
  }

  struct Steep: CustomTestStringConvertible, Sendable {
    var spec: String
    var low: Double
    var high: Double
    var testDescription: String { "\(spec) on \(low)…\(high)" }
  }

  @Test(
    "a steep but continuous curve stays one sub-path",
    arguments: [
      Steep(spec: "sigmoid(1000*x)", low: -1, high: 1),
      Steep(spec: "sigmoid(1000*x)", low: -3, high: 3),
      Steep(spec: "tanh(50*x)", low: -3, high: 3),
      Steep(spec: "tanh(50*x)", low: -0.7, high: 1.3),
      Steep(spec: "tanh(1000000*x)", low: -1, high: 1),
      Steep(spec: "sqrt(abs(x))", low: -1, high: 1),
      Steep(spec: "erf(100000*x)", low: -1, high: 1),
    ])
  func steepStaysConnected(_ c: Steep) {
    let svg = svgOf([c.spec, String(c.low), String(c.high), "--no-grad"])
    #expect(subpaths(of: c.spec, in: svg).count == 1)
  }

  @Test("the sampler itself breaks floor at each integer, and keeps a steep sigmoid whole")
  func samplerBreaks() {
    let viewport = SVGPlot(width: 640, height: 400, theme: .light, legend: .none).viewport(
      xRange: -3.5...3.5, yRange: -4...4, hasTitle: false)
    let floors = Sampler.sample(
      { $0.rounded(.down) }, kinks: [], breakAtEveryKink: false, viewport: viewport)
    #expect(floors.count == 8, "the steps −4 … 3")
    #expect(floors.allSatisfy { piece in piece.allSatisfy { $0.y == piece[0].y } })
    let steep = Sampler.sample(
      { 1 / (1 + exp(-1000 * $0)) }, kinks: [], breakAtEveryKink: false, viewport: viewport)
    #expect(steep.count == 1)
  }

  @Test("the terminal plot draws no pole line and no risers")
  func terminalBreaks() {
    func columnsMarks(_ text: String) -> (rows: Int, most: Int) {
      // The plot rows: those with the frame's left edge, before the bottom axis.
      let rows = text.split(separator: "\n").map(String.init).filter {
        $0.contains("|") && !$0.contains("+--")
      }.map { Array($0.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)[1]) }
      let width = rows.map(\.count).max() ?? 0
      let most =
        (0..<width).map { column in
          rows.filter { column < $0.count && $0[column] == "*" }.count
        }.max() ?? 0
      return (rows.count, most)
    }
    let pole = columnsMarks(expectSuccess(["plot", "1/x", "-2", "2", "--no-grad", "--ascii"]))
    #expect(pole.rows >= 10)
    #expect(pole.most < pole.rows / 2, "no column is a pole line")
    let steps = columnsMarks(
      expectSuccess(["plot", "floor(x)", "-3", "3", "--no-grad", "--ascii"]))
    // A step's end and the next one's start may share a column; a riser would fill 4 rows.
    #expect(steps.rows >= 10)
    #expect(steps.most <= 2, "no risers between the steps")
  }

  struct Bounds: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    /// The stated y-range must lie within ±limit ...
    var limit: Double
    /// ... and reach at least this far above zero (the curve is not flattened).
    var reaches: Double
    var testDescription: String { arguments.joined(separator: " ") }
  }

  @Test(
    "the automatic y-range ignores blow-ups, for one function as for several",
    arguments: [
      Bounds(arguments: ["1/(x-0.3)", "-2", "2", "--no-grad"], limit: 20, reaches: 3),
      Bounds(arguments: ["1/(x-0.3)", "-2", "2"], limit: 30, reaches: 3),
      Bounds(arguments: ["1/x", "-2", "2", "--no-grad"], limit: 20, reaches: 3),
      Bounds(arguments: ["100/(x-0.3)", "-2", "2", "--no-grad"], limit: 2000, reaches: 300),
      Bounds(arguments: ["tan(x)", "-5", "5", "--no-grad"], limit: 30, reaches: 3),
      Bounds(arguments: ["1/x^2", "-2", "2", "--no-grad"], limit: 30, reaches: 3),
      Bounds(arguments: ["log(x)", "-2", "2", "--no-grad"], limit: 20, reaches: 0.5),
      Bounds(arguments: ["1/x", "relu", "-2", "2", "--no-grad"], limit: 20, reaches: 2),
    ])
  func blowUpsIgnored(_ c: Bounds) throws {
    let range = try #require(statedYRange(svgOf(c.arguments)))
    #expect(range.low > -c.limit && range.high < c.limit)
    #expect(range.high >= c.reaches)
  }

  struct Natural: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var low: Double
    var high: Double
    var testDescription: String { arguments.joined(separator: " ") }
  }

  @Test(
    "a bounded curve keeps its whole extent (with the 5% margin)",
    arguments: [
      Natural(arguments: ["relu", "-5", "5"], low: -0.25, high: 5.25),
      Natural(arguments: ["exp(x)", "-5", "5", "--no-grad"], low: -7.414, high: 155.8),
      Natural(arguments: ["sigmoid(1000*x)", "-1", "1"], low: -12.5, high: 262.5),
      Natural(arguments: ["floor(x)", "-2", "2", "--no-grad"], low: -2.2, high: 2.2),
    ])
  func naturalRangeKept(_ c: Natural) throws {
    let range = try #require(statedYRange(svgOf(c.arguments)))
    #expect(range.low == c.low)
    #expect(range.high == c.high)
  }
}
