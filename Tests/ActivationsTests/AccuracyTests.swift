import Activations
import Testing

/// Value, derivative and second derivative against the mpmath fixture (~90,000 points: a fixed
/// grid and the hard points of every spec, plus 2,500 random points per function clustered around
/// its special points), at the accuracy contract: within 2 ULP of the correctly rounded value,
/// 4 ULP of the correctly rounded derivative and 8 ULP of the correctly rounded second derivative
/// where the result is a normal double, within 4 units of the smallest subnormal below that, and
/// exactly the correctly rounded result (f″ = 0) for the piecewise-linear functions.
@Suite("Accuracy against mpmath")
struct AccuracyTests {
  static let valueBudget = 2.0
  static let derivativeBudget = 4.0
  static let secondDerivativeBudget = 8.0
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
    let points = Reference.points(for: spec)
    check(
      spec, function, points, values: points.map { function.value($0.x) },
      first: points.map { function.derivative($0.x) },
      second: points.map { function.secondDerivative($0.x) })
  }

  @Test(
    "every fixture point is within the contract through the batch API", arguments: Reference.specs)
  func batchWithinBudget(spec: String) throws {
    let function = try #require(bound(spec))
    let points = Reference.points(for: spec)
    let (values, first, second) = function.function.evaluate(points.map(\.x))
    check(spec, function, points, values: values, first: first, second: second)
  }

  /// Records a failure for every order whose worst error exceeds its budget.
  func check(
    _ spec: String, _ function: BoundActivation, _ points: [ReferencePoint], values: [Double],
    first: [Double], second: [Double]
  ) {
    let exact = Self.piecewiseLinear.contains(function.entry.name)
    // Worst errors of f, f′ and f″, and of any of them below the normal range.
    var worst = [Worst(), Worst(), Worst()]
    var subnormal = Worst()
    for (index, point) in points.enumerated() {
      for (order, reference, computed) in [
        (0, point.value, values[index]),
        (1, point.derivative, first[index]),
        (2, point.secondDerivative, second[index]),
      ] {
        let error = reference.ulpsFromCorrectlyRounded(computed)
        if reference.isSubnormal && !exact {
          subnormal.record(error, at: point.x)
        } else {
          worst[order].record(error, at: point.x)
        }
      }
    }
    let budgets =
      exact
      ? [0.0, 0.0, 0.0]
      : [Self.valueBudget, Self.derivativeBudget, Self.secondDerivativeBudget]
    for (order, name) in ["value", "derivative", "second derivative"].enumerated() {
      #expect(
        worst[order].error <= budgets[order],
        "\(spec): \(name) \(worst[order].error) ULP at x = \(worst[order].x)")
    }
    #expect(
      subnormal.error <= (exact ? 0 : Self.subnormalBudget),
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
