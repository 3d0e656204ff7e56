import Activations
import Testing

/// Binds a spec, failing the test when it does not bind.
private func analyse(_ spec: String) throws -> Properties {
  Analysis.properties(of: try Catalogue.bind(spec))
}

private func close(_ a: Double, _ b: Double, _ relative: Double = 1e-12) -> Bool {
  abs(a - b) <= relative * max(abs(a), abs(b))
}

/// The smoothness class of every catalogue entry at its defaults.
private let expectedContinuity: [String: String] = [
  "sigmoid": "Cinf", "hard_sigmoid": "C0", "tanh": "Cinf", "relu": "C0", "softplus": "Cinf",
  "leaky_relu": "C0", "prelu": "C0", "rrelu": "C0", "elu": "C1", "relu6": "C0", "silu": "Cinf",
  "swish": "Cinf", "hard_swish": "C0", "mish": "Cinf", "gelu": "Cinf", "maxout": "C0",
  "frelu": "C0", "acon_c": "Cinf", "meta_acon": "Cinf", "selu": "C0", "celu": "C1",
  "softsign": "C1", "log_sigmoid": "Cinf", "tanhshrink": "Cinf", "softshrink": "C0",
  "hardshrink": "C-1", "hard_tanh": "C0", "threshold": "C0", "identity": "Cinf",
  "squareplus": "Cinf", "relu2": "C1", "quick_gelu": "Cinf",
]

/// Whether every catalogue entry at its defaults is monotonic. The non-monotonic ones dip below
/// 0 before rising: silu/swish/acon_c (= silu at defaults), hard_swish (minimum −3/8 at −3/2),
/// mish, gelu. meta_acon at defaults, x·sigmoid(sigmoid(x)·x), is increasing (its gate stays
/// above 0.43).
private let expectedMonotonic: [String: Bool] = [
  "sigmoid": true, "hard_sigmoid": true, "tanh": true, "relu": true, "softplus": true,
  "leaky_relu": true, "prelu": true, "rrelu": true, "elu": true, "relu6": true, "silu": false,
  "swish": false, "hard_swish": false, "mish": false, "gelu": false, "maxout": true,
  "frelu": true, "acon_c": false, "meta_acon": true, "selu": true, "celu": true,
  "softsign": true, "log_sigmoid": true, "tanhshrink": true, "softshrink": true,
  "hardshrink": true, "hard_tanh": true, "threshold": true, "identity": true,
  "squareplus": true, "relu2": true, "quick_gelu": false,
]

/// The entries with f(0) = 0 and f′(0⁻) = f′(0⁺) = 1 at their defaults. Not: selu (f′(0⁻) ≈
/// 1.7581, f′(0⁺) ≈ 1.0507), leaky_relu/prelu/rrelu (left slope ≠ 1), silu/gelu/swish (f′(0) =
/// 1/2), mish (f′(0) = tanh(log 2) = 0.6), softshrink/hardshrink (0 near 0), squareplus and
/// log_sigmoid (f(0) ≠ 0).
private let expectedIdentityNearOrigin: Set<String> = [
  "tanh", "elu", "celu", "softsign", "hard_tanh", "identity",
]

/// Specs beyond the defaults whose declared class differs, for the numeric cross-check.
private let variantSpecs = [
  "elu(alpha=0.5)", "elu(alpha=2)", "softplus(threshold=20)", "softplus(beta=2,threshold=1)",
  "hardshrink(lambda=0)", "softshrink(lambda=0)", "leaky_relu(1)", "threshold(0.5,2)",
  "threshold(1,1)", "maxout(weights=[1,1],biases=[0,0])", "celu(alpha=2)",
  "gelu(approximate=tanh)",
]

@Suite("Property analysis")
struct AnalysisTests {
  @Test(
    "global minima match mpmath",
    arguments: [
      ("mish", -1.192431214515495, -0.308843413017250),
      ("silu", -1.278464542761074, -0.278464542761074),
      ("gelu", -0.751791524693564, -0.169971207479904),
    ])
  func minima(name: String, x: Double, value: Double) throws {
    let properties = try analyse(name)
    let minimum = try #require(properties.minimum)
    #expect(close(minimum.x, x), "\(name): x \(minimum.x)")
    #expect(close(minimum.value, value), "\(name): value \(minimum.value)")
    let infimum = try #require(properties.infimum)
    #expect(infimum.isAttained && close(infimum.value, value))
    #expect(properties.supremum == nil && properties.maximum == nil)
    #expect(!properties.isMonotonic)
    #expect(properties.decreasing.count == 1 && close(properties.decreasing[0].upper, x))
  }

  @Test("an expression gets the same minimum, numerically")
  func expressionMinimum() throws {
    let mish = try Expression.parse("x * tanh(log1p(exp(x)))")
    let properties = Analysis.properties(of: mish)
    #expect(properties.isNumeric)
    let minimum = try #require(properties.minimum)
    #expect(close(minimum.x, -1.192431214515495, 1e-10))
    #expect(close(minimum.value, -0.308843413017250))
  }

  @Test("ranges: open and closed ends")
  func ranges() throws {
    for (spec, low, high) in [("sigmoid", 0.0, 1.0), ("tanh", -1.0, 1.0)] {
      let p = try analyse(spec)
      #expect(p.infimum == Properties.Bound(value: low, isAttained: false), "\(spec)")
      #expect(p.supremum == Properties.Bound(value: high, isAttained: false), "\(spec)")
      #expect(p.minimum == nil && p.maximum == nil && p.isMonotonic)
    }
    for alpha in [0.5, 1, 2, 3.25] {
      let p = try analyse("elu(alpha=\(alpha))")
      let infimum = try #require(p.infimum)
      #expect(close(infimum.value, -alpha) && !infimum.isAttained, "alpha \(alpha)")
      #expect(p.supremum == nil && !p.isBoundedAbove && p.isBoundedBelow)
    }
    let relu6 = try analyse("relu6")
    #expect(relu6.infimum == Properties.Bound(value: 0, isAttained: true))
    #expect(relu6.supremum == Properties.Bound(value: 6, isAttained: true))
    #expect(relu6.minimum?.value == 0 && relu6.maximum?.value == 6)
    #expect(relu6.minimum?.x == 0 && relu6.maximum?.x == 6)
    #expect(relu6.dead.count == 2 && relu6.dead[0].lower == -.infinity)
  }

  @Test("continuity class of every entry at its defaults")
  func continuityTable() throws {
    #expect(Set(expectedContinuity.keys) == Set(Catalogue.entries.map(\.name)))
    for entry in Catalogue.entries {
      let p = try analyse(entry.name)
      #expect(p.continuity.description == expectedContinuity[entry.name], "\(entry.name)")
      #expect(p.continuityMethod == .declared && !p.isNumeric)
    }
  }

  @Test("monotonicity and identity near the origin of every entry at its defaults")
  func monotonicityAndIdentity() throws {
    #expect(Set(expectedMonotonic.keys) == Set(Catalogue.entries.map(\.name)))
    for entry in Catalogue.entries {
      let p = try analyse(entry.name)
      #expect(p.isMonotonic == expectedMonotonic[entry.name], "\(entry.name)")
      #expect(
        p.isIdentityNearOrigin == expectedIdentityNearOrigin.contains(entry.name), "\(entry.name)")
    }
  }

  @Test("declared continuity agrees with numeric evidence")
  func declaredMatchesNumeric() throws {
    let specs = Catalogue.entries.map(\.name) + variantSpecs
    for spec in specs {
      let bound = try Catalogue.bind(spec)
      let declared = Analysis.properties(of: bound).continuity
      let numeric = Analysis.numericContinuity(of: bound.function)
      let expected = declared == .infinite ? .atLeast(2) : declared
      #expect(numeric == expected, "\(spec): declared \(declared), numeric \(numeric)")
    }
  }

  @Test("declared classes that depend on parameters")
  func parameterDependentClasses() throws {
    #expect(try analyse("elu(alpha=0.5)").continuity == .c(0))
    #expect(try analyse("softplus(threshold=20)").continuity == .discontinuous)
    #expect(try analyse("hardshrink(lambda=0)").continuity == .infinite)
    #expect(try analyse("threshold(0.5,2)").continuity == .discontinuous)
    #expect(try analyse("threshold(0.5,2)").isMonotonic == false)
  }

  @Test("saturation, dead regions and the derivative at zero")
  func saturationAndDead() throws {
    let sigmoid = try analyse("sigmoid")
    #expect(sigmoid.dead.isEmpty)
    #expect(sigmoid.saturation.count == 2)
    let edge = sigmoid.saturation[0].upper
    #expect(sigmoid.saturation[0].lower == -.infinity && sigmoid.saturation[1].upper == .infinity)
    #expect(edge < -6.9 && edge > -6.92)
    #expect(close(try Catalogue.bind("sigmoid").derivative(edge), 1e-3, 1e-9))
    #expect(try analyse("gelu").dead.isEmpty)
    let relu = try analyse("relu")
    #expect(relu.dead == [Properties.Interval(-.infinity, 0)])
    #expect(relu.increasing == [Properties.Interval(0, .infinity)])
    #expect(relu.derivativeAtZero.isKink && relu.derivativeAtZero.value == 0)
    let selu = try analyse("selu").derivativeAtZero
    #expect(
      selu.isKink && close(selu.left, 1.7580993408473766) && close(selu.right, 1.0507009873554805))
    #expect(try analyse("tanh").isZeroCentered && !(try analyse("relu").isZeroCentered))
    #expect(try analyse("tanh").saturation.count == 2)
  }

  @Test("expressions are analysed numerically")
  func expressions() throws {
    let absolute = Analysis.properties(of: try Expression.parse("abs(x)"))
    #expect(absolute.continuity == .c(0) && absolute.continuityMethod == .numeric)
    #expect(absolute.minimum == Properties.Extremum(x: 0, value: 0))
    #expect(!absolute.isMonotonic && absolute.supremum == nil)
    let smooth = Analysis.properties(of: try Expression.parse("tanh(x)"))
    #expect(smooth.continuity == .atLeast(2) && smooth.isIdentityNearOrigin)
    #expect(smooth.infimum == Properties.Bound(value: -1, isAttained: false))
    let bump = Analysis.properties(of: try Expression.parse("exp(-x^2)"))
    #expect(bump.infimum == Properties.Bound(value: 0, isAttained: false))
    #expect(bump.maximum == Properties.Extremum(x: 0, value: 1) && !bump.isMonotonic)
    let named = Analysis.properties(
      of: try Catalogue.bind("elu(alpha=0.5)").function, name: "ELU",
      arguments: try Catalogue.bind("elu(alpha=0.5)").arguments)
    #expect(named.continuity == .c(0) && named.continuityMethod == .declared)
  }

  @Test("isolated zeros of f′ are neither dead nor a split, and run ends snap to kinks")
  func isolatedZerosAndKinks() throws {
    let tanhshrink = try analyse("tanhshrink")
    #expect(tanhshrink.dead.isEmpty && tanhshrink.increasing.count == 1)
    let hardSwish = try analyse("hard_swish")
    #expect(hardSwish.dead == [Properties.Interval(-.infinity, -3)])
    #expect(hardSwish.decreasing == [Properties.Interval(-3, -1.5)])
    #expect(hardSwish.minimum == Properties.Extremum(x: -1.5, value: -0.375))
    let frelu = try analyse("frelu")
    #expect(frelu.dead == [Properties.Interval(-.infinity, 0)])
    #expect(frelu.derivativeAtZero.value == 0.5 && frelu.derivativeAtZero.isKink)
    let square = Analysis.properties(of: try Expression.parse("x^2"))
    #expect(square.dead.isEmpty && square.minimum == Properties.Extremum(x: 0, value: 0))
    #expect(square.decreasing.count == 1 && square.increasing.count == 1)
  }
}

/// Exact ends, stationary points apart from saturation, undecided scans. Expected values
/// come from exact arithmetic.
@Suite("Analysis: exact ends and what is established")
struct AnalysisEstablishedTests {
  struct SaturationCase: CustomStringConvertible {
    let spec: String
    let bands: [Properties.Interval]
    var description: String { spec }
  }

  static let saturationCases = [
    // relu2' = 2x for x > 0: |f'| < 0.001 exactly for x < 0.0005.
    SaturationCase(spec: "relu2", bands: [Properties.Interval(-.infinity, 0.0005)]),
    // silu's band around its minimum at -1.278 is a stationary point, not saturation; the
    // half-line ends where |silu'| = 0.001, mpmath: -8.98506156407529913409…
    SaturationCase(
      spec: "silu", bands: [Properties.Interval(-.infinity, -8.985061564075299134095)]),
    // hard_swish' = (2x + 3)/6 on [-3, 3], 0 below -3; its minimum at -3/2 is stationary.
    SaturationCase(spec: "hard_swish", bands: [Properties.Interval(-.infinity, -3)]),
    // tanhshrink' = tanh(x)^2 touches 0 only at 0.
    SaturationCase(spec: "tanhshrink", bands: []),
    // hardshrink is flat on [-1/2, 1/2]: a bounded flat stretch stays.
    SaturationCase(spec: "hardshrink", bands: [Properties.Interval(-0.5, 0.5)]),
  ]

  @Test("saturation: half-lines and flat stretches, exact ends", arguments: saturationCases)
  func saturation(_ c: SaturationCase) throws {
    let p = try analyse(c.spec)
    #expect(p.saturation.count == c.bands.count)
    for (band, expected) in zip(p.saturation, c.bands) {
      #expect(band.lower == expected.lower)
      // silu's end is a root of |f'| = 0.001: within a few doubles; the others exactly.
      #expect(abs(band.upper - expected.upper) <= 4 * expected.upper.ulp, "\(band)")
    }
  }

  @Test("threshold(1, 2): the infimum 1 is the limit from the right, not attained")
  func thresholdRange() throws {
    let p = try analyse("threshold(1, 2)")
    #expect(p.infimum == Properties.Bound(value: 1, isAttained: false))
    #expect(p.minimum == nil)
  }

  @Test("stationary points: hard_swish at -3/2, x^2 at 0, none for sigmoid")
  func stationary() throws {
    #expect(try analyse("hard_swish").stationary == [-1.5])
    #expect(Analysis.properties(of: try Expression.parse("x^2")).stationary == [0])
    #expect(try analyse("sigmoid").stationary == [])
  }

  @Test("an oscillation the grid does not resolve is undecided, and no witness comes from it")
  func undecided() throws {
    let sine = Analysis.properties(of: try Expression.parse("sin(x)"))
    // cos changes sign every pi; the log grid's gaps pass pi a little beyond the dense band.
    #expect(sine.undecided.contains { $0.lower <= 100 && $0.upper == .infinity })
    #expect(sine.increasing.allSatisfy { $0.upper <= 40 })
    let damped = Analysis.properties(of: try Expression.parse("x*sin(1/x)"))
    // x·sin(1/x) < 1 for x ≠ 0, tending to 1: a supremum, not a maximum.
    #expect(damped.supremum == Properties.Bound(value: 1, isAttained: false))
    #expect(damped.maximum == nil)
    #expect(Analysis.properties(of: try Expression.parse("x*sigmoid(x)")).undecided.isEmpty)
  }
}
