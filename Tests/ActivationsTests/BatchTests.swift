import Activations
import Testing

/// The batch API against the scalar methods, bit for bit: on the fixture's points, on a grid large
/// enough to be split across threads, and on the special values.
@Suite("Batch API")
struct BatchTests {
  /// Every spec of the fixture and every catalogue function with its defaults.
  static let specs: [String] = {
    var seen: Set<String> = []
    return (Reference.specs + Catalogue.entries.map(\.name) + ["rrelu(training=true)"]).filter {
      seen.insert($0).inserted
    }
  }()

  static let specials: [Double] = [
    .nan, -.nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude,
    -.leastNonzeroMagnitude, .leastNormalMagnitude, -.leastNormalMagnitude,
    .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e-300, -1e-300, 745, -745, 1000, -1000,
    37.5, -37.5, 38.5, -38.5,
  ]

  /// A grid of 40,001 points over [-40, 40] (two threads' worth), then the specials and the
  /// fixture's points for `spec`.
  static func points(for spec: String) -> [Double] {
    let grid = (0...40_000).map { -40 + Double($0) * 0.002 }
    return grid + specials + Reference.points(for: spec).map(\.x)
  }

  @Test("batch results are the scalar results, bit for bit", arguments: specs)
  func batchMatchesScalar(spec: String) throws {
    let function = try #require(bound(spec))
    let xs = Self.points(for: spec)
    let (values, first, second) = function.function.evaluate(xs)
    var pairValues = [Double](repeating: 0, count: xs.count)
    var pairFirst = pairValues
    var alone = pairValues
    xs.withUnsafeBufferPointer { input in
      pairValues.withUnsafeMutableBufferPointer { v in
        pairFirst.withUnsafeMutableBufferPointer { d in
          function.evaluate(input, values: v, first: d, second: nil)
        }
      }
      alone.withUnsafeMutableBufferPointer { d in
        function.evaluate(input, values: nil, first: d, second: nil)
      }
    }
    var mismatches = 0
    for (index, x) in xs.enumerated() {
      let scalar = (function.value(x), function.derivative(x), function.secondDerivative(x))
      let pair = function.valueAndDerivative(x)
      let results = [
        (values[index], scalar.0, "f"), (first[index], scalar.1, "f′"),
        (second[index], scalar.2, "f″"), (pairValues[index], scalar.0, "f (f, f′ batch)"),
        (pairFirst[index], scalar.1, "f′ (f, f′ batch)"), (alone[index], scalar.1, "f′ alone"),
        (pair.value, scalar.0, "valueAndDerivative f"),
        (pair.first, scalar.1, "valueAndDerivative f′"),
      ]
      for (batch, scalarResult, name) in results
      where batch.bitPattern != scalarResult.bitPattern && !(batch.isNaN && scalarResult.isNaN) {
        mismatches += 1
        if mismatches <= 5 {
          Issue.record("\(spec): \(name) at x = \(x): batch \(batch), scalar \(scalarResult)")
        }
      }
    }
    #expect(mismatches == 0, "\(spec): \(mismatches) mismatches")
  }

  @Test(
    "the grid form gives the grid's points and the results at them", arguments: ["gelu", "mish"])
  func gridForm(spec: String) throws {
    let function = try #require(bound(spec))
    let count = 50_001
    var xs = [Double](repeating: 0, count: count)
    var values = xs
    var first = xs
    xs.withUnsafeMutableBufferPointer { x in
      values.withUnsafeMutableBufferPointer { v in
        first.withUnsafeMutableBufferPointer { d in
          function.evaluate(
            gridFrom: -10, to: 10, count: count, xs: x, values: v, first: d, second: nil)
        }
      }
    }
    #expect(xs.first == -10 && xs.last == 10)
    let step = 20.0 / Double(count - 1)
    for index in [0, 1, 12_345, 25_000, count - 2] {
      expectSameBits(xs[index], -10 + Double(index) * step)
    }
    for (index, x) in xs.enumerated() where index % 97 == 0 || index == count - 1 {
      expectSameBits(values[index], function.value(x))
      expectSameBits(first[index], function.derivative(x))
    }
  }

  @Test("an expression's batch, split across threads, is its scalar results")
  func expressionBatch() throws {
    let expression = try Expression.parse("x*tanh(softplus(x)) + where(x > 1, gelu(x), 0)")
    let xs = (0...40_000).map { -20 + Double($0) * 0.001 } + Self.specials
    let (values, first, second) = expression.evaluate(xs)
    for (index, x) in xs.enumerated() {
      let jet = expression.jet(x)
      for (batch, scalar) in [
        (values[index], jet.value), (first[index], jet.first), (second[index], jet.second),
      ]
      where !(batch.isNaN && scalar.isNaN) {
        expectSameBits(batch, scalar, "at x = \(x)")
      }
    }
  }
}
