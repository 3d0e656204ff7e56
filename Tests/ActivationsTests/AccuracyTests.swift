import Activations
import Testing

/// Value and derivative against the mpmath fixture (~90,000 points: a fixed grid and the hard
/// points of every spec, plus 2,500 random points per function clustered around its special
/// points), at the accuracy contract: within 2 ULP of the correctly rounded value and 4 ULP of
/// the correctly rounded derivative where the result is a normal double, within 4 units of the
/// smallest subnormal below that, and exactly the correctly rounded result for the
/// piecewise-linear functions.
@Suite("Accuracy against mpmath")
struct AccuracyTests {
  static let valueBudget = 2.0
  static let derivativeBudget = 4.0
  static let subnormalBudget = 4.0
  /// Functions whose every result must be the correctly rounded one.
  static let piecewiseLinear: Set<String> = [
    "relu", "leaky_relu", "prelu", "rrelu", "relu6", "hard_sigmoid", "hard_tanh", "softshrink",
    "hardshrink", "threshold", "identity", "maxout", "frelu",
  ]

  struct Worst {
    var error = 0.0
    var x = 0.0

    mutating func record(_ error: Double, at x: Double) {
      if error > self.error { (self.error, self.x) = (error, x) }
    }
  }

  @Test("every fixture point is within the contract", arguments: Reference.specs)
  func withinBudget(spec: String) throws {
    let function = try #require(bound(spec))
    let exact = Self.piecewiseLinear.contains(function.entry.name)
    var value = Worst()
    var derivative = Worst()
    var subnormal = Worst()
    for point in Reference.points(for: spec) {
      for (reference, computed, isValue) in [
        (point.value, function.value(point.x), true),
        (point.derivative, function.derivative(point.x), false),
      ] {
        let error = reference.ulpsFromCorrectlyRounded(computed)
        if reference.isSubnormal && !exact {
          subnormal.record(error, at: point.x)
        } else if isValue {
          value.record(error, at: point.x)
        } else {
          derivative.record(error, at: point.x)
        }
      }
    }
    let budget =
      exact ? (0.0, 0.0, 0.0) : (Self.valueBudget, Self.derivativeBudget, Self.subnormalBudget)
    #expect(value.error <= budget.0, "\(spec): value \(value.error) ULP at x = \(value.x)")
    #expect(
      derivative.error <= budget.1,
      "\(spec): derivative \(derivative.error) ULP at x = \(derivative.x)")
    #expect(
      subnormal.error <= budget.2,
      "\(spec): subnormal result \(subnormal.error) units at x = \(subnormal.x)")
  }

  @Test("the fixture covers every catalogue function with thousands of points")
  func fixtureCoversCatalogue() {
    var counts: [String: Int] = [:]
    for point in Reference.points {
      if let name = try? Catalogue.bind(point.spec).entry.name { counts[name, default: 0] += 1 }
    }
    for entry in Catalogue.entries {
      #expect(
        counts[entry.name, default: 0] >= 2500,
        "\(entry.name): \(counts[entry.name, default: 0]) points")
    }
  }
}
