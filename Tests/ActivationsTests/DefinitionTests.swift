import Testing

@testable import Activations

/// Each catalogue kernel against the defining expression its entry gives (``Definition``),
/// compiled with the same arguments: f, f′ and f″ (the expression's by automatic
/// differentiation).
@Suite("Catalogue definitions")
struct DefinitionTests {
  /// Every entry with its defaults, then arguments that move each parameter off its default
  /// (and select each variant: softplus's threshold, gelu's tanh form, maxout's pieces).
  static let specs: [String] =
    Catalogue.entries.map(\.name) + [
      "softplus(beta=2)", "softplus(beta=0.5,threshold=1)", "leaky_relu(0.2)", "prelu(-0.5)",
      "rrelu(0.1,0.5)", "elu(0.5)", "swish(beta=1.7)", "gelu(approximate=tanh)",
      "maxout(weights=[1,-0.5,2],biases=[0,1,-3])", "maxout(weights=[0.5],biases=[1])",
      "frelu(t=1)", "acon_c(p1=0.3,p2=-1.2,beta=2)", "meta_acon(p1=2,p2=0.5)", "celu(alpha=0.5)",
      "softshrink(1)", "hardshrink(1)", "hard_tanh(-2,0.5)", "threshold(0.5,-1)",
      "squareplus(b=0.5)",
    ]

  /// Points in [−5, 5] off every kink of the specs above (0, ±0.5, ±1, ±2, ±3, 6, 2/3):
  /// there exp neither overflows nor underflows, and the definitions, which round after every
  /// operation, lose at most a few digits to cancellation (x − tanh x at 0.2, 1 − sech² x).
  static let points: [Double] = [-4.75, -2.3, -1.6, -0.8, -0.3, 0.2, 0.7, 1.4, 2.9, 4.6]

  /// The kernels are within about 1 ULP; a naive definition at these points within a few
  /// hundred (about 1e-14 relative). 1e-12 relative (plus 1e-15 absolute, for values at 0)
  /// leaves room for that and still fails on any wrong constant, sign, branch or parameter,
  /// which is off by 1e-6 or more.
  static func agree(_ kernel: Double, _ definition: Double) -> Bool {
    abs(kernel - definition) <= 1e-12 * abs(kernel) + 1e-15
  }

  @Test(arguments: specs, points)
  func kernelMatchesDefinition(spec: String, x: Double) throws {
    let bound = try Catalogue.bind(spec)
    let definition = try #require(try bound.compileDefinition(), "\(spec) has no definition")
    let kernel = bound.function.jet(x)
    let naive = definition.jet(x)
    #expect(Self.agree(kernel.value, naive.value), "f(\(x)): \(kernel.value) vs \(naive.value)")
    #expect(Self.agree(kernel.first, naive.first), "f′(\(x)): \(kernel.first) vs \(naive.first)")
    #expect(
      Self.agree(kernel.second, naive.second), "f″(\(x)): \(kernel.second) vs \(naive.second)")
  }

  @Test func rreluInTrainingHasNoDefinition() throws {
    let bound = try Catalogue.bind("rrelu(training=true)")
    #expect(bound.definingExpression == nil)
    guard case .inexpressible(let reason) = bound.entry.definition.resolved(for: bound.arguments)
    else {
      Issue.record("rrelu in training resolved to an expression")
      return
    }
    #expect(reason.contains("random"))
  }

  @Test func parametersStandForTheirBoundValues() throws {
    let elu = try #require(try Catalogue.bind("elu(alpha=0.5)").definingExpression)
    #expect(elu.text == "where(x > 0, x, 0.5*expm1(x))")
    let maxout = try #require(try Catalogue.bind("maxout([1,-2],[0,3])").definingExpression)
    #expect(maxout.value(-1) == 5)
    #expect(maxout.value(2) == 2)
  }
}
