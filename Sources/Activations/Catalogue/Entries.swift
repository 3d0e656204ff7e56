// The catalogue's contents. Formulas here are what `activ info` prints; the doc comment of each
// function's type says how it is computed.

private func makeEntry(
  _ name: String, aliases: [String] = [], _ summary: String, parameters: [Parameter] = [],
  formula: String, derivative: String, remark: String? = nil,
  build: @escaping @Sendable (Arguments, BindingContext) throws(SpecError) -> any Activation
) -> CatalogueEntry {
  CatalogueEntry(
    name: name, aliases: aliases, summary: summary, parameters: parameters, formula: formula,
    derivativeFormula: derivative, remark: remark, build: build)
}

private func real(
  _ name: String, _ value: Double, _ constraint: Parameter.Constraint = .any, _ summary: String
)
  -> Parameter
{
  Parameter(name, .real(constraint), default: .real(value), summary)
}

extension Catalogue {
  /// The functions of the source article, in its order.
  static let articleEntries: [CatalogueEntry] = [
    makeEntry(
      "sigmoid", aliases: ["logistic"], "logistic sigmoid 1/(1+e^-x), onto (0,1)",
      formula: "f(x) = 1 / (1 + e^-x)", derivative: "f'(x) = f(x)·(1 - f(x))",
      remark:
        "Maps inputs to (0,1): very negative to 0, very positive to 1. Gradients vanish in deep nets; "
        + "the output is not zero-centred; exp is costly."
    ) { _, _ in Sigmoid() },
    makeEntry(
      "hard_sigmoid", aliases: ["h_sigmoid"], "piecewise-linear sigmoid ReLU6(x+3)/6",
      formula: "f(x) = min(max(x + 3, 0), 6) / 6",
      derivative: "f'(x) = 1/6 for -3 < x < 3, else 0   (0 at x = ±3)",
      remark: "A cheap stand-in for the sigmoid, whose exp is costly: ReLU6(x+3)/6."
    ) { _, _ in HardSigmoid() },
    makeEntry(
      "tanh", "hyperbolic tangent, zero-centred onto (-1,1)",
      formula: "f(x) = tanh(x)", derivative: "f'(x) = 1 - tanh(x)^2 = sech(x)^2",
      remark: "Zero-centred, unlike the sigmoid; still has vanishing gradients and costly exp."
    ) { _, _ in Tanh() },
    makeEntry(
      "relu", "rectified linear unit max(0,x)",
      formula: "f(x) = max(0, x)", derivative: "f'(x) = 1 for x > 0, else 0   (f'(0) = 0)",
      remark:
        "No saturation for x > 0 and fast to compute; neurons die for x < 0 (zero gradient); "
        + "not zero-centred; unbounded above; the derivative is discontinuous."
    ) { _, _ in ReLU() },
    makeEntry(
      "softplus", "smooth ReLU log(1+e^(beta·x))/beta",
      parameters: [
        real("beta", 1, .positive, "sharpness; larger is closer to ReLU"),
        Parameter(
          "threshold", .optionalReal(.any), default: .none,
          "PyTorch's shortcut: return x where beta·x > threshold (none: never)"),
      ],
      formula: "f(x) = log(1 + e^(beta·x)) / beta   (x where beta·x > threshold, if set)",
      derivative: "f'(x) = sigmoid(beta·x)   (1 where beta·x > threshold, if set)",
      remark: "Can be seen as a smoothed ReLU."
    ) { args, _ in Softplus(beta: args.real("beta"), threshold: args.optionalReal("threshold")) },
    makeEntry(
      "leaky_relu", aliases: ["lrelu"], "ReLU with a small fixed slope for x < 0",
      parameters: [real("negative_slope", 0.01, .any, "slope for x <= 0")],
      formula: "f(x) = x for x > 0, else negative_slope·x",
      derivative: "f'(x) = 1 for x > 0, else negative_slope   (f'(0) = negative_slope)",
      remark:
        "Gives negative inputs a small linear part so their gradient is not zero (dead neurons); "
        + "the slope is usually about 0.01. Unbounded above; derivative discontinuous."
    ) { args, _ in LeakyReLU(negativeSlope: args.real("negative_slope")) },
    makeEntry(
      "prelu", aliases: ["parametric_relu"], "leaky ReLU with a learnable slope (one weight here)",
      parameters: [
        real("weight", 0.25, .any, "the learned slope for x <= 0 (PyTorch's initial 0.25)")
      ],
      formula: "f(x) = x for x > 0, else weight·x",
      derivative: "f'(x) = 1 for x > 0, else weight   (f'(0) = weight)",
      remark: "As Leaky ReLU, but the slope α is learned."
    ) { args, _ in PReLU(weight: args.real("weight")) },
    makeEntry(
      "rrelu", aliases: ["randomized_leaky_relu"], "leaky ReLU with a random slope in training",
      parameters: [
        real("lower", 1.0 / 8, .any, "lower bound of the slope's uniform distribution"),
        real("upper", 1.0 / 3, .any, "upper bound of the slope's uniform distribution"),
        Parameter(
          "training", .boolean, default: .boolean(false),
          "true: draw a slope per point (seeded by --seed); false: use (lower+upper)/2"),
      ],
      formula: "f(x) = x for x > 0, else a·x;  a ~ U[lower, upper] (training) or (lower+upper)/2",
      derivative: "f'(x) = 1 for x > 0, else a   (f'(0) = a)",
      remark:
        "A random version of Leaky ReLU, first used in the NDSB competition: the slope is random in "
        + "training and averaged at test time (the winner drew it from U(3,8), as y = x/a)."
    ) { args, context throws(SpecError) in
      let (lower, upper) = try rreluBounds(args)
      return RReLU(
        lower: lower, upper: upper, training: args.boolean("training"), seed: context.seed)
    },
    makeEntry(
      "elu", "exponential linear unit",
      parameters: [real("alpha", 1, .any, "the negative saturation value is -alpha")],
      formula: "f(x) = x for x > 0, else alpha·(e^x - 1)",
      derivative: "f'(x) = 1 for x > 0, else alpha·e^x   (f'(0) = alpha)",
      remark: "Costlier to compute than ReLU; there is no clear evidence that it beats ReLU."
    ) { args, _ in ELU(alpha: args.real("alpha")) },
    makeEntry(
      "relu6", "ReLU capped at 6",
      formula: "f(x) = min(max(0, x), 6)",
      derivative: "f'(x) = 1 for 0 < x < 6, else 0   (0 at x = 0 and x = 6)",
      remark: "Caps ReLU's positive output at 6."
    ) { _, _ in ReLU6() },
    makeEntry(
      "silu", "sigmoid-weighted linear unit x·sigmoid(x) (swish with beta=1)",
      formula: "f(x) = x·sigmoid(x)", derivative: "f'(x) = sigmoid(x)·(1 + x·(1 - sigmoid(x)))",
      remark: "Uses the sigmoid as a self-gate on x."
    ) { _, _ in SiLU() },
    makeEntry(
      "swish", "x·sigmoid(beta·x); beta=1 is SiLU",
      parameters: [real("beta", 1, .any, "gate sharpness; 0 gives x/2, large approaches ReLU")],
      formula: "f(x) = x·sigmoid(beta·x)",
      derivative: "f'(x) = sigmoid(v) + v·sigmoid(v)·(1 - sigmoid(v)),  v = beta·x",
      remark: "Uses the sigmoid as a self-gate on x."
    ) { args, _ in Swish(beta: args.real("beta")) },
    makeEntry(
      "hard_swish", aliases: ["h_swish"], "piecewise-quadratic swish x·ReLU6(x+3)/6 (MobileNetV3)",
      formula: "f(x) = x·min(max(x + 3, 0), 6) / 6",
      derivative: "f'(x) = 0 for x < -3, (2x + 3)/6 for -3 <= x <= 3, 1 for x > 3",
      remark: "From MobileNetV3 (ICCV 2019): a cheap Swish for mobile devices."
    ) { _, _ in HardSwish() },
    makeEntry(
      "mish", "x·tanh(softplus(x)), smooth and non-monotone",
      formula: "f(x) = x·tanh(softplus(x))",
      derivative: "f'(x) = T + x·sigmoid(x)·(1 - T^2),  T = tanh(softplus(x))",
      remark:
        "Bounded below (minimum about -0.31), unbounded above, non-monotone, infinitely smooth; "
        + "the gradient is fx + x·σ(x)·(1 − fx²) with fx = tanh(softplus(x))."
    ) { _, _ in Mish() },
    makeEntry(
      "gelu", "Gaussian error linear unit x·Phi(x)",
      parameters: [
        Parameter(
          "approximate", .choice(["none", "tanh"]), default: .word("none"),
          "none: exact normal CDF; tanh: the tanh approximation")
      ],
      formula: "f(x) = x·Phi(x);  tanh: x/2·(1 + tanh(sqrt(2/pi)·(x + 0.044715·x^3)))",
      derivative: "f'(x) = Phi(x) + x·phi(x);  tanh: the derivative of that formula",
      remark: "Used in BERT and GPT-2; also known in its tanh approximation."
    ) { args, _ in GELU(approximation: args.word("approximate") == "tanh" ? .tanh : .none) },
    makeEntry(
      "maxout", "max over affine pieces w_i·x + b_i (one unit)",
      parameters: [
        Parameter("weights", .list, default: .list([0, 1]), "slopes w_i of the pieces"),
        Parameter("biases", .list, default: .list([0, 0]), "offsets b_i of the pieces"),
      ],
      formula: "f(x) = max_i (w_i·x + b_i)   (default pieces 0 and x: ReLU)",
      derivative: "f'(x) = w_j of the active piece j   (ties: the first tied piece)",
      remark:
        "A layer that learns a convex piecewise-linear function as the max of k affine pieces."
    ) { args, _ throws(SpecError) in
      let (weights, biases) = (args.list("weights"), args.list("biases"))
      guard weights.count == biases.count else {
        throw .invalidCombination(
          function: "maxout",
          problem:
            "weights has \(weights.count) values but biases has \(biases.count); give one bias per weight"
        )
      }
      return Maxout(weights: weights, biases: biases)
    },
    makeEntry(
      "frelu", aliases: ["funnel_relu"], "funnel activation max(x, t) for a fixed condition t",
      parameters: [
        real("t", 0, .any, "the funnel condition T(x), held constant in the curve view")
      ],
      formula: "f(x) = max(x, t)",
      derivative: "f'(x) = 1 for x > t, 0 for x < t   (1/2 at x = t, as torch.maximum)",
      remark:
        "ECCV 2020: max(x, T(x)) with T a depthwise 3×3 convolution plus BatchNorm, a pixel-wise "
        + "spatial condition."
    ) { args, _ in FReLU(t: args.real("t")) },
    makeEntry(
      "acon_c", aliases: ["acon"], "learnable switch between p1·x and p2·x",
      parameters: [
        real("p1", 1, .any, "slope the function approaches where the gate is open"),
        real("p2", 0, .any, "slope the function approaches where the gate is closed"),
        real("beta", 1, .any, "switching factor: 0 gives the mean, large gives max(p1·x, p2·x)"),
      ],
      formula: "f(x) = (p1 - p2)·x·sigmoid(beta·(p1 - p2)·x) + p2·x",
      derivative:
        "f'(x) = (p1 - p2)·h(beta·(p1 - p2)·x) + p2,  h(v) = sigmoid(v)·(1 + v·(1 - sigmoid(v)))",
      remark: "p1, p2 and beta are learnable; beta → ∞ gives max(p1·x, p2·x), beta = 0 the mean."
    ) { args, _ in AconC(p1: args.real("p1"), p2: args.real("p2"), beta: args.real("beta")) },
    makeEntry(
      "meta_acon", "ACON-C with a generated switch; curve view: pixel-wise beta = sigmoid(x)",
      parameters: [
        real("p1", 1, .any, "slope the function approaches where the gate is open"),
        real("p2", 0, .any, "slope the function approaches where the gate is closed"),
      ],
      formula: "f(x) = (p1 - p2)·x·sigmoid(beta·(p1 - p2)·x) + p2·x,  beta = sigmoid(x)",
      derivative: "f'(x) = d/dx of the above, including beta's dependence on x",
      remark:
        "ACON-C whose beta is generated per layer, channel or pixel by a small network "
        + "(beta = σ(W2·W1·mean(x)), two 1×1 convolutions, no BatchNorm)."
    ) { args, _ in MetaAcon(p1: args.real("p1"), p2: args.real("p2")) },
  ]

  /// The PyTorch/JAX activations beyond the article, for parity with the frameworks.
  static let parityEntries: [CatalogueEntry] = [
    makeEntry(
      "selu", "scaled ELU with self-normalizing constants",
      formula:
        "f(x) = scale·x for x > 0, else scale·alpha·(e^x - 1)  (scale ≈ 1.0507, alpha ≈ 1.6733)",
      derivative: "f'(x) = scale for x > 0, else scale·alpha·e^x   (f'(0) = scale·alpha ≈ 1.7581)"
    ) { _, _ in SELU() },
    makeEntry(
      "celu", "continuously differentiable ELU",
      parameters: [real("alpha", 1, .positive, "the negative saturation value is -alpha")],
      formula: "f(x) = max(0, x) + min(0, alpha·(e^(x/alpha) - 1))",
      derivative: "f'(x) = 1 for x > 0, else e^(x/alpha)   (f'(0) = 1)"
    ) { args, _ in CELU(alpha: args.real("alpha")) },
    makeEntry(
      "softsign", "x/(1+|x|), a sigmoid shape with polynomial tails",
      formula: "f(x) = x / (1 + |x|)", derivative: "f'(x) = 1 / (1 + |x|)^2"
    ) { _, _ in Softsign() },
    makeEntry(
      "log_sigmoid", "log of the sigmoid, a smooth min(x, 0)",
      formula: "f(x) = -log(1 + e^-x)", derivative: "f'(x) = sigmoid(-x)"
    ) { _, _ in LogSigmoid() },
    makeEntry(
      "tanhshrink", "x - tanh(x)",
      formula: "f(x) = x - tanh(x)", derivative: "f'(x) = tanh(x)^2"
    ) { _, _ in Tanhshrink() },
    makeEntry(
      "softshrink", "soft thresholding: shrink towards 0 by lambda",
      parameters: [real("lambda", 0.5, .nonNegative, "half-width of the zero band")],
      formula: "f(x) = x - lambda for x > lambda, x + lambda for x < -lambda, else 0",
      derivative: "f'(x) = 1 for |x| > lambda, else 0   (0 at x = ±lambda)"
    ) { args, _ in Softshrink(lambda: args.real("lambda")) },
    makeEntry(
      "hardshrink", "hard thresholding: zero inside [-lambda, lambda]",
      parameters: [real("lambda", 0.5, .nonNegative, "half-width of the zero band")],
      formula: "f(x) = x for |x| > lambda, else 0",
      derivative: "f'(x) = 1 for |x| > lambda, else 0   (f and f' are 0 at x = ±lambda)"
    ) { args, _ in Hardshrink(lambda: args.real("lambda")) },
    makeEntry(
      "hard_tanh", "x clamped to [min_val, max_val]",
      parameters: [
        real("min_val", -1, .any, "lower clamp"),
        real("max_val", 1, .any, "upper clamp"),
      ],
      formula: "f(x) = min(max(x, min_val), max_val)",
      derivative: "f'(x) = 1 for min_val < x < max_val, else 0   (0 at both ends)"
    ) { args, _ throws(SpecError) in
      let (low, high) = (args.real("min_val"), args.real("max_val"))
      guard low < high else {
        throw .invalidCombination(
          function: "hard_tanh",
          problem:
            "min_val (\(shortestDecimal(low))) must be less than max_val (\(shortestDecimal(high)))"
        )
      }
      return HardTanh(minVal: low, maxVal: high)
    },
    makeEntry(
      "threshold", "x above a threshold, a constant value at or below it",
      parameters: [
        real("threshold", 0, .any, "inputs at or below it are replaced"),
        real("value", 0, .any, "the replacement"),
      ],
      formula: "f(x) = x for x > threshold, else value",
      derivative: "f'(x) = 1 for x > threshold, else 0"
    ) { args, _ in Threshold(threshold: args.real("threshold"), value: args.real("value")) },
    makeEntry(
      "identity", aliases: ["linear"], "f(x) = x, the linear baseline",
      formula: "f(x) = x", derivative: "f'(x) = 1",
      remark:
        "The identity makes a deep MLP collapse to a single linear layer: it has no non-linearity."
    ) { _, _ in Identity() },
  ]

  /// Cheap extras users expect.
  static let extraEntries: [CatalogueEntry] = [
    makeEntry(
      "squareplus", "algebraic softplus (x + sqrt(x^2 + b))/2",
      parameters: [real("b", 4, .positive, "curvature at the origin; b → 0 gives ReLU")],
      formula: "f(x) = (x + sqrt(x^2 + b)) / 2",
      derivative: "f'(x) = (1 + x / sqrt(x^2 + b)) / 2"
    ) { args, _ in Squareplus(b: args.real("b")) },
    makeEntry(
      "relu2", aliases: ["squared_relu", "relu_squared"], "squared ReLU max(0,x)^2",
      formula: "f(x) = max(0, x)^2", derivative: "f'(x) = 2·max(0, x)"
    ) { _, _ in SquaredReLU() },
  ]
}

/// RReLU's `lower` and `upper` (the curve's and the layer's), refused unless lower <= upper.
func rreluBounds(_ args: Arguments) throws(SpecError) -> (lower: Double, upper: Double) {
  let (lower, upper) = (args.real("lower"), args.real("upper"))
  guard lower <= upper else {
    throw .invalidCombination(
      function: "rrelu",
      problem: "lower (\(shortestDecimal(lower))) must be <= upper (\(shortestDecimal(upper)))")
  }
  return (lower, upper)
}
