import Activations
import Testing

/// Points across the interesting region, offset so none lands on a kink of the catalogue.
private let samplePoints: [Double] = stride(from: -8.0, through: 8.0, by: 0.37).map { $0 + 0.013 }

/// The specs with smooth or piecewise behaviour worth differentiating (every fixture spec).
private let differentiableSpecs = Reference.specs

@Suite("Derivatives and kinks")
struct DerivativeTests {
  /// f′ against a fourth-order central difference, away from declared kinks. A kink the catalogue
  /// does not declare shows up here as a mismatch near it.
  @Test("f' matches a high-order finite difference", arguments: differentiableSpecs)
  func matchesFiniteDifference(spec: String) throws {
    let function = try #require(bound(spec))
    let kinks = function.function.kinks.map(\.x)
    for x in samplePoints {
      let h = 1e-3 * max(1, abs(x))
      guard kinks.allSatisfy({ abs($0 - x) > 3 * h }) else { continue }
      let f = function.value
      let estimate = (f(x - 2 * h) - 8 * f(x - h) + 8 * f(x + h) - f(x + 2 * h)) / (12 * h)
      let analytic = function.derivative(x)
      #expect(
        abs(analytic - estimate) <= 1e-7 * max(1, abs(analytic)),
        "\(spec) at \(x): analytic \(analytic), finite difference \(estimate)")
    }
  }

  /// f″ against a fourth-order central difference of f′, away from declared kinks. The sample
  /// points stay ≥ 0.15 from 0, where f″ of relu2, elu(alpha=1), celu and softsign jumps although
  /// f′ is continuous (no kink declared).
  @Test("f'' matches a high-order finite difference of f'", arguments: differentiableSpecs)
  func secondDerivativeMatchesFiniteDifference(spec: String) throws {
    let function = try #require(bound(spec))
    let kinks = function.function.kinks.map(\.x)
    for x in samplePoints {
      let h = 1e-3 * max(1, abs(x))
      guard kinks.allSatisfy({ abs($0 - x) > 3 * h }) else { continue }
      let g = function.derivative
      let estimate = (g(x - 2 * h) - 8 * g(x - h) + 8 * g(x + h) - g(x + 2 * h)) / (12 * h)
      let analytic = function.secondDerivative(x)
      #expect(
        abs(analytic - estimate) <= 1e-7 * max(1, abs(analytic)),
        "\(spec) at \(x): analytic f'' \(analytic), finite difference of f' \(estimate)")
    }
  }

  /// At each declared kink f′ and f″ are the declared one-sided limits (f″ from the same side).
  @Test("kink derivatives follow the declared side", arguments: differentiableSpecs)
  func kinkConvention(spec: String) throws {
    let function = try #require(bound(spec))
    for kink in function.function.kinks {
      let delta = 1e-9 * max(1, abs(kink.x))
      for (name, g) in [("f'", function.derivative), ("f''", function.secondDerivative)] {
        let left = g(kink.x - delta)
        let right = g(kink.x + delta)
        let expected: Double
        switch kink.rule {
        case .left: expected = left
        case .right: expected = right
        case .average: expected = (left + right) / 2
        }
        #expect(
          abs(g(kink.x) - expected) <= 1e-6 * max(1, abs(expected)),
          "\(spec) at kink \(kink.x): \(name) = \(g(kink.x)), expected \(expected) (\(kink.rule))"
        )
      }
    }
  }

  struct KinkCase: Sendable, CustomTestStringConvertible {
    var spec: String
    var x: Double
    var derivative: Double
    var testDescription: String { "\(spec)'(\(x)) = \(derivative)" }
  }

  /// PyTorch autograd's values at kinks, pinned one by one.
  @Test(
    "derivatives at kinks match PyTorch",
    arguments: [
      KinkCase(spec: "relu", x: 0, derivative: 0),
      KinkCase(spec: "leaky_relu", x: 0, derivative: 0.01),
      KinkCase(spec: "prelu", x: 0, derivative: 0.25),
      KinkCase(spec: "rrelu", x: 0, derivative: (1.0 / 8 + 1.0 / 3) / 2),
      KinkCase(spec: "elu(alpha=0.5)", x: 0, derivative: 0.5),
      // scale·alpha = 1.758099340847376859940217520812… (mpmath), correctly rounded.
      KinkCase(spec: "selu", x: 0, derivative: 1.7580993408473768),
      KinkCase(spec: "celu(alpha=0.5)", x: 0, derivative: 1),
      KinkCase(spec: "relu6", x: 0, derivative: 0),
      KinkCase(spec: "relu6", x: 6, derivative: 0),
      KinkCase(spec: "hard_sigmoid", x: -3, derivative: 0),
      KinkCase(spec: "hard_sigmoid", x: 3, derivative: 0),
      KinkCase(spec: "hard_swish", x: -3, derivative: -0.5),
      KinkCase(spec: "hard_swish", x: 3, derivative: 1.5),
      KinkCase(spec: "hard_tanh", x: -1, derivative: 0),
      KinkCase(spec: "hard_tanh", x: 1, derivative: 0),
      KinkCase(spec: "softshrink", x: 0.5, derivative: 0),
      KinkCase(spec: "softshrink", x: -0.5, derivative: 0),
      KinkCase(spec: "hardshrink", x: 0.5, derivative: 0),
      KinkCase(spec: "threshold(threshold=1,value=-1)", x: 1, derivative: 0),
      KinkCase(spec: "frelu", x: 0, derivative: 0.5),
      KinkCase(spec: "maxout", x: 0, derivative: 0),
      KinkCase(spec: "relu2", x: 0, derivative: 0),
    ])
  func pytorchConvention(_ kinkCase: KinkCase) throws {
    let function = try #require(bound(kinkCase.spec))
    #expect(abs(function.derivative(kinkCase.x) - kinkCase.derivative) <= 1e-15)
  }

  /// f″ at the kinks and jumps of f″, pinned: the side f′ takes, 0 for the piecewise-linear
  /// functions, and the documented choices where only f″ jumps (relu2, elu, celu, softsign at 0).
  @Test(
    "second derivatives at kinks take the side of f'",
    arguments: [
      KinkCase(spec: "relu", x: 0, derivative: 0),
      KinkCase(spec: "leaky_relu", x: 0, derivative: 0),
      KinkCase(spec: "relu6", x: 6, derivative: 0),
      KinkCase(spec: "hard_sigmoid", x: -3, derivative: 0),
      KinkCase(spec: "hardshrink", x: 0.5, derivative: 0),
      KinkCase(spec: "frelu", x: 0, derivative: 0),
      KinkCase(spec: "maxout(weights=[-1,0.5,2],biases=[-1,0,-3])", x: 2, derivative: 0),
      KinkCase(spec: "hard_swish", x: -3, derivative: 1.0 / 3),
      KinkCase(spec: "hard_swish", x: 3, derivative: 1.0 / 3),
      KinkCase(spec: "hard_swish", x: (-3.0).nextDown, derivative: 0),
      KinkCase(spec: "hard_swish", x: 3.0.nextUp, derivative: 0),
      KinkCase(spec: "relu2", x: 0, derivative: 0),
      KinkCase(spec: "relu2", x: 0x1p-1074, derivative: 2),
      KinkCase(spec: "elu", x: 0, derivative: 1),
      KinkCase(spec: "elu(alpha=0.5)", x: 0, derivative: 0.5),
      KinkCase(spec: "selu", x: 0, derivative: 1.7580993408473768),
      KinkCase(spec: "celu(alpha=0.5)", x: 0, derivative: 2),
      KinkCase(spec: "softsign", x: 0, derivative: 0),
      // σ′(20) = 2.061153613941849e-09 (mpmath): the smooth side at the threshold, as f′.
      KinkCase(spec: "softplus(beta=1,threshold=20)", x: 20, derivative: 2.061153613941849e-09),
      KinkCase(spec: "softplus(beta=1,threshold=20)", x: 20.0.nextUp, derivative: 0),
    ])
  func secondDerivativeAtKinks(_ kinkCase: KinkCase) throws {
    let function = try #require(bound(kinkCase.spec))
    let second = function.secondDerivative(kinkCase.x)
    #expect(
      abs(second - kinkCase.derivative) <= 1e-15 * abs(kinkCase.derivative),
      "\(kinkCase.spec)''(\(kinkCase.x)) = \(second)")
  }

  @Test("hardshrink and threshold jump where declared")
  func jumps() throws {
    let hardshrink = try #require(bound("hardshrink"))
    #expect(hardshrink.value(0.5) == 0)
    #expect(hardshrink.value(0.5.nextUp) == 0.5.nextUp)
    #expect(hardshrink.function.kinks.allSatisfy { $0.isJump })
    let threshold = try #require(bound("threshold(threshold=1,value=-1)"))
    #expect(threshold.value(1) == -1)
    #expect(threshold.function.kinks == [Kink(at: 1, rule: .left, isJump: true)])
  }

  @Test("maxout finds the breakpoints of its upper envelope")
  func maxoutKinks() throws {
    let maxout = try #require(bound("maxout(weights=[-1,0.5,2],biases=[-1,0,-3])"))
    // Pieces -x-1, 0.5x, 2x-3: -x-1 = 0.5x at x = -2/3; 0.5x = 2x-3 at x = 2.
    let kinks = maxout.function.kinks
    #expect(kinks.count == 2)
    #expect(abs(kinks[0].x - (-2.0 / 3)) < 1e-15)
    #expect(kinks[1].x == 2)
    #expect(maxout.derivative(2) == 0.5)
  }
}

@Suite("Limits, NaN and stability")
struct LimitTests {
  struct LimitCase: Sendable, CustomTestStringConvertible {
    var spec: String
    var atMinusInfinity: Double
    var atPlusInfinity: Double
    var slopeAtMinusInfinity: Double
    var slopeAtPlusInfinity: Double
    /// f″ at ±∞: 0 but for relu2.
    var curvatureAtMinusInfinity = 0.0
    var curvatureAtPlusInfinity = 0.0
    var testDescription: String { spec }
  }

  static let limitCases: [LimitCase] = [
    LimitCase(
      spec: "sigmoid", atMinusInfinity: 0, atPlusInfinity: 1, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 0),
    LimitCase(
      spec: "hard_sigmoid", atMinusInfinity: 0, atPlusInfinity: 1, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 0),
    LimitCase(
      spec: "tanh", atMinusInfinity: -1, atPlusInfinity: 1, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 0),
    LimitCase(
      spec: "relu", atMinusInfinity: 0, atPlusInfinity: .infinity, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "softplus(beta=2)", atMinusInfinity: 0, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "leaky_relu", atMinusInfinity: -.infinity, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: 0.01,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "prelu", atMinusInfinity: -.infinity, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: 0.25,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "rrelu", atMinusInfinity: -.infinity, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: (1.0 / 8 + 1.0 / 3) / 2, slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "elu", atMinusInfinity: -1, atPlusInfinity: .infinity, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "relu6", atMinusInfinity: 0, atPlusInfinity: 6, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 0),
    LimitCase(
      spec: "silu", atMinusInfinity: 0, atPlusInfinity: .infinity, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "swish(beta=-1)", atMinusInfinity: -.infinity, atPlusInfinity: 0,
      slopeAtMinusInfinity: 1,
      slopeAtPlusInfinity: 0),
    LimitCase(
      spec: "hard_swish", atMinusInfinity: 0, atPlusInfinity: .infinity, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "mish", atMinusInfinity: 0, atPlusInfinity: .infinity, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "gelu", atMinusInfinity: 0, atPlusInfinity: .infinity, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "gelu(approximate=tanh)", atMinusInfinity: 0, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "maxout", atMinusInfinity: 0, atPlusInfinity: .infinity, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "frelu(t=-0.5)", atMinusInfinity: -0.5, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "acon_c(p1=1.5,p2=0.25,beta=2)", atMinusInfinity: -.infinity, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: 0.25, slopeAtPlusInfinity: 1.5),
    LimitCase(
      spec: "meta_acon", atMinusInfinity: -.infinity, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: 0.5,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "selu", atMinusInfinity: -1.7580993408473768, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: 0, slopeAtPlusInfinity: 1.0507009873554805),
    LimitCase(
      spec: "celu", atMinusInfinity: -1, atPlusInfinity: .infinity, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "softsign", atMinusInfinity: -1, atPlusInfinity: 1, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 0),
    LimitCase(
      spec: "log_sigmoid", atMinusInfinity: -.infinity, atPlusInfinity: 0, slopeAtMinusInfinity: 1,
      slopeAtPlusInfinity: 0),
    LimitCase(
      spec: "tanhshrink", atMinusInfinity: -.infinity, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: 1,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "softshrink", atMinusInfinity: -.infinity, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: 1,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "hardshrink", atMinusInfinity: -.infinity, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: 1,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "hard_tanh", atMinusInfinity: -1, atPlusInfinity: 1, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 0),
    LimitCase(
      spec: "threshold(threshold=1,value=-1)", atMinusInfinity: -1, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "identity", atMinusInfinity: -.infinity, atPlusInfinity: .infinity,
      slopeAtMinusInfinity: 1,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "squareplus", atMinusInfinity: 0, atPlusInfinity: .infinity, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
    LimitCase(
      spec: "relu2", atMinusInfinity: 0, atPlusInfinity: .infinity, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: .infinity, curvatureAtPlusInfinity: 2),
    LimitCase(
      spec: "quick_gelu", atMinusInfinity: 0, atPlusInfinity: .infinity, slopeAtMinusInfinity: 0,
      slopeAtPlusInfinity: 1),
  ]

  @Test("±inf give the true limits", arguments: limitCases)
  func infinities(_ limitCase: LimitCase) throws {
    let function = try #require(bound(limitCase.spec))
    #expect(function.value(-.infinity) == limitCase.atMinusInfinity)
    #expect(function.value(.infinity) == limitCase.atPlusInfinity)
    #expect(function.derivative(-.infinity) == limitCase.slopeAtMinusInfinity)
    #expect(function.derivative(.infinity) == limitCase.slopeAtPlusInfinity)
    #expect(function.secondDerivative(-.infinity) == limitCase.curvatureAtMinusInfinity)
    #expect(function.secondDerivative(.infinity) == limitCase.curvatureAtPlusInfinity)
  }

  /// f″ at ±∞ for every fixture spec (parameters included): 0, or relu2's 2 at +∞.
  @Test("f'' at ±inf is the true limit for every spec", arguments: Reference.specs)
  func curvatureAtInfinity(spec: String) throws {
    let function = try #require(bound(spec))
    #expect(function.secondDerivative(-.infinity) == 0)
    #expect(function.secondDerivative(.infinity) == (function.entry.name == "relu2" ? 2 : 0))
  }

  @Test("the limit table covers the catalogue")
  func limitTableCoversCatalogue() {
    let covered = Set(Self.limitCases.compactMap { try? Catalogue.bind($0.spec).entry.name })
    for entry in Catalogue.entries {
      #expect(covered.contains(entry.name), "no limit case for \(entry.name)")
    }
  }

  @Test("NaN in gives NaN out", arguments: Reference.specs + ["rrelu(training=true)"])
  func nanPropagates(spec: String) throws {
    let function = try #require(bound(spec))
    #expect(function.value(.nan).isNaN)
    #expect(function.derivative(.nan).isNaN)
    #expect(function.secondDerivative(.nan).isNaN)
  }

  /// The classic hazards, each a finite true value that a naive formula turns into inf,
  /// NaN or a wrong zero.
  @Test("values that naive formulas overflow stay finite and right")
  func hazards() throws {
    #expect(try #require(bound("softplus")).value(1000) == 1000)
    #expect(try #require(bound("sigmoid")).value(-1000) == 0)
    #expect(try #require(bound("sigmoid")).value(-700) > 0)
    #expect(try #require(bound("mish")).value(-800) == 0)
    #expect(try #require(bound("mish")).value(-710) < 0)
    #expect(try #require(bound("gelu")).value(-40) == 0)
    #expect(try #require(bound("gelu")).value(-36) < 0)
    #expect(try #require(bound("elu")).value(-1e300) == -1)
    #expect(try #require(bound("tanh")).derivative(20.5) > 0)
    #expect(try #require(bound("sigmoid")).derivative(47) > 0)
    #expect(try #require(bound("softsign")).derivative(1e154) > 0)
    // Second derivatives: 1 − 2σ, 1 − tanh² and x³ underflow or overflow in the textbook forms.
    #expect(try #require(bound("sigmoid")).secondDerivative(40) < 0)
    #expect(try #require(bound("tanh")).secondDerivative(20.5) < 0)
    #expect(try #require(bound("silu")).secondDerivative(-740) < 0)
    #expect(try #require(bound("mish")).secondDerivative(-740) < 0)
    #expect(try #require(bound("mish")).secondDerivative(300) < 0)
    #expect(try #require(bound("gelu")).secondDerivative(-38) < 0)
    #expect(try #require(bound("meta_acon")).secondDerivative(-750) > 0)
    #expect(try #require(bound("squareplus")).secondDerivative(1e100) > 0)
    #expect(try #require(bound("softsign")).secondDerivative(-1e100) > 0)
    #expect(try #require(bound("softsign")).secondDerivative(1e300) == 0)
  }
}

@Suite("Signed zeros")
struct SignedZeroTests {
  /// Functions with f(x) ≈ c·x near 0 keep the sign of a zero input, as the true limit from each
  /// side does; the rest return +0 where they are exactly 0.
  @Test(
    "odd-at-the-origin functions keep the sign of zero",
    arguments: [
      "tanh", "softsign", "tanhshrink", "identity", "silu", "swish(beta=2)", "gelu",
      "gelu(approximate=tanh)",
      "mish", "elu", "elu(alpha=0.5)", "selu", "celu", "leaky_relu", "prelu", "rrelu", "hard_tanh",
      "hard_swish",
      "acon_c", "meta_acon",
    ])
  func signOfZero(spec: String) throws {
    let function = try #require(bound(spec))
    expectSameBits(function.value(0), 0, "\(spec)(+0)")
    expectSameBits(function.value(-0.0), -0.0, "\(spec)(-0)")
  }

  @Test(
    "functions that are exactly zero on a half-line return +0 there",
    arguments: ["relu", "relu6", "relu2"])
  func plusZero(spec: String) throws {
    let function = try #require(bound(spec))
    for x in [-0.0, -1, -1e300] { expectSameBits(function.value(x), 0, "\(spec)(\(x))") }
  }

  /// f″ near 0 is c·x for sigmoid (c = −1/8), tanh (−2) and tanhshrink (2): a zero input gives
  /// the zero of f″'s sign on its side.
  @Test(
    "second derivatives that vanish at the origin take the sign beside it",
    arguments: [("sigmoid", -1.0), ("tanh", -1.0), ("tanhshrink", 1.0)])
  func secondDerivativeSignOfZero(spec: String, slope: Double) throws {
    let function = try #require(bound(spec))
    expectSameBits(function.secondDerivative(0), slope < 0 ? -0.0 : 0, "\(spec)''(+0)")
    expectSameBits(function.secondDerivative(-0.0), slope < 0 ? 0 : -0.0, "\(spec)''(-0)")
  }

  /// Linear pieces have f″ = +0 exactly, at kinks and on either side of them, whatever the sign of
  /// x; so does softsign at 0, the mean of its one-sided f″.
  @Test(
    "second derivatives of linear pieces are +0",
    arguments: Reference.specs + ["rrelu(training=true)"])
  func secondDerivativeOfLinearPieces(spec: String) throws {
    let function = try #require(bound(spec))
    let linear: Set<String> = [
      "relu", "leaky_relu", "prelu", "rrelu", "relu6", "hard_sigmoid", "hard_tanh", "softshrink",
      "hardshrink", "threshold", "identity", "maxout", "frelu",
    ]
    if linear.contains(function.entry.name) {
      let kinks = function.function.kinks.map(\.x)
      for x in [-0.0, 0, -1e300, -2.5, 1.5, 7, 1e300] + kinks {
        expectSameBits(function.secondDerivative(x), 0, "\(spec)''(\(x))")
      }
    }
    if function.entry.name == "softsign" {
      expectSameBits(function.secondDerivative(0), 0)
      expectSameBits(function.secondDerivative(-0.0), 0)
    }
  }
}
