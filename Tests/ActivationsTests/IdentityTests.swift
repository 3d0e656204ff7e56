import Activations
import Testing

/// Points that exercise every branch: the grid of the interesting region, the exp hard points and
/// the extremes of the double range.
private let identityPoints: [Double] =
  stride(from: -12.0, through: 12.0, by: 0.125).map { $0 }
  + [
    0, -0.0, 1e-300, -1e-300, 5e-324, -5e-324, 1e-8, -1e-8, 700, -700, 709.8, -709.8, 745, -745,
    800, -800,
  ]
  + [1e300, -1e300, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, -.infinity]

@Suite("Identities between catalogue functions")
struct IdentityTests {
  struct SameBitsCase: Sendable, CustomTestStringConvertible {
    var left: String
    var right: String
    var testDescription: String { "\(left) ≡ \(right)" }
  }

  /// Pairs that are the same function computed by the same kernel: equal to the last bit.
  @Test(
    "identical functions give identical bits",
    arguments: [
      SameBitsCase(left: "acon_c", right: "silu"),
      SameBitsCase(left: "acon_c(p1=1,p2=0,beta=1)", right: "silu"),
      SameBitsCase(left: "swish(beta=1)", right: "silu"),
      SameBitsCase(left: "swish", right: "silu"),
      SameBitsCase(left: "relu6", right: "hard_tanh(min_val=0,max_val=6)"),
      SameBitsCase(left: "prelu(weight=0.2)", right: "leaky_relu(0.2)"),
      SameBitsCase(left: "rrelu(lower=0.2,upper=0.2)", right: "leaky_relu(0.2)"),
    ])
  func sameBits(_ pair: SameBitsCase) throws {
    let left = try #require(bound(pair.left))
    let right = try #require(bound(pair.right))
    for x in identityPoints {
      expectSameBits(left.value(x), right.value(x), "value at \(x)")
      expectSameBits(left.derivative(x), right.derivative(x), "derivative at \(x)")
      expectSameBits(
        left.secondDerivative(x), right.secondDerivative(x), "second derivative at \(x)")
    }
  }

  /// tanhshrink″ = −tanh″ and log_sigmoid″ = −sigmoid′, from the same kernels: negated bits.
  @Test("second derivatives that are negated first or second derivatives")
  func negatedSecondDerivatives() {
    for x in identityPoints {
      expectSameBits(Tanhshrink().secondDerivative(x), -Tanh().secondDerivative(x), "at \(x)")
      expectSameBits(LogSigmoid().secondDerivative(x), -Sigmoid().derivative(x), "at \(x)")
    }
  }

  /// Pairs equal as real functions whose values agree to the double (the same bits), or are both
  /// NaN; derivatives at the shared kink may follow different conventions, so values only.
  @Test("ReLU's special cases have ReLU's values", arguments: ["threshold", "frelu", "maxout"])
  func reluSpecialCases(spec: String) throws {
    let function = try #require(bound(spec))
    let relu = ReLU()
    for x in identityPoints where x != 0 {
      #expect(function.value(x) == relu.value(x), "\(spec) at \(x)")
    }
  }

  @Test("hard_swish(x) = x·hard_sigmoid(x) to within an ULP")
  func hardSwishFactorises() {
    for x in identityPoints where x.isFinite && abs(x) < 3 {
      let product = x * HardSigmoid().value(x)
      let hardSwish = HardSwish().value(x)
      #expect(
        abs(hardSwish - product) <= max(hardSwish.ulp, Double.leastNonzeroMagnitude), "at \(x)")
    }
  }

  @Test("log_sigmoid(x) = −softplus(−x) and acon_c with beta 0 is the mean line")
  func otherIdentities() throws {
    let mean = try #require(bound("acon_c(p1=1.5,p2=-0.5,beta=0)"))
    let halfSwish = try #require(bound("swish(beta=0)"))
    for x in identityPoints where x.isFinite {
      #expect(LogSigmoid().value(x) == -Softplus().value(-x), "log_sigmoid at \(x)")
      #expect(mean.value(x) == 0.5 * x, "acon_c(beta=0) at \(x)")
      #expect(halfSwish.value(x) == x / 2, "swish(beta=0) at \(x)")
    }
  }

  @Test("celu with alpha 1 is elu, selu is scale·elu(alpha)")
  func exponentialUnits() {
    for x in identityPoints where x.isFinite {
      #expect(CELU(alpha: 1).value(x) == ELU(alpha: 1).value(x), "celu at \(x)")
      let scaled = SELU.scale * ELU(alpha: SELU.alpha).value(x)
      let selu = SELU().value(x)
      if selu.isInfinite && selu == scaled { continue }
      #expect(abs(selu - scaled) <= 2 * max(selu.ulp, Double.leastNonzeroMagnitude), "selu at \(x)")
    }
  }
}

@Suite("RReLU's random slopes")
struct RReLUTests {
  private let negatives = stride(from: -10.0, to: 0, by: 0.0625).map { $0 }

  @Test("training mode is reproducible for a seed and differs between seeds")
  func reproducible() throws {
    let first = try #require(bound("rrelu(training=true)", seed: 7))
    let again = try #require(bound("rrelu(training=true)", seed: 7))
    let other = try #require(bound("rrelu(training=true)", seed: 8))
    var differences = 0
    for x in negatives {
      expectSameBits(first.value(x), again.value(x))
      if first.value(x) != other.value(x) { differences += 1 }
    }
    #expect(differences > negatives.count * 9 / 10)
  }

  @Test("each slope lies in [lower, upper] and is the derivative")
  func slopesInRange() throws {
    let function = try #require(bound("rrelu(lower=0.1,upper=0.3,training=true)", seed: 42))
    var slopes: [Double] = []
    for x in negatives {
      let slope = function.derivative(x)
      #expect(slope >= 0.1 && slope <= 0.3, "slope \(slope) at \(x)")
      #expect(abs(function.value(x) - slope * x) <= function.value(x).ulp)
      slopes.append(slope)
    }
    // A uniform draw on [0.1, 0.3]: the sample mean of 160 draws is within 0.02 of 0.2 (5 σ).
    let mean = slopes.reduce(0, +) / Double(slopes.count)
    #expect(abs(mean - 0.2) < 0.02)
    #expect(function.value(2) == 2 && function.derivative(2) == 1)
  }

  @Test("evaluation mode uses the mean slope")
  func evaluationMode() throws {
    let function = try #require(bound("rrelu(lower=0.1,upper=0.3)"))
    #expect(function.derivative(-1) == 0.2)
    #expect(function.value(-2) == -0.4)
  }

  @Test("SplitMix64 matches its published reference output")
  func splitMixReference() {
    // First outputs for seed 1234567 from the reference implementation (Vigna's splitmix64.c).
    var generator = SplitMix64(seed: 1_234_567)
    #expect(generator.next() == 6_457_827_717_110_365_317)
    #expect(generator.next() == 3_203_168_211_198_807_973)
  }
}
