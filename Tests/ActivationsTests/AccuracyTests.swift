import Activations
import Testing

/// Value and derivative against the mpmath fixture, in ULPs. The budgets are the contract of the
/// foundation issue (4 ULP for both); piecewise-linear functions must be exact.
@Suite("Accuracy against mpmath")
struct AccuracyTests {
  static let valueBudget = 4.0
  static let derivativeBudget = 4.0
  /// Functions whose every result is correctly rounded (one IEEE operation on exact operands, or a
  /// double-double result rounded once): within half an ULP of the true value.
  static let exactFunctions: Set<String> = [
    "relu", "leaky_relu", "prelu", "rrelu", "relu6", "hard_sigmoid", "hard_tanh", "softshrink",
    "hardshrink", "threshold", "identity", "maxout", "frelu", "relu2", "hard_swish",
  ]

  @Test("every fixture spec is within budget", arguments: Reference.specs)
  func withinBudget(spec: String) throws {
    let function = try #require(bound(spec))
    let exact = Self.exactFunctions.contains(function.entry.name)
    var worst = (value: 0.0, valueAt: 0.0, derivative: 0.0, derivativeAt: 0.0)
    for point in Reference.points(for: spec) {
      let valueError = point.value.ulpError(of: function.value(point.x))
      let derivativeError = point.derivative.ulpError(of: function.derivative(point.x))
      if valueError > worst.value { (worst.value, worst.valueAt) = (valueError, point.x) }
      if derivativeError > worst.derivative {
        (worst.derivative, worst.derivativeAt) = (derivativeError, point.x)
      }
    }
    let budget = exact ? (0.5, 0.5) : (Self.valueBudget, Self.derivativeBudget)
    #expect(worst.value <= budget.0, "\(spec): value \(worst.value) ULP at x = \(worst.valueAt)")
    #expect(
      worst.derivative <= budget.1,
      "\(spec): derivative \(worst.derivative) ULP at x = \(worst.derivativeAt)")
  }

  @Test("the fixture covers every catalogue function")
  func fixtureCoversCatalogue() {
    let covered = Set(Reference.specs.compactMap { try? Catalogue.bind($0).entry.name })
    for entry in Catalogue.entries {
      #expect(covered.contains(entry.name), "no reference values for \(entry.name)")
    }
  }
}
