import Activations
import Foundation
import Testing

/// A row of `Fixtures/expression_functions.tsv` (Scripts/reference/make_expression_fixtures.py,
/// mpmath at 60 digits): an expression, a point, and the true f, f′ and f″ there (NaN outside the
/// domain and for derivatives that do not exist).
private struct FunctionReferencePoint: Sendable {
  var expression: String
  var x: Double
  var values: [ReferenceValue]
}

private let functionReference: [FunctionReferencePoint] = {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/expression_functions.tsv")
  guard let text = try? String(contentsOf: url, encoding: .utf8) else {
    fatalError("cannot read \(url.path); regenerate it with make_expression_fixtures.py")
  }
  var points: [FunctionReferencePoint] = []
  for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("spec\t") {
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    let numbers = fields.dropFirst().compactMap { Double($0) }
    guard fields.count == 8, numbers.count == 7 else { fatalError("malformed line: \(line)") }
    points.append(
      FunctionReferencePoint(
        expression: fields[0], x: numbers[0],
        values: [
          ReferenceValue(nearest: numbers[1], offset: numbers[2]),
          ReferenceValue(nearest: numbers[3], offset: numbers[4]),
          ReferenceValue(nearest: numbers[5], offset: numbers[6]),
        ]))
  }
  return points
}()

@Suite("Expressions: the elementary functions and powers against mpmath")
struct ExpressionFunctionTests {
  /// One function's accuracy budget in ULPs of the correctly rounded result: f, f′, f″ (the
  /// worst measured over the fixture's points). ln, log2, log10 and exp2 are double-double and
  /// correctly rounded at these points; atan, asin, acos and hypot come from glibc (correctly
  /// rounded here), asinh, acosh and atanh from glibc within 1 ULP; derivatives are closed forms
  /// rounded a few times, within 2 ULP for f′ and 6 for f″ (asin and acosh near their edges).
  struct Budget: Sendable, CustomTestStringConvertible {
    var expression: String
    var ulps: [Double]
    var testDescription: String { expression }
  }

  static let budgets: [Budget] = [
    Budget(expression: "ln(x)", ulps: [0, 0, 2]),
    Budget(expression: "log2(x)", ulps: [0, 0, 1]),
    Budget(expression: "log10(x)", ulps: [0, 0, 1]),
    Budget(expression: "exp2(x)", ulps: [0, 0, 0]),
    Budget(expression: "atan(x)", ulps: [0, 1, 2]),
    Budget(expression: "asin(x)", ulps: [0, 2, 6]),
    Budget(expression: "acos(x)", ulps: [0, 1, 4]),
    Budget(expression: "asinh(x)", ulps: [1, 1, 3]),
    Budget(expression: "acosh(x)", ulps: [1, 2, 6]),
    Budget(expression: "atanh(x)", ulps: [1, 1, 3]),
    Budget(expression: "hypot(x, 0.75)", ulps: [0, 1, 3]),
    Budget(expression: "hypot(x, 0)", ulps: [0, 0, 0]),
    Budget(expression: "x**3", ulps: [0, 1, 0]),
    Budget(expression: "(-2)^x", ulps: [0, 0, 0]),
    Budget(expression: "x^x", ulps: [0, 1, 2]),
  ]

  @Test(
    "f, f′ and f″ within each function's budget of mpmath, NaN exactly where mpmath's is",
    arguments: budgets)
  func againstMpmath(_ budget: Budget) throws {
    let expression = try #require(parsedExpression(budget.expression))
    let rows = functionReference.filter { $0.expression == budget.expression }
    #expect(rows.count > 10)
    for row in rows {
      let jet = expression.jet(row.x)
      for (order, computed) in [jet.value, jet.first, jet.second].enumerated() {
        let reference = row.values[order]
        if reference.nearest.isNaN {
          #expect(computed.isNaN, "\(budget.expression) order \(order) at \(row.x): \(computed)")
          continue
        }
        let error = reference.ulpsFromCorrectlyRounded(computed)
        #expect(
          error <= budget.ulps[order],
          "\(budget.expression) order \(order) at \(row.x): \(computed) vs \(reference.nearest)")
      }
    }
  }

  struct PointCase: Sendable, CustomTestStringConvertible {
    var expression: String
    var x: Double
    var value: Double
    var first: Double
    var second: Double
    var testDescription: String { "\(expression) at \(x)" }
  }

  /// Exact values, domain edges and regressions (NaN compares equal to NaN here).
  static let pointCases: [PointCase] = [
    // A negative base to an integer power is that power, not NaN; the derivative
    // through the exponent needs log of a negative number, so it does not exist (NaN).
    PointCase(expression: "(-2)^x", x: 1, value: -2, first: .nan, second: .nan),
    PointCase(expression: "(-2)^x", x: -3, value: -0.125, first: .nan, second: .nan),
    PointCase(expression: "x^x", x: -1, value: -1, first: .nan, second: .nan),
    PointCase(expression: "x^x", x: -2, value: 0.25, first: .nan, second: .nan),
    PointCase(expression: "x^x", x: -2.5, value: .nan, first: .nan, second: .nan),
    PointCase(expression: "(-2)^x", x: 0.5, value: .nan, first: .nan, second: .nan),
    // A locally constant exponent: the integer power's derivatives (3x², 6x).
    PointCase(
      expression: "x^floor(x)", x: -3, value: -1.0 / 27, first: -1.0 / 27, second: -4.0 / 81),
    PointCase(expression: "x^(3 + 0*x)", x: -2, value: -8, first: 12, second: -12),
    PointCase(expression: "(-x)^(x + 4)", x: 2, value: 64, first: .nan, second: .nan),
    PointCase(expression: "(-2)^x", x: 0x1p60, value: .infinity, first: .nan, second: .nan),
    PointCase(expression: "(-0.5)^x", x: 0x1p53 + 2, value: 0, first: .nan, second: .nan),
    // ** is ^.
    PointCase(expression: "x**2", x: 3, value: 9, first: 6, second: 2),
    PointCase(expression: "2**3**2", x: 0, value: 512, first: 0, second: 0),
    PointCase(expression: "-x**2", x: 3, value: -9, first: -6, second: -2),
    PointCase(expression: "x**-1", x: 2, value: 0.5, first: -0.25, second: 0.25),
    // Exact at powers of the base.
    PointCase(
      expression: "log2(x)", x: 8, value: 3, first: 0.18033688011112042,
      second: -0.022542110013890053),
    PointCase(
      expression: "log10(x)", x: 1000, value: 3, first: 0.00043429448190325184,
      second: -4.342944819032518e-7),
    PointCase(
      expression: "exp2(x)", x: 10, value: 1024, first: 709.782712893384, second: 491.9838862522383),
    PointCase(
      expression: "exp2(x)", x: -1074, value: .leastNonzeroMagnitude, first: .leastNonzeroMagnitude,
      second: 0),
    PointCase(
      expression: "exp2(x)", x: 1024, value: .infinity, first: 1.2460659279417838e308,
      second: 8.637070847446594e307),
    PointCase(expression: "ln(x)", x: 1, value: 0, first: 1, second: -1),
    // Domains: NaN outside, infinities at the poles and edges.
    PointCase(expression: "ln(x)", x: -1, value: .nan, first: .nan, second: .nan),
    PointCase(expression: "log2(x)", x: 0, value: -.infinity, first: .infinity, second: -.infinity),
    PointCase(expression: "log10(x)", x: -0.5, value: .nan, first: .nan, second: .nan),
    PointCase(
      expression: "asin(x)", x: 1, value: Double.pi / 2, first: .infinity, second: .infinity),
    PointCase(
      expression: "asin(x)", x: -1, value: -Double.pi / 2, first: .infinity, second: -.infinity),
    PointCase(expression: "asin(x)", x: 1.5, value: .nan, first: .nan, second: .nan),
    PointCase(
      expression: "acos(x)", x: -1.0000000000000002, value: .nan, first: .nan, second: .nan),
    PointCase(expression: "acos(x)", x: 0, value: Double.pi / 2, first: -1, second: 0),
    PointCase(expression: "acosh(x)", x: 1, value: 0, first: .infinity, second: -.infinity),
    PointCase(expression: "acosh(x)", x: 0.5, value: .nan, first: .nan, second: .nan),
    PointCase(expression: "atanh(x)", x: 1, value: .infinity, first: .infinity, second: .infinity),
    PointCase(
      expression: "atanh(x)", x: -1, value: -.infinity, first: .infinity, second: -.infinity),
    PointCase(expression: "atanh(x)", x: 2, value: .nan, first: .nan, second: .nan),
    PointCase(expression: "atan(x)", x: .infinity, value: Double.pi / 2, first: 0, second: 0),
    PointCase(expression: "asinh(x)", x: 0, value: 0, first: 1, second: 0),
    // hypot: both arguments may vary; at (0, 0) abs's convention.
    PointCase(expression: "hypot(x, 0)", x: 0, value: 0, first: 0, second: 0),
    PointCase(expression: "hypot(3*x, 4)", x: 0, value: 4, first: 0, second: 2.25),
    PointCase(expression: "hypot(x, 1)", x: .infinity, value: .infinity, first: 1, second: 0),
    PointCase(expression: "hypot(x, x^2)", x: 0, value: 0, first: 0, second: 0),
  ]

  @Test("exact values, domain edges and negative bases", arguments: pointCases)
  func points(_ point: PointCase) throws {
    let jet = try #require(parsedExpression(point.expression)).jet(point.x)
    func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
    #expect(same(jet.value, point.value), "f = \(jet.value)")
    #expect(same(jet.first, point.first), "f′ = \(jet.first)")
    #expect(same(jet.second, point.second), "f″ = \(jet.second)")
  }

  @Test("** is ^ (same tree), ln keeps its name, hypot takes two arguments")
  func syntax() throws {
    for (starred, caret) in [("x**2", "x^2"), ("2**x**3", "2^x^3"), ("-x**-2", "-x^-2")] {
      let a = try #require(parsedExpression(starred))
      let b = try #require(parsedExpression(caret))
      #expect(a.description == b.description)
    }
    #expect(try #require(parsedExpression("LN(x)")).description == "ln(x)")
    #expect(try #require(parsedExpression("log_2(x)")).description == "log2(x)")
    #expect(throws: ExpressionError.self) { try Expression.parse("hypot(x)") }
    #expect(throws: ExpressionError.self) { try Expression.parse("x***2") }
    #expect(throws: ExpressionError.self) { try Expression.parse("x* *2") }
  }

  @Test("composites of the new functions: f′ and f″ match central differences; extremes never trap")
  func composites() throws {
    let texts = [
      "asinh(x^2)*atan(2*x)", "hypot(sin(x), x)", "log2(1 + x**2) - exp2(-x^2)",
      "acos(tanh(x))", "atanh(x/(1 + abs(x)))", "acosh(1 + x^2 + 1e-3)", "log10(cosh(x)) + ln(2)",
      "asin(sin(x)/2)",
    ]
    for text in texts {
      let expression = try #require(parsedExpression(text))
      for x in stride(from: -2.75, through: 2.75, by: 0.5) {
        let h = 1e-5
        let (f, f1, f2) = expression.jet(x)
        let (lower, upper) = (expression.jet(x - h), expression.jet(x + h))
        let slope = (upper.value - lower.value) / (2 * h)
        let bend = (upper.first - lower.first) / (2 * h)
        #expect(f.isFinite, "\(text) at \(x)")
        #expect(abs(f1 - slope) <= 1e-6 * max(1, abs(f1)), "\(text)′ at \(x): \(f1) vs \(slope)")
        #expect(abs(f2 - bend) <= 1e-6 * max(1, abs(f2)), "\(text)″ at \(x): \(f2) vs \(bend)")
      }
      for x in [
        0, -0.0, .leastNonzeroMagnitude, 1e-300, 1e300, .greatestFiniteMagnitude,
        -.greatestFiniteMagnitude, .infinity, -.infinity, .nan,
      ] {
        _ = expression.jet(x)
      }
    }
  }
}
