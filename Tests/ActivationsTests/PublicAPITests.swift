import Activations
import Testing

/// The README's "Using the library" code, as written there, through a plain (not `@testable`)
/// import: if a change to the public API breaks it, this file stops compiling. (A test target of
/// this package also sees `package` declarations, so it cannot prove that no `package` helper is
/// needed; the calls below name only the public API listed in docs/library.md.)
@Suite("Public API as the README uses it")
struct PublicAPITests {
  @Test func scalarFunctionsAndSpecs() throws {
    let mish = Mish()
    #expect(mish.value(-1.0) < 0 && mish.derivative(-1.0) > 0)
    let elu = try Catalogue.bind("elu(alpha=0.5)")
    #expect(elu.label == "elu(alpha=0.5)")
    #expect(elu.value(-2) == ELU(alpha: 0.5).value(-2))
    #expect(elu.derivative(-2) == ELU(alpha: 0.5).derivative(-2))
    let sweep = try Catalogue.bindAll("swish(beta=0.5|1|2)")
    #expect(sweep.map(\.label) == ["swish(beta=0.5)", "swish(beta=1)", "swish(beta=2)"])
  }

  @Test func specWordsAsDocsLibraryReadsThem() throws {
    let spec = try FunctionSpec("swish(beta=0.5|1)")
    let mish = try FunctionSpec("x*tanh(softplus(x))")
    #expect(spec.count == 2 && mish.count == 1)
    let labels = (spec.functions + mish.functions).map(\.label)
    #expect(labels == ["swish(beta=0.5)", "swish(beta=1)", "x*tanh(softplus(x))"])
    let (_, expression) = mish.functions[0]
    #expect(abs(expression.value(1) - Mish().value(1)) <= 1e-15)
  }

  @Test func batchEvaluation() throws {
    let gelu = try Catalogue.bind("gelu")
    var f = [Double](repeating: 0, count: 2_001)
    var df = f
    f.withUnsafeMutableBufferPointer { v in
      df.withUnsafeMutableBufferPointer { d in
        gelu.evaluate(gridFrom: -10, to: 10, count: v.count, values: v, first: d, second: nil)
      }
    }
    #expect(f[1_000] == gelu.value(0) && df[2_000] == gelu.derivative(10))
    let xs: [Double] = [-1, 0, 2]
    var values = [Double](repeating: .nan, count: xs.count)
    xs.withUnsafeBufferPointer { points in
      values.withUnsafeMutableBufferPointer { v in
        gelu.evaluate(points, values: v, first: nil, second: nil)
      }
    }
    #expect(values == xs.map(gelu.value))
    #expect(GELU().evaluate(xs).first == xs.map(gelu.derivative))
  }

  @Test func layers() throws {
    let input = FeatureMap(channels: 2, height: 1, width: 2, values: [1, -2, 3, -4])
    let layers: [any Layer] = [
      FReLULayer(), MetaACONLayer(design: .channel), MaxoutLayer(groupSize: 2),
      PReLULayer(weights: [0.25]), RReLULayer(lower: 0.1, upper: 0.3), ElementwiseLayer(ReLU()),
    ]
    for layer in layers {
      let output = try layer.forward(input)
      let gradient = try layer.diagonalGradient(input)
      #expect(!output.values.isEmpty && gradient.values.count == input.values.count)
    }
    let maxout = try #require(try Layers.bind("maxout(k=2)"))
    #expect(maxout.entry.name == "maxout")
    #expect(try maxout.layer.forward(input).channels == 1)
  }
}
