import Activations
import Foundation
import Testing

/// One case of `Fixtures/layers.json`, written by `Scripts/reference/make_layer_fixtures.py`
/// (the layers re-implemented in JAX, gradients by JAX's autodiff).
struct LayerCase: Decodable, Sendable, CustomTestStringConvertible {
  var name: String
  var spec: String
  var seed: UInt64
  var input: [[[Double]]]
  var output: [[[Double]]]
  var gradient: [[[Double]]]

  var testDescription: String { "\(name): \(spec)" }

  static let all: [LayerCase] = {
    struct File: Decodable { var cases: [LayerCase] }
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/layers.json")
    guard let data = try? Data(contentsOf: url),
      let file = try? JSONDecoder().decode(File.self, from: data)
    else {
      fatalError(
        "cannot read \(url.path); regenerate it with Scripts/reference/make_layer_fixtures.py")
    }
    return file.cases
  }()
}

/// Binds a spec the way `activ apply` does: a layer, or a catalogue function or expression
/// applied elementwise.
func bindLayer(_ spec: String, seed: UInt64 = 0) throws -> any Layer {
  let context = BindingContext(seed: seed)
  if let (_, layer) = try Layers.bind(spec, context: context) { return layer }
  if let bound = try? Catalogue.bind(spec, context: context) {
    return ElementwiseLayer(bound.function)
  }
  return ElementwiseLayer(try Expression.parse(spec, context: context))
}

/// Expects `actual` to have `expected`'s shape and values within `tolerance` relative to
/// max(1, |expected|): the reference sums a convolution or a mean in another order.
func expectMap(
  _ actual: FeatureMap, _ expected: [[[Double]]], tolerance: Double = 1e-13, _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let reference = FeatureMap(expected)
  #expect(
    (actual.channels, actual.height, actual.width)
      == (reference.channels, reference.height, reference.width),
    "\(what): shape", sourceLocation: sourceLocation)
  guard actual.values.count == reference.values.count else { return }
  for (i, (a, e)) in zip(actual.values, reference.values).enumerated() {
    let close = abs(a - e) <= tolerance * max(1, abs(e)) || (a.isNaN && e.isNaN)
    #expect(close, "\(what)[\(i)]: \(a) vs reference \(e)", sourceLocation: sourceLocation)
  }
}

@Suite("Layers")
struct LayerTests {
  @Test("forward and diagonal gradient match the JAX reference", arguments: LayerCase.all)
  func matchesReference(_ c: LayerCase) throws {
    let layer = try bindLayer(c.spec, seed: c.seed)
    let input = FeatureMap(c.input)
    expectMap(try layer.forward(input), c.output, "y")
    expectMap(try layer.diagonalGradient(input), c.gradient, "∂y/∂x")
  }

  @Test func freluTieSplitsTheGradient() throws {
    // var + eps = 1 exactly, so T = 2x: T > x for x > 0, T < x for x < 0, a tie at 0.
    let layer = try bindLayer("frelu(kernel=[0,0,0,0,2,0,0,0,0], var=0.25, eps=0.75)")
    let input = FeatureMap([[[-1.5, 0, 2]]])
    #expect(try layer.forward(input).values == [-1.5, 0, 4])
    #expect(try layer.diagonalGradient(input).values == [1, 1.5, 2])
  }

  @Test func freluZeroPadding() throws {
    // The all-ones kernel sums the neighbourhood; a corner sees 4 pixels, an edge 6, the centre 9.
    let layer = try bindLayer("frelu(kernel=1, eps=0.5, var=0.5)")
    let input = FeatureMap([[[-1, -1, -1], [-1, -1, -1], [-1, -1, -1]]])
    let sums = try layer.forward(FeatureMap(shapeOf: input, values: input.values.map { -$0 }))
    #expect(sums.values == [4, 6, 4, 6, 9, 6, 4, 6, 4])
  }

  @Test func maxoutGroupsConsecutiveChannelsAndPicksTheFirstTie() throws {
    let layer = try bindLayer("maxout(k=2)")
    let input = FeatureMap([[[1, 5]], [[1, 2]], [[-3, .nan]], [[4, 0]]])
    let y = try layer.forward(input)
    #expect(y.channels == 2)
    #expect(y.values[0] == 1 && y.values[1] == 5 && y.values[2] == 4 && y.values[3].isNaN)
    #expect(try layer.diagonalGradient(input).values == [1, 1, 0, 0, 0, 1, 1, 0])
  }

  @Test func maxoutRefusesChannelsThatDoNotDivide() throws {
    let input = FeatureMap([[[1]], [[2]], [[3]], [[4]]])
    #expect(throws: LayerError.channelsNotDivisible(function: "maxout", channels: 4, groupSize: 3))
    {
      try bindLayer("maxout(k=3)").forward(input)
    }
    #expect(throws: SpecError.self) { try bindLayer("maxout(k=1.5)") }
  }

  @Test func preluSlopePerChannel() throws {
    let input = FeatureMap([[[-2, 3]], [[-2, 0]]])
    let layer = try bindLayer("prelu(weight=[0.5,3])")
    #expect(try layer.forward(input).values == [-1, 3, -6, 0])
    #expect(try layer.diagonalGradient(input).values == [0.5, 1, 3, 3])
    let error = LayerError.perChannelCount(
      function: "prelu", parameter: "weight", given: 3, channels: 2, unit: 1)
    #expect(throws: error) { try bindLayer("prelu(weight=[1,2,3])").forward(input) }
    #expect(
      error.description
        == "prelu: weight has 3 values but the input has 2 channels; give 1 (shared by every "
        + "channel) or 2 (one per channel)")
  }

  @Test func rreluDrawsReproducibleSlopesWithinBounds() throws {
    let input = FeatureMap(
      channels: 3, height: 20, width: 20, values: (0..<1200).map { -1 - Double($0) })
    let first = try bindLayer("rrelu(lower=0.1, upper=0.3)", seed: 42).forward(input)
    let again = try bindLayer("rrelu(lower=0.1, upper=0.3)", seed: 42).forward(input)
    let other = try bindLayer("rrelu(lower=0.1, upper=0.3)", seed: 43).forward(input)
    #expect(first == again)
    #expect(first != other)
    let slopes = zip(first.values, input.values).map { $0 / $1 }
    #expect(slopes.allSatisfy { $0 >= 0.1 && $0 <= 0.3 })
    // 1200 uniform draws spread over the interval: every tenth of it is hit.
    let bins = Set(slopes.map { Int(($0 - 0.1) / 0.02) })
    #expect(bins.count == 10)
    let gradient = try bindLayer("rrelu(lower=0.1, upper=0.3)", seed: 42).diagonalGradient(input)
    // y/x is the slope up to the rounding of the product.
    #expect(zip(gradient.values, slopes).allSatisfy { abs($0 - $1) <= 1e-15 })
    #expect(try bindLayer("rrelu").forward(FeatureMap([[[2, 0]]])).values == [2, 0])
  }

  @Test func rreluEvaluationUsesTheMeanSlope() throws {
    let y = try bindLayer("rrelu(lower=0.1, upper=0.3, training=false)").forward(
      FeatureMap([[[-1, 1]]]))
    #expect(y.values == [-0.2, 1])
  }

  @Test func metaAconChecksItsNetworkAgainstTheMap() throws {
    let input = FeatureMap([[[1, 2]], [[3, 4]], [[5, 6]]])
    #expect(
      throws: LayerError.matrixSize(
        function: "meta_acon", parameter: "w1", given: 5, rows: 2, columns: 3,
        design: "design=channel with 3 inputs")
    ) { try bindLayer("meta_acon(r=2, w1=[1,2,3,4,5])").forward(input) }
    #expect(throws: SpecError.self) { try bindLayer("meta_acon(design=pixel, w1=1)") }
    // The layer design's β is one number for the whole map.
    let layerDesign = try #require(
      try Layers.bind("meta_acon(design=layer)")?.layer as? MetaACONLayer)
    let beta = try #require(try layerDesign.switchingFactors(input))
    #expect(beta.count == 1)
    #expect(abs(beta[0] - 1 / (1 + exp(-3.5))) < 1e-15)
  }

  @Test func bindingRefusesSweepsAndNamesTheParameters() {
    #expect(throws: SpecError.sweepNotAccepted(spec: "prelu(weight=1|2)", count: 2)) {
      try Layers.bind("prelu(weight=1|2)")
    }
    #expect(throws: SpecError.self) { try Layers.bind("frelu(t=1)") }
    // 2000⁶ alternatives overflow Int: the count saturates, as the catalogue's does, not traps.
    let alternatives = (1...2000).map(String.init).joined(separator: "|")
    let huge =
      "frelu("
      + ["kernel", "gamma", "beta", "mean", "var", "eps"]
      .map { "\($0)=\(alternatives)" }.joined(separator: ",") + ")"
    #expect(throws: SpecError.sweepNotAccepted(spec: huge, count: .max)) { try Layers.bind(huge) }
    #expect((try? Layers.bind("mish")) ?? nil == nil)
    #expect(Layers.entry(named: "Funnel-ReLU")?.name == "frelu")
  }
}
