import Activations
import Foundation
import Testing

/// The distance between `computed` and `reference` in units of the last place of
/// max(|reference|, 1): relative above 1, absolute (in ULPs of 1) below, which is how accurate a
/// sum of terms of order 1 can be when it cancels to something small.
private func scaledUlps(_ computed: Double, _ reference: Double) -> Double {
  if computed == reference || (computed.isNaN && reference.isNaN) { return 0 }
  guard computed.isFinite, reference.isFinite else { return .infinity }
  return abs(computed - reference) / max(abs(reference), 1).ulp
}

/// The distance in ULPs of the reference itself (relative everywhere).
private func relativeUlps(_ computed: Double, _ reference: Double) -> Double {
  if computed == reference { return 0 }
  guard computed.isFinite, reference.isFinite else { return .infinity }
  return abs(computed - reference) / max(reference.ulp, Double.leastNonzeroMagnitude)
}

/// Seeded uniform points in [low, high].
private func randomPoints(_ count: Int, _ low: Double, _ high: Double, seed: UInt64) -> [Double] {
  var random = SplitMix64(seed: seed)
  return (0..<count).map { _ in low + (high - low) * random.nextUnitInterval() }
}

/// f″ agrees with the catalogue's to this many ULPs of max(|f″|, 1): the chain rule over exact
/// pieces loses a few roundings, no more.
private let secondDerivativeTolerance = 4.0

private func bitsEqual(_ a: Double, _ b: Double) -> Bool {
  a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
}

@Suite("Expressions: values and exact derivatives")
struct ExpressionTests {
  struct IdentityCase: Sendable, CustomTestStringConvertible {
    var expression: String
    var spec: String
    var low: Double
    var high: Double
    /// Whether the value is also within 4 ULPs relative (a product, not a cancelling sum).
    var relativeValue: Bool
    /// Points to leave out: kinks where the conventions differ.
    var excluded: [Double] = []
    var testDescription: String { "\(expression) ≡ \(spec) on [\(low), \(high)]" }
  }

  @Test(
    "expressions of catalogue functions equal the catalogue's own to a few ULP (f, f′, f″)",
    arguments: [
      IdentityCase(
        expression: "x*tanh(softplus(x))", spec: "mish", low: -40, high: 40, relativeValue: true),
      IdentityCase(
        expression: "x*sigmoid(x)", spec: "silu", low: -40, high: 40, relativeValue: true),
      // 1.5*x is rounded before the exponential magnifies its error by |1.5x| (the catalogue
      // carries beta·x in double-double): relative to f, up to ~25 ULP at x = -30.
      IdentityCase(
        expression: "x*sigmoid(1.5*x)", spec: "swish(beta=1.5)", low: -30, high: 30,
        relativeValue: false),
      // hard_swish′ at ±3 takes a side (−0.5 from the right at −3); relu6′ is 0 at its kinks.
      IdentityCase(
        expression: "x*relu6(x+3)/6", spec: "hard_swish", low: -8, high: 8, relativeValue: true,
        excluded: [-3, 3]),
      // At the tie x = 0 max splits the gradient (0.505), leaky_relu′(0) is the slope (0.01).
      IdentityCase(
        expression: "max(x, 0.01*x)", spec: "leaky_relu", low: -8, high: 8, relativeValue: true,
        excluded: [0]),
      IdentityCase(
        expression: "log(1+exp(x))", spec: "softplus", low: -1, high: 30, relativeValue: false),
      IdentityCase(
        expression: "log1p(exp(x))", spec: "softplus", low: -30, high: 30, relativeValue: true),
      IdentityCase(
        expression: "x - tanh(x)", spec: "tanhshrink", low: 1, high: 30, relativeValue: true),
      IdentityCase(
        expression: "x/(1 + abs(x))", spec: "softsign", low: -50, high: 50, relativeValue: true,
        excluded: [0]),
      IdentityCase(
        expression: "(x + sqrt(x^2 + 4))/2", spec: "squareplus", low: 0, high: 1e6,
        relativeValue: true),
      IdentityCase(
        expression: "x*(1 + erf(x/sqrt(2)))/2", spec: "gelu", low: -3, high: 8,
        relativeValue: false),
      IdentityCase(
        expression: "where(x > 0, x, 0.5*expm1(x))", spec: "elu(alpha=0.5)", low: -30, high: 30,
        relativeValue: true, excluded: [0]),
    ])
  func identity(_ example: IdentityCase) throws {
    let expression = try #require(parsedExpression(example.expression))
    let reference = try #require(bound(example.spec))
    var points = randomPoints(4_000, example.low, example.high, seed: 11)
    points += stride(
      from: example.low, through: example.high, by: (example.high - example.low) / 400)
    for x in points where !example.excluded.contains(x) {
      let jet = expression.jet(x)
      let (value, first, second) = (
        reference.value(x), reference.derivative(x), reference.secondDerivative(x)
      )
      #expect(scaledUlps(jet.value, value) <= 4, "f at \(x): \(jet.value) vs \(value)")
      if example.relativeValue {
        #expect(relativeUlps(jet.value, value) <= 4, "f at \(x): \(jet.value) vs \(value)")
      }
      #expect(scaledUlps(jet.first, first) <= 4, "f′ at \(x): \(jet.first) vs \(first)")
      #expect(
        scaledUlps(jet.second, second) <= secondDerivativeTolerance,
        "f″ at \(x): \(jet.second) vs \(second)")
    }
  }

  @Test("a catalogue function called on x is the catalogue's, bit for bit")
  func catalogueCalls() throws {
    let points: [Double] =
      stride(from: -8.0, through: 8.0, by: 0.0625).map { $0 }
      + [-0.0, 1e-300, -1e-300, 700, -700, 1e300, -1e300, .infinity, -.infinity, .nan]
    for entry in Catalogue.entries where entry.name != "tanh" {
      let expression = try #require(parsedExpression(entry.name + "(x)"))
      let reference = try #require(bound(entry.name))
      for x in points {
        let jet = expression.jet(x)
        #expect(bitsEqual(jet.value, reference.value(x)), "\(entry.name) at \(x)")
        #expect(bitsEqual(jet.first, reference.derivative(x)), "\(entry.name)′ at \(x)")
        #expect(bitsEqual(jet.second, reference.secondDerivative(x)), "\(entry.name)″ at \(x)")
        #expect(bitsEqual(expression.value(x), reference.value(x)))
        #expect(bitsEqual(expression.derivative(x), reference.derivative(x)))
        #expect(bitsEqual(expression.secondDerivative(x), reference.secondDerivative(x)))
      }
    }
    // With parameters, and with the seed of a random function.
    for (text, spec) in [
      ("elu(x, alpha=0.5)", "elu(alpha=0.5)"), ("leaky_relu(x, 0.2)", "leaky_relu(0.2)"),
      ("gelu(x, approximate=tanh)", "gelu(approximate=tanh)"),
      ("maxout(x, weights=[1,-1], biases=[0,0.5])", "maxout(weights=[1,-1],biases=[0,0.5])"),
      ("softplus(x, 2, 10)", "softplus(beta=2,threshold=10)"),
    ] {
      let expression = try #require(parsedExpression(text))
      let reference = try #require(bound(spec))
      for x in points {
        #expect(bitsEqual(expression.value(x), reference.value(x)), "\(text) at \(x)")
        #expect(bitsEqual(expression.derivative(x), reference.derivative(x)), "\(text)′ at \(x)")
      }
    }
    let seeded = try Activations.Expression.parse(
      "rrelu(x, training=true)", context: BindingContext(seed: 7))
    let rrelu = try #require(bound("rrelu(training=true)", seed: 7))
    let unseeded = try #require(parsedExpression("rrelu(x, training=true)"))
    var differs = false
    for x in stride(from: -4.0, through: -0.25, by: 0.25) {
      #expect(seeded.value(x) == rrelu.value(x))
      #expect(seeded.derivative(x) == rrelu.derivative(x))
      differs = differs || unseeded.value(x) != seeded.value(x)
    }
    #expect(differs, "seed 0 and seed 7 draw the same slopes")
  }

  struct DerivativeCase: Sendable, CustomTestStringConvertible {
    var expression: String
    var low: Double
    var high: Double
    var f: @Sendable (Double) -> Double
    var first: @Sendable (Double) -> Double
    var second: @Sendable (Double) -> Double
    var testDescription: String { expression }
  }

  @Test(
    "built-ins and the arithmetic rules give the analytic derivatives",
    arguments: [
      DerivativeCase(expression: "exp(x)", low: -700, high: 700, f: exp, first: exp, second: exp),
      DerivativeCase(
        expression: "log(x)", low: 1e-3, high: 1e3, f: log, first: { 1 / $0 },
        second: { -1 / ($0 * $0) }),
      DerivativeCase(
        expression: "log1p(x)", low: -0.99, high: 100, f: log1p, first: { 1 / (1 + $0) },
        second: { -1 / ((1 + $0) * (1 + $0)) }),
      DerivativeCase(
        expression: "expm1(x)", low: -30, high: 30, f: expm1, first: exp, second: exp),
      DerivativeCase(
        expression: "sqrt(x)", low: 1e-3, high: 1e3, f: sqrt, first: { 0.5 / sqrt($0) },
        second: { -0.25 / ($0 * sqrt($0)) }),
      DerivativeCase(
        expression: "sin(x)", low: -10, high: 10, f: sin, first: cos, second: { -sin($0) }),
      DerivativeCase(
        expression: "cos(x)", low: -10, high: 10, f: cos, first: { -sin($0) }, second: { -cos($0) }),
      DerivativeCase(
        expression: "tan(x)", low: -1.5, high: 1.5, f: tan, first: { 1 / (cos($0) * cos($0)) },
        second: { 2 * tan($0) / (cos($0) * cos($0)) }),
      DerivativeCase(
        expression: "tanh(x)", low: -5, high: 5, f: tanh, first: { 1 / (cosh($0) * cosh($0)) },
        second: { -2 * tanh($0) / (cosh($0) * cosh($0)) }),
      DerivativeCase(
        expression: "sinh(x)", low: -700, high: 700, f: sinh, first: cosh, second: sinh),
      DerivativeCase(
        expression: "cosh(x)", low: -700, high: 700, f: cosh, first: sinh, second: cosh),
      DerivativeCase(
        expression: "erf(x)", low: -6, high: 6, f: erf,
        first: { 2 / Double.pi.squareRoot() * exp(-$0 * $0) },
        second: { -4 * $0 / Double.pi.squareRoot() * exp(-$0 * $0) }),
      DerivativeCase(
        expression: "erfc(x)", low: -6, high: 6, f: erfc,
        first: { -2 / Double.pi.squareRoot() * exp(-$0 * $0) },
        second: { 4 * $0 / Double.pi.squareRoot() * exp(-$0 * $0) }),
      DerivativeCase(
        expression: "x^3", low: -100, high: 100, f: { $0 * $0 * $0 }, first: { 3 * $0 * $0 },
        second: { 6 * $0 }),
      DerivativeCase(
        expression: "x^-2", low: 0.01, high: 100, f: { 1 / ($0 * $0) },
        first: { -2 / ($0 * $0 * $0) }, second: { 6 / ($0 * $0 * $0 * $0) }),
      DerivativeCase(
        expression: "x^2.5", low: 1e-3, high: 100, f: { pow($0, 2.5) },
        first: { 2.5 * pow($0, 1.5) }, second: { 3.75 * pow($0, 0.5) }),
      DerivativeCase(
        expression: "2^x", low: -100, high: 100, f: { pow(2, $0) }, first: { M_LN2 * pow(2, $0) },
        second: { M_LN2 * M_LN2 * pow(2, $0) }),
      DerivativeCase(
        expression: "x^x", low: 0.05, high: 20, f: { pow($0, $0) },
        first: { pow($0, $0) * (log($0) + 1) },
        second: { pow($0, $0) * ((log($0) + 1) * (log($0) + 1) + 1 / $0) }),
      DerivativeCase(
        expression: "1/x", low: 0.01, high: 100, f: { 1 / $0 }, first: { -1 / ($0 * $0) },
        second: { 2 / ($0 * $0 * $0) }),
      DerivativeCase(
        expression: "x*sin(x)", low: -10, high: 10, f: { $0 * sin($0) },
        first: { sin($0) + $0 * cos($0) }, second: { 2 * cos($0) - $0 * sin($0) }),
      DerivativeCase(
        expression: "sin(x)/(1 + x^2)", low: -10, high: 10, f: { sin($0) / (1 + $0 * $0) },
        first: { cos($0) / (1 + $0 * $0) - 2 * $0 * sin($0) / ((1 + $0 * $0) * (1 + $0 * $0)) },
        second: {
          let (s, c, q) = (sin($0), cos($0), 1 + $0 * $0)
          return -s / q - 4 * $0 * c / (q * q) + (8 * $0 * $0 / (q * q * q) - 2 / (q * q)) * s
        }),
      DerivativeCase(
        expression: "exp(-x^2/2)", low: -8, high: 8, f: { exp(-$0 * $0 / 2) },
        first: { -$0 * exp(-$0 * $0 / 2) }, second: { ($0 * $0 - 1) * exp(-$0 * $0 / 2) }),
      DerivativeCase(
        expression: "cos(x)^2 + sin(x)^2", low: -10, high: 10, f: { _ in 1 }, first: { _ in 0 },
        second: { _ in 0 }),
    ])
  func analyticDerivatives(_ example: DerivativeCase) throws {
    let expression = try #require(parsedExpression(example.expression))
    var points = randomPoints(2_000, example.low, example.high, seed: 3)
    points += stride(
      from: example.low, through: example.high, by: (example.high - example.low) / 200)
    for x in points {
      let jet = expression.jet(x)
      // The references are written naively (several roundings, libm's own error): 8 units.
      #expect(scaledUlps(jet.value, example.f(x)) <= 8, "f at \(x): \(jet.value)")
      #expect(scaledUlps(jet.first, example.first(x)) <= 8, "f′ at \(x): \(jet.first)")
      #expect(scaledUlps(jet.second, example.second(x)) <= 8, "f″ at \(x): \(jet.second)")
    }
  }

  @Test("f′ and f″ match central differences on composite expressions")
  func finiteDifferences() throws {
    let texts = [
      "sin(x)^2*exp(-x)/(1 + x^2)", "tanh(2*x - 1)*log1p(x^2)", "gelu(x)*swish(x, beta=2)",
      "sqrt(1 + x^2)^3 - cosh(x/3)", "mish(sin(3*x))/(2 + cos(x))", "(1 + x^2)^2^0.5 + 2^-x^2",
      "where(x > 0, x^3, -x^3)*elu(x^3, alpha=1)", "erf(x)*erfc(-x) + expm1(sinh(x/4))",
      "(1 + x^2)^(sin(x)/2)", "softplus(x, beta=3)^2*sigmoid(-x)", "max(x^2, 2)*min(x, 3)",
    ]
    for text in texts {
      let expression = try #require(parsedExpression(text))
      for x in stride(from: -2.9, through: 2.9, by: 0.1) {
        let h = 1e-5
        let difference = (expression.value(x + h) - expression.value(x - h)) / (2 * h)
        let curvature = (expression.derivative(x + h) - expression.derivative(x - h)) / (2 * h)
        let (first, second) = (expression.derivative(x), expression.secondDerivative(x))
        if abs(x * x - 2) > 1e-3 && abs(x - 3) > 1e-3 {
          #expect(abs(first - difference) <= 1e-7 * max(1, abs(first)), "\(text)′ at \(x)")
          #expect(abs(second - curvature) <= 1e-7 * max(1, abs(second)), "\(text)″ at \(x)")
        }
      }
    }
  }

  @Test("kinks follow PyTorch's conventions")
  func kinks() throws {
    func jet(_ text: String, _ x: Double) throws -> (Double, Double, Double) {
      let expression = try #require(parsedExpression(text))
      let jet = expression.jet(x)
      return (jet.value, jet.first, jet.second)
    }
    #expect(try jet("abs(x)", 0) == (0, 0, 0))
    #expect(try jet("abs(x)", -2) == (2, -1, 0))
    #expect(try jet("abs(x^2 - 1)", 1) == (0, 0, 0))
    #expect(try jet("abs(x)^2", -3) == (9, -6, 2))
    #expect(try jet("max(x, 0)", 0) == (0, 0.5, 0))
    #expect(try jet("max(x, 0)", 1) == (1, 1, 0))
    #expect(try jet("max(x, 0)", -1) == (0, 0, 0))
    #expect(try jet("max(x, -x)", 0) == (0, 0, 0))
    #expect(try jet("max(x, x, 0)", 0).1 == 2.0 / 3)
    #expect(try jet("max(x^2, 4)", 2) == (4, 2, 1))
    #expect(try jet("min(x, 0)", 0) == (0, 0.5, 0))
    #expect(try jet("min(x^2, x)", 1) == (1, 1.5, 1))
    #expect(try jet("clamp(x, 0, 1)", 0) == (0, 1, 0))
    #expect(try jet("clamp(x, 0, 1)", 1) == (1, 1, 0))
    #expect(try jet("clamp(x, 0, 1)", 1.5) == (1, 0, 0))
    #expect(try jet("clamp(x, 0, 1)", -0.5) == (0, 0, 0))
    #expect(try jet("clamp(x, x^2, 10)", 2) == (4, 4, 2))
    #expect(try jet("clamp(x, 0, x^2)", 2) == (2, 1, 0))
    #expect(try jet("clamp(x, 2, 1)", 0) == (1, 0, 0))
    #expect(try jet("where(x > 0, x^2, -x)", 0) == (-0.0, -1, 0))
    #expect(try jet("where(x >= 0, x^2, -x)", 0) == (0, 0, 2))
    #expect(try jet("sign(x)*x", 2) == (2, 1, 0))
    #expect(try jet("sign(x)", 0) == (0, 0, 0))
    #expect(try jet("floor(x)", 2.5) == (2, 0, 0))
    #expect(try jet("ceil(x)", 2.5) == (3, 0, 0))
    #expect(try jet("floor(x)", 2) == (2, 0, 0))
    #expect(try jet("relu(x)", 0) == (0, 0, 0))
    #expect(try jet("x*floor(x)", 2.5) == (5, 2, 0))
    // A locally constant argument makes every function locally constant: no 0·inf.
    #expect(try jet("sqrt(floor(x))", 0.5) == (0, 0, 0))
    #expect(try jet("log(x - floor(x))", 3) == (-.infinity, .infinity, -.infinity))
  }

  @Test("domain errors give NaN, never a trap; NaN in gives NaN out")
  func domainErrors() throws {
    let cases: [(String, Double)] = [
      ("log(-1)", 0), ("log(x)", -1), ("sqrt(-x)", 1), ("sqrt(x)", -4), ("x^0.5", -4),
      ("x^x", -1.5), ("(-2)^x", 2.5), ("log1p(x)", -2), ("x/x", 0), ("0*log(x)", 0),
      ("exp(x) - exp(x)", 800), ("elu(log(x))", -1), ("where(log(x) > 0, 1, 2)", -1),
      ("max(x, log(x))", -1), ("clamp(1, log(x), 2)", -1), ("x*0", .infinity),
    ]
    for (text, x) in cases {
      let expression = try #require(parsedExpression(text))
      let jet = expression.jet(x)
      #expect(jet.value.isNaN && jet.first.isNaN && jet.second.isNaN, "\(text) at \(x): \(jet)")
      #expect(expression.value(x).isNaN)
      #expect(expression.derivative(x).isNaN)
      #expect(expression.secondDerivative(x).isNaN)
    }
    for text in ["1", "x^0", "where(x > 0, 1, 2)", "sign(x)", "max(x, 1)", "floor(x)", "pi"] {
      let expression = try #require(parsedExpression(text))
      let jet = expression.jet(.nan)
      #expect(jet.value.isNaN && jet.first.isNaN && jet.second.isNaN, "\(text) at NaN")
    }
    // Poles are infinities, not NaN.
    #expect(try #require(parsedExpression("1/x")).value(0) == .infinity)
    #expect(try #require(parsedExpression("1/x")).value(-0.0) == -.infinity)
    #expect(try #require(parsedExpression("log(x)")).value(0) == -.infinity)
    #expect(try #require(parsedExpression("x^-2")).value(0) == .infinity)
    #expect(try #require(parsedExpression("x^-3")).value(-0.0) == -.infinity)
    // The branch where does not take is computed but cannot leak.
    let guarded = try #require(parsedExpression("where(x > 0, log(x), 0)"))
    #expect(guarded.jet(-1) == (0, 0, 0))
    #expect(guarded.jet(1) == (0, 1, -1))
  }

  @Test("extreme inputs: no trap, constants never turn 0·inf into NaN")
  func extremes() throws {
    let extremes: [Double] = [
      0, -0.0, .leastNonzeroMagnitude, -.leastNormalMagnitude, 1e-300, 1e300,
      .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, -.infinity,
    ]
    var generator = ExpressionGenerator(seed: 99)
    for _ in 0..<200 {
      let expression = try #require(parsedExpression(generator.expression(depth: 4)))
      for x in extremes { _ = expression.jet(x) }
    }
    let twice = try #require(parsedExpression("2*x"))
    #expect(twice.jet(.infinity) == (.infinity, 2, 0))
    let half = try #require(parsedExpression("x/2"))
    #expect(half.jet(-.infinity) == (-.infinity, 0.5, 0))
    #expect(try #require(parsedExpression("x + sqrt(0)")).jet(3) == (3, 1, 0))
    #expect(try #require(parsedExpression("exp(x)")).jet(710) == (.infinity, .infinity, .infinity))
    #expect(try #require(parsedExpression("exp(x)")).jet(-746) == (0, 0, 0))
    // Correctly rounded (mpmath), where e^710 alone would overflow.
    #expect(try #require(parsedExpression("sinh(x)")).value(710) == 1.1169973830808555e308)
    #expect(try #require(parsedExpression("cosh(x)")).value(-710) == 1.1169973830808555e308)
    #expect(try #require(parsedExpression("sinh(x)")).value(-0.0).sign == .minus)
  }

  @Test("powers: integer exponents by exact binary powering, others through exp and log")
  func powers() throws {
    func value(_ text: String, _ x: Double) throws -> Double {
      try #require(parsedExpression(text)).value(x)
    }
    #expect(try value("x^-2", 3) == 1.0 / 9)
    #expect(try value("x^2", 1.1) == 1.1 * 1.1)
    #expect(try value("x^3", -2) == -8)
    #expect(try value("x^-1", -0.0) == -.infinity)
    #expect(try value("x^0", 0) == 1)
    #expect(try value("x^0", .infinity) == 1)
    #expect(try value("x^1074", 0.5) == .leastNonzeroMagnitude)
    #expect(try value("x^1075", 0.5) == 0)
    #expect(try value("x^1023", 2) == 0x1p1023)
    #expect(try value("x^1024", 2) == .infinity)
    #expect(try value("x^-1022", 2) == .leastNormalMagnitude)
    #expect(try value("x^-5", 10) == 1e-5)
    #expect(try value("x^22", 10) == 1e22)
    #expect(try value("x^23", 10) == 1e23)
    #expect(try value("x^(1+1)", 3) == 9)
    #expect(try value("x^2147483648", 1 + 0x1p-52) == 1.000000476837272)
    // 1.1^10 correctly rounded (0x1.9f01c6a1e4a4dp+1 is 2.5937424601000023).
    #expect(try value("x^10", 1.1) == 2.5937424601000023)
    #expect(try value("x^0.5", 2) == 2.0.squareRoot())
    #expect(try value("x^0.5", 0) == 0)
    #expect(try value("x^-0.5", 0) == .infinity)
    #expect(try value("x^x", 0) == 1)
    #expect(try value("2^x", 0.5) == 2.0.squareRoot())
    #expect(try value("2^x", -1074) == .leastNonzeroMagnitude)
    #expect(try value("10^x", 22) == 1e22)
    // e^u is exp(u) (the constant e is not exact, exp is).
    let ePower = try #require(parsedExpression("e^(2*x)"))
    let exponential = try #require(parsedExpression("exp(2*x)"))
    for x in stride(from: -300.0, through: 300, by: 1.5) {
      #expect(ePower.jet(x) == exponential.jet(x), "at \(x)")
    }
  }

  @Test("the batch API gives the per-point results")
  func batch() throws {
    let expression = try #require(parsedExpression("x*tanh(softplus(x)) + where(x > 1, x^2, -x)"))
    let xs = randomPoints(1_000, -20, 20, seed: 5) + [.nan, .infinity, -.infinity, 0, 1]
    let (values, first, second) = expression.evaluate(xs)
    for (index, x) in xs.enumerated() {
      #expect(bitsEqual(values[index], expression.value(x)))
      #expect(bitsEqual(first[index], expression.derivative(x)))
      #expect(bitsEqual(second[index], expression.secondDerivative(x)))
    }
    // Only the outputs given are written; values alone skip the derivatives.
    var onlyValues = [Double](repeating: -1, count: xs.count)
    var onlyFirst = [Double](repeating: -1, count: xs.count)
    xs.withUnsafeBufferPointer { input in
      onlyValues.withUnsafeMutableBufferPointer { output in
        expression.evaluate(input, values: output, first: nil, second: nil)
      }
      onlyFirst.withUnsafeMutableBufferPointer { output in
        expression.evaluate(input, values: nil, first: output, second: nil)
      }
    }
    #expect(zip(onlyValues, values).allSatisfy { bitsEqual($0, $1) })
    #expect(zip(onlyFirst, first).allSatisfy { bitsEqual($0, $1) })
    let empty = expression.evaluate([])
    #expect(empty.values.isEmpty && empty.first.isEmpty && empty.second.isEmpty)
    // A large expression (registers off the stack) evaluates the same way.
    let large = try #require(parsedExpression("x" + String(repeating: "+sin(x)", count: 5_000)))
    let batch = large.evaluate([0.5, 1])
    #expect(batch.values == [large.value(0.5), large.value(1)])
    #expect(abs(batch.values[1] - (1 + 5_000 * sin(1))) < 1e-9)
  }

  @Test("an expression is an Activation with no declared kinks")
  func activation() throws {
    let expression = try #require(parsedExpression("abs(x) + relu(x - 1)"))
    let function: any Activation = expression
    #expect(function.kinks.isEmpty)
    #expect(function.value(-2) == 2)
    #expect(function.derivative(2) == 2)
    #expect(function.secondDerivative(2) == 0)
    #expect(Activations.Expression.builtinFunctions.contains("where"))
    #expect(Activations.Expression.builtinFunctions.count == 32)
  }
}
