import Testing

@testable import Activations

/// The fast kernels against the double-double ones (themselves within about half an ULP of the
/// truth) on many random points: the fast result must stay within the contract's budget less one
/// ULP for the double-double result's own error. The fixture checks against mpmath itself
/// (AccuracyTests); this covers far more points.
@Suite("Fast paths against the double-double kernels")
struct FastPathTests {
  /// Distance in ULPs of `fast` from `precise` (units of the smallest subnormal below the normal
  /// range).
  static func ulps(_ fast: Double, _ precise: Double) -> Double {
    if fast.bitPattern == precise.bitPattern || fast == precise { return 0 }
    guard fast.isFinite, precise.isFinite else { return .infinity }
    let unit = abs(precise) < .leastNormalMagnitude ? Double.leastNonzeroMagnitude : precise.ulp
    return abs(fast - precise) / unit
  }

  /// Random points: uniform on [-40, 40], and clustered (within 2⁻³⁰ … 2⁻⁵) around `specials`.
  static func points(count: Int, around specials: [Double], seed: UInt64) -> [Double] {
    var generator = SplitMix64(seed: seed)
    var xs: [Double] = []
    for index in 0..<count {
      let u = generator.nextUnitInterval()
      if index % 4 == 3, !specials.isEmpty {
        let centre = specials[index / 4 % specials.count]
        let scale = Double(
          sign: .plus, exponent: -5 - Int(25 * generator.nextUnitInterval()), significand: 1)
        xs.append(centre + (2 * u - 1) * scale)
      } else {
        xs.append(80 * u - 40)
      }
    }
    return xs
  }

  @Test("exact GELU: f, f′, f″")
  func gelu() {
    let gelu = GELU()
    var worst = (0.0, 0.0, 0.0)
    var at = (0.0, 0.0, 0.0)
    let specials = [
      -0.7517915246935645, 0, 3, -3, 1.4142135623730951, -1.4142135623730951, 10, -37, 37,
    ]
    for x in Self.points(count: 60_000, around: specials, seed: 8) {
      let e0 = Self.ulps(gelu.value(x), gelu.preciseValue(x))
      let e1 = Self.ulps(gelu.derivative(x), gelu.preciseDerivative(x))
      let e2 = Self.ulps(gelu.secondDerivative(x), gelu.preciseSecondDerivative(x))
      if e0 > worst.0 { (worst.0, at.0) = (e0, x) }
      if e1 > worst.1 { (worst.1, at.1) = (e1, x) }
      if e2 > worst.2 { (worst.2, at.2) = (e2, x) }
    }
    #expect(worst.0 <= 1, "f: \(worst.0) ULP at \(at.0)")
    #expect(worst.1 <= 3, "f′: \(worst.1) ULP at \(at.1)")
    #expect(worst.2 <= 7, "f″: \(worst.2) ULP at \(at.2)")
    print(
      "gelu worst vs double-double: f \(worst.0) at \(at.0), f′ \(worst.1) at \(at.1), f″ \(worst.2) at \(at.2)"
    )
  }
}

extension FastPathTests {
  @Test("sigmoid: f, f′ (and log_sigmoid's f′ and f″) by the fast exponential")
  func sigmoid() {
    var worst = (0.0, 0.0)
    var at = (0.0, 0.0)
    for x in Self.points(count: 60_000, around: [0, 1, -1, 20, -20, 700, -700], seed: 9) {
      let e0 = Self.ulps(
        fastLogistic(x) ?? logistic(DoubleDouble(x)).value, logistic(DoubleDouble(x)).value)
      let e1 = Self.ulps(
        fastLogisticDerivative(x) ?? 0, logisticDerivative(DoubleDouble(x)).value)
      if e0 > worst.0 { (worst.0, at.0) = (e0, x) }
      if e1 > worst.1 { (worst.1, at.1) = (e1, x) }
    }
    #expect(worst.0 <= 1, "σ: \(worst.0) ULP at \(at.0)")
    #expect(worst.1 <= 3, "σ′: \(worst.1) ULP at \(at.1)")
    print("sigmoid worst vs double-double: f \(worst.0) at \(at.0), f′ \(worst.1) at \(at.1)")
  }

  /// x·σ(βx) at the smallest subnormals rounds to a zero with x's sign; the fast path's exact
  /// product cannot form it there (found by Scripts/accuracy/accuracy.py), so it must not be used.
  @Test(arguments: ["silu", "swish(beta=0.5)", "acon_c", "swish(beta=3)"])
  func swishKeepsTheSignOfAnUnderflowedResult(_ spec: String) throws {
    let f = try Catalogue.bind(spec)
    for x in [-Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude, -1e-320, 1e-320] {
      let y = f.value(x)
      #expect(y.sign == x.sign && abs(y) <= abs(x), "\(spec)(\(x)) = \(y)")
    }
  }
}
