import Activations
import Foundation
import Testing

@testable import ActivCLI

/// The curve paths of an SVG (`<path class="cN" d="…"><title>…</title></path>`): label and the
/// sub-paths as pixel points.
private func curves(in svg: String) -> [(label: String, pieces: [[(Double, Double)]])] {
  var result: [(String, [[(Double, Double)]])] = []
  for line in svg.split(separator: "\n")
  where line.hasPrefix("<path class=\"c") && line.contains("<title>") {
    let data = line.components(separatedBy: " d=\"")[1].components(separatedBy: "\"")[0]
    let label = line.components(separatedBy: "<title>")[1].components(separatedBy: "</title>")[0]
    let pieces = data.split(separator: "M").map { piece in
      piece.replacingOccurrences(of: "L", with: " ").split(separator: " ").map {
        pair -> (Double, Double) in
        let xy = pair.split(separator: ",")
        return (Double(xy[0])!, Double(xy[1])!)
      }
    }
    result.append((label, pieces))
  }
  return result
}

/// Runs `activ plot … --svg FILE` in a temporary directory and returns the SVG text.
private func plotSVG(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation)
  throws -> String
{
  try withTemporaryDirectory { dir in
    let path = dir + "out.svg"
    expectOutput(["plot"] + arguments + ["--svg", path], "", sourceLocation: sourceLocation)
    return readFile(path) ?? ""
  }
}

@Suite("plot: SVG")
struct SVGPlotTests {
  // The default canvas: 640 × 400, plot box x ∈ [58, 624], y ∈ [14, 354].
  let box = (left: 58.0, right: 624.0, top: 14.0, bottom: 354.0)

  @Test("the SVG draws the model's curves as given, in its frame")
  func rendererDrawsTheModelAsGiven() {
    let plot = SVGPlot(width: 640, height: 400, theme: .light, legend: .none)
    let frame = plot.viewport(xRange: -1...1, yRange: -1...1, hasTitle: false)
    let line = PlotSeries(
      label: "line", order: 0, functionIndex: 0,
      pieces: [[PlotPoint(x: -1, y: -1), PlotPoint(x: 0, y: 0), PlotPoint(x: 1, y: 1)]])
    let svg = plot.render(
      PlotModel(frame: frame, series: [line], title: nil, functionLabels: ["line"]))
    // The box is x ∈ [58, 624], y ∈ [14, 354]: the collinear middle point is simplified away.
    #expect(curves(in: svg).map(\.label) == ["line"])
    #expect(curves(in: svg)[0].pieces.count == 1)
    #expect(curves(in: svg)[0].pieces[0].map(\.0) == [58, 624])
    #expect(curves(in: svg)[0].pieces[0].map(\.1) == [354, 14])
    #expect(!svg.contains("<g class=\"legend\">"))
  }

  @Test("an SVG has its canvas, accessible words and one path per curve")
  func anatomy() throws {
    let svg = try plotSVG(["relu"])
    #expect(
      svg.hasPrefix(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"400\" viewBox=\"0 0 640 400\""
      ))
    #expect(svg.contains("role=\"img\" aria-labelledby=\"t d\""))
    #expect(svg.contains("<title id=\"t\">relu</title>"))
    #expect(
      svg.contains(
        "<desc id=\"d\">Line plot of relu (solid), its derivative relu\u{2032} (dashed) for x from")
    )
    #expect(curves(in: svg).map(\.label) == ["relu", "relu\u{2032}"])
    #expect(svg.contains("\"Noto Sans\", \"Liberation Sans\", \"DejaVu Sans\", sans-serif"))
    #expect(svg.hasSuffix("</svg>\n"))
  }

  @Test(
    "every curve vertex lies inside the plot box",
    arguments: ["relu", "gelu", "mish", "relu2", "hard_swish", "tanh"])
  func insideTheBox(spec: String) throws {
    for curve in curves(in: try plotSVG([spec, "--ylim", "-1", "2"])) {
      for piece in curve.pieces {
        for (x, y) in piece {
          #expect(
            x >= box.left - 0.01 && x <= box.right + 0.01 && y >= box.top - 0.01
              && y <= box.bottom + 0.01)
        }
      }
    }
  }

  @Test("relu's corner is a vertex and relu′ is two separate flat pieces")
  func kinksAreExact() throws {
    let svg = try plotSVG(["relu", "--ylim", "-1", "5"])
    let found = curves(in: svg)
    // x = 0 is at 58 + 566/2 = 341; y = 0 at 14 + 340·5/6 = 297.33.
    let relu = try #require(found.first)
    #expect(relu.pieces.count == 1)
    #expect(relu.pieces[0].count == 3)
    #expect(relu.pieces[0].contains { abs($0.0 - 341) < 0.01 && abs($0.1 - 297.33) < 0.01 })
    let derivative = try #require(found.last)
    #expect(derivative.pieces.count == 2)
    for piece in derivative.pieces { #expect(Set(piece.map(\.1)).count == 1) }
    #expect(derivative.pieces[0].last!.0 == 341 && derivative.pieces[1].first!.0 == 341)
  }

  @Test("tick labels are short decimals with a real minus sign and no −0")
  func tickLabels() throws {
    let svg = try plotSVG(["sigmoid", "-1", "1", "--ylim", "-0.35", "1.1"])
    let labels = svg.split(separator: "\n").filter {
      $0.hasPrefix("<text x=") && $0.contains("text-anchor=")
    }
    .map { $0.components(separatedBy: "\">")[1].components(separatedBy: "</text>")[0] }
    let minus = "\u{2212}"
    let xLabels =
      ["1.00", "0.75", "0.50", "0.25"].map { minus + $0 } + [
        "0.00", "0.25", "0.50", "0.75", "1.00",
      ]
    let yLabels = [minus + "0.2", "0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]
    #expect(labels == xLabels + yLabels)
  }

  @Test("the same command gives the same bytes, well under 20 KB")
  func deterministicAndSmall() throws {
    let first = try plotSVG(["gelu"])
    let second = try plotSVG(["gelu"])
    #expect(first == second)
    #expect(first.utf8.count < 20_000)
    #expect(try plotSVG(["relu", "gelu", "mish", "-3", "3"]).utf8.count < 20_000)
  }

  @Test("themes: light attributes, a dark media rule for auto, dark colours for dark")
  func themes() throws {
    let auto = try plotSVG(["gelu"])
    #expect(
      auto.contains("fill=\"#ffffff\"") && auto.contains("@media (prefers-color-scheme:dark)"))
    let dark = try plotSVG(["gelu", "--theme", "dark"])
    #expect(
      dark.contains("fill=\"#1b1b1f\"") && dark.contains("stroke=\"#56B4E9\"")
        && !dark.contains("@media"))
    let light = try plotSVG(["gelu", "--theme", "light"])
    #expect(light.contains("stroke=\"#0072B2\"") && !light.contains("@media"))
  }

  @Test("--legend none drops the legend; --no-grad drops the derivatives; --title sets the title")
  func options() throws {
    #expect(!(try plotSVG(["gelu", "--legend", "none"])).contains("class=\"legend\""))
    #expect(
      curves(in: try plotSVG(["gelu", "tanh", "--no-grad"])).map(\.label) == ["gelu", "tanh"])
    let titled = try plotSVG(["gelu", "--title", "GELU & <friends>"])
    #expect(titled.contains("<title id=\"t\">GELU &amp; &lt;friends&gt;</title>"))
  }

  @Test("plot --grad2 draws f″ dotted")
  func secondDerivativeDotted() throws {
    try withTemporaryDirectory { dir in
      expectOutput(["plot", "gelu", "--grad2", "--svg", dir + "g.svg"], "")
      let svg = readFile(dir + "g.svg") ?? ""
      #expect(svg.contains("stroke-dasharray=\"2 3\"><title>gelu\u{2033}</title>"))
    }
  }

  // The golden files are `activ plot NAME --svg FILE` at the defaults. When a change to the plot
  // is intended, refresh them from the package root with
  //   swift build -c release
  //   for f in relu gelu; do .build/release/activ plot $f --svg Tests/ActivCLITests/Golden/$f.svg; done
  // and review the difference (git diff) before committing it: the test exists to catch the
  // changes that are not intended.
  @Test("the golden relu and gelu plots")
  func golden() throws {
    let directory = packageRoot.appendingPathComponent("Tests/ActivCLITests/Golden")
    for name in ["relu", "gelu"] {
      let golden = "Tests/ActivCLITests/Golden/\(name).svg"
      let expected = try String(
        contentsOf: directory.appendingPathComponent("\(name).svg"), encoding: .utf8)
      let refresh =
        "\(golden) differs from 'activ plot \(name)'; if the change is intended, refresh it from "
        + "the package root: .build/release/activ plot \(name) --svg \(golden)"
      #expect(try plotSVG([name]) == expected, Comment(rawValue: refresh))
    }
  }

  @Test("an unwritable SVG path is exit 73 and leaves no file")
  func unwritable() throws {
    try withTemporaryDirectory { dir in
      expectFailure(
        ["plot", "gelu", "--svg", dir + "missing/out.svg"], .cannotCreate,
        "cannot create output file '\(dir)missing/out.svg': No such file or directory")
      #expect(directoryListing(dir).isEmpty)
    }
  }

  @Test("--csv writes the plotted data on a regular grid")
  func csvData() throws {
    try withTemporaryDirectory { dir in
      expectOutput(["plot", "relu", "-1", "1", "--csv", dir + "d.csv", "--points", "5"], "")
      #expect(
        readFile(dir + "d.csv") == "x,relu,relu_grad\n-1,0,0\n-0.5,0,0\n0,0,0\n0.5,0.5,1\n1,1,1\n")
    }
  }

  @Test("plot refuses a bad --ylim and --points out of bounds")
  func refusals() {
    expectFailure(
      ["plot", "gelu", "--ylim", "1", "0"], .usage, "bad value '1 0' for --ylim; expected LO < HI")
    expectFailure(
      ["plot", "gelu", "--ylim", "1"], .usage, "option '--ylim' needs a value (--ylim LO HI)")
    // --points without --csv now sets the terminal plot's sampling (PlotOptionsTests).
    expectFailure(
      ["plot", "gelu", "--points", "1000001"], .usage,
      "bad value '1000001' for --points; expected a whole number from 2 to 1000000")
  }
}

@Suite("plot: ticks and sampling")
struct PlotInternalsTests {
  @Test("ticks use 1, 2, 2.5 and 5 steps and integer-built labels")
  func ticks() {
    #expect(AxisTicks.make(range: 0...0.9, maximumCount: 10).labels == (0...9).map { "0.\($0)" })
    let fives = AxisTicks.make(range: -5...5, maximumCount: 9)
    #expect(fives.labels == ["\u{2212}4", "\u{2212}2", "0", "2", "4"])
    #expect(fives.values == [-4, -2, 0, 2, 4])
    let quarter = AxisTicks.make(range: -0.3...1.05, maximumCount: 6)
    #expect(quarter.labels == ["\u{2212}0.25", "0.00", "0.25", "0.50", "0.75", "1.00"])
    #expect(
      AxisTicks.make(range: 1000...5000, maximumCount: 5).labels == [
        "1000", "2000", "3000", "4000", "5000",
      ])
  }

  @Test("the sampler keeps to 0.1 px of the true curve")
  func samplingError() {
    let viewport = Viewport(
      xRange: -5...5, yRange: -1...5, left: 0, top: 0, width: 566, height: 340)
    let pieces = Sampler.sample(
      Mish().value, kinks: [], breakAtEveryKink: false, viewport: viewport)
    #expect(pieces.count == 1)
    let points = pieces[0]
    for (a, b) in zip(points, points.dropFirst()) {
      // The true curve at the middle of each chord is within the tolerance of the chord.
      let middle = (a.x + b.x) / 2
      let chordY = (a.y + b.y) / 2
      #expect(abs(viewport.py(Mish().value(middle)) - viewport.py(chordY)) <= 0.15)
    }
  }

  @Test("non-finite values break the curve")
  func breaks() {
    struct Gap: Activation {
      func value(_ x: Double) -> Double { abs(x) < 1 ? .nan : x }
      func derivative(_ x: Double) -> Double { 1 }
      func secondDerivative(_ x: Double) -> Double { 0 }
    }
    let viewport = Viewport(
      xRange: -3...3, yRange: -3...3, left: 0, top: 0, width: 600, height: 300)
    let pieces = Sampler.sample(Gap().value, kinks: [], breakAtEveryKink: false, viewport: viewport)
    #expect(pieces.count == 2)
    #expect(pieces[0].allSatisfy { $0.x <= -1 } && pieces[1].allSatisfy { $0.x >= 1 })
    #expect(pieces[0].last!.x > -1.001 && pieces[1].first!.x < 1.001)
  }
}
