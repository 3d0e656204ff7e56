// The source article's functions, in its order. The ASCII formulas are what `activ info` prints
// and the reference for the LaTeX; the doc comment of each function's type says how it is
// computed. A declared class is C^∞ for compositions of exp, log, tanh, erf and polynomials;
// C0 where f′ jumps at a kink; C1 where f″ jumps; C-1 where f itself jumps.

extension Catalogue {
  static let articleEntries: [CatalogueEntry] = [
    CatalogueEntry(
      name: "sigmoid", aliases: ["logistic"], summary: "logistic sigmoid 1/(1+e^-x), onto (0,1)",
      parameters: [],
      formula: "f(x) = 1 / (1 + e^-x)", derivative: "f'(x) = f(x)·(1 - f(x))",
      latex: LaTeXForms(
        formula: #"f(x) = \sigma(x) = \frac{1}{1 + e^{-x}}"#,
        derivative: #"f'(x) = \sigma(x)\left(1 - \sigma(x)\right)"#, symbols: []),
      definition: .expression("1/(1 + exp(-x))"),
      continuity: .always(.infinite),
      remark:
        "Maps inputs to (0,1): very negative to 0, very positive to 1. Gradients vanish in deep nets; "
        + "the output is not zero-centred; exp is costly."
    ) { _, _ in Sigmoid() },
    CatalogueEntry(
      name: "hard_sigmoid", aliases: ["h_sigmoid"],
      summary: "piecewise-linear sigmoid ReLU6(x+3)/6", parameters: [],
      formula: "f(x) = min(max(x + 3, 0), 6) / 6",
      derivative: "f'(x) = 1/6 for -3 < x < 3, else 0   (0 at x = ±3)",
      latex: LaTeXForms(
        formula: #"f(x) = \frac{\min\left(\max(x + 3, 0), 6\right)}{6}"#,
        derivative:
          #"f'(x) = \begin{cases} \frac{1}{6} & -3 < x < 3 \\ 0 & |x| \ge 3 \end{cases}"#,
        symbols: []),
      definition: .expression("min(max(x + 3, 0), 6)/6"),
      continuity: .always(.c(0)),
      remark: "A cheap stand-in for the sigmoid, whose exp is costly: ReLU6(x+3)/6."
    ) { _, _ in HardSigmoid() },
    CatalogueEntry(
      name: "tanh", aliases: [], summary: "hyperbolic tangent, zero-centred onto (-1,1)",
      parameters: [],
      formula: "f(x) = tanh(x)", derivative: "f'(x) = 1 - tanh(x)^2 = sech(x)^2",
      latex: LaTeXForms(
        formula: #"f(x) = \tanh(x)"#,
        derivative: #"f'(x) = 1 - \tanh^2(x) = \operatorname{sech}^2(x)"#, symbols: []),
      definition: .expression("tanh(x)"),
      continuity: .always(.infinite),
      remark: "Zero-centred, unlike the sigmoid; still has vanishing gradients and costly exp."
    ) { _, _ in Tanh() },
    CatalogueEntry(
      name: "relu", aliases: [], summary: "rectified linear unit max(0,x)", parameters: [],
      formula: "f(x) = max(0, x)", derivative: "f'(x) = 1 for x > 0, else 0   (f'(0) = 0)",
      latex: LaTeXForms(
        formula: #"f(x) = \max(0, x)"#,
        derivative: #"f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}"#, symbols: []),
      definition: .expression("max(0, x)"),
      continuity: .always(.c(0)),
      remark:
        "No saturation for x > 0 and fast to compute; neurons die for x < 0 (zero gradient); "
        + "not zero-centred; unbounded above; the derivative is discontinuous."
    ) { _, _ in ReLU() },
    CatalogueEntry(
      name: "softplus", aliases: [], summary: "smooth ReLU log(1+e^(beta·x))/beta",
      parameters: [
        .real("beta", 1, .positive, "sharpness; larger is closer to ReLU"),
        Parameter(
          "threshold", .optionalReal(.any), default: .none,
          "PyTorch's shortcut: return x where beta·x > threshold (none: never)"),
      ],
      formula: "f(x) = log(1 + e^(beta·x)) / beta   (x where beta·x > threshold, if set)",
      derivative: "f'(x) = sigmoid(beta·x)   (1 where beta·x > threshold, if set)",
      latex: LaTeXForms(
        formula:
          #"f(x) = \begin{cases} x & \beta x > \tau \text{ (if } \tau \text{ is set)} \\ "#
          + #"\frac{1}{\beta} \log\left(1 + e^{\beta x}\right) & \text{otherwise} \end{cases}"#,
        derivative:
          #"f'(x) = \begin{cases} 1 & \beta x > \tau \text{ (if } \tau \text{ is set)} \\ "#
          + #"\sigma(\beta x) & \text{otherwise} \end{cases}"#,
        symbols: [("beta", #"\beta"#), ("threshold", #"\tau"#)]),
      definition: .depending { args in
        args.optionalReal("threshold") == nil
          ? .expression("log1p(exp(beta*x))/beta")
          : .expression("where(beta*x > threshold, x, log1p(exp(beta*x))/beta)")
      },
      // The shortcut jumps: log(1 + e^t)/beta ≠ t/beta.
      continuity: .depending { args in
        args.optionalReal("threshold") == nil ? .infinite : .discontinuous
      },
      remark: "Can be seen as a smoothed ReLU."
    ) { args, _ in Softplus(beta: args.real("beta"), threshold: args.optionalReal("threshold")) },
    CatalogueEntry(
      name: "leaky_relu", aliases: ["lrelu"], summary: "ReLU with a small fixed slope for x < 0",
      parameters: [.real("negative_slope", 0.01, .any, "slope for x <= 0")],
      formula: "f(x) = x for x > 0, else negative_slope·x",
      derivative: "f'(x) = 1 for x > 0, else negative_slope   (f'(0) = negative_slope)",
      latex: LaTeXForms(
        formula: #"f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}"#,
        derivative: #"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0 \end{cases}"#,
        symbols: [("negative_slope", #"\alpha"#)]),
      definition: .expression("where(x > 0, x, negative_slope*x)"),
      // Slope 1 on both sides is the identity.
      continuity: .depending { args in args.real("negative_slope") == 1 ? .infinite : .c(0) },
      remark:
        "Gives negative inputs a small linear part so their gradient is not zero (dead neurons); "
        + "the slope is usually about 0.01. Unbounded above; derivative discontinuous."
    ) { args, _ in LeakyReLU(negativeSlope: args.real("negative_slope")) },
    CatalogueEntry(
      name: "prelu", aliases: ["parametric_relu"],
      summary: "leaky ReLU with a learnable slope (one weight here)",
      parameters: [
        .real("weight", 0.25, .any, "the learned slope for x <= 0 (PyTorch's initial 0.25)")
      ],
      formula: "f(x) = x for x > 0, else weight·x",
      derivative: "f'(x) = 1 for x > 0, else weight   (f'(0) = weight)",
      latex: LaTeXForms(
        formula: #"f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}"#,
        derivative: #"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0 \end{cases}"#,
        symbols: [("weight", #"\alpha"#)]),
      definition: .expression("where(x > 0, x, weight*x)"),
      continuity: .depending { args in args.real("weight") == 1 ? .infinite : .c(0) },
      remark: "As Leaky ReLU, but the slope α is learned."
    ) { args, _ in PReLU(weight: args.real("weight")) },
    CatalogueEntry(
      name: "rrelu", aliases: ["randomized_leaky_relu"],
      summary: "leaky ReLU with a random slope in training",
      parameters: [
        .real("lower", 1.0 / 8, .any, "lower bound of the slope's uniform distribution"),
        .real("upper", 1.0 / 3, .any, "upper bound of the slope's uniform distribution"),
        Parameter(
          "training", .boolean, default: .boolean(false),
          "true: draw a slope per point (seeded by --seed); false: use (lower+upper)/2"),
      ],
      formula: "f(x) = x for x > 0, else a·x;  a ~ U[lower, upper] (training) or (lower+upper)/2",
      derivative: "f'(x) = 1 for x > 0, else a   (f'(0) = a)",
      latex: LaTeXForms(
        formula:
          #"f(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}, \quad "#
          + #"a \sim \mathcal{U}[l, u] \text{ (training) or } a = \frac{l + u}{2}"#,
        derivative: #"f'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}"#,
        symbols: [("lower", "l"), ("upper", "u")]),
      definition: .depending { args in
        args.boolean("training")
          ? .inexpressible(reason: "in training it draws a random slope per point")
          : .expression("where(x > 0, x, (lower + upper)/2*x)")
      },
      // In training each point has its own random slope, so f jumps everywhere.
      continuity: .depending { args in
        if args.boolean("training") { return .discontinuous }
        return (args.real("lower") + args.real("upper")) / 2 == 1 ? .infinite : .c(0)
      },
      remark:
        "A random version of Leaky ReLU, first used in the NDSB competition: the slope is random in "
        + "training and averaged at test time (the winner drew it from U(3,8), as y = x/a)."
    ) { args, context throws(SpecError) in
      let (lower, upper) = try rreluBounds(args)
      return RReLU(
        lower: lower, upper: upper, training: args.boolean("training"), seed: context.seed)
    },
    CatalogueEntry(
      name: "elu", aliases: [], summary: "exponential linear unit",
      parameters: [.real("alpha", 1, .any, "the negative saturation value is -alpha")],
      formula: "f(x) = x for x > 0, else alpha·(e^x - 1)",
      derivative: "f'(x) = 1 for x > 0, else alpha·e^x   (f'(0) = alpha)",
      latex: LaTeXForms(
        formula: #"f(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}"#,
        derivative: #"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x \le 0 \end{cases}"#,
        symbols: [("alpha", #"\alpha"#)]),
      definition: .expression("where(x > 0, x, alpha*expm1(x))"),
      // With alpha = 1, f′ is continuous and f″ jumps at 0 (f″(0⁻) = 1, f″(0⁺) = 0).
      continuity: .depending { args in args.real("alpha") == 1 ? .c(1) : .c(0) },
      remark: "Costlier to compute than ReLU; there is no clear evidence that it beats ReLU."
    ) { args, _ in ELU(alpha: args.real("alpha")) },
    CatalogueEntry(
      name: "relu6", aliases: [], summary: "ReLU capped at 6", parameters: [],
      formula: "f(x) = min(max(0, x), 6)",
      derivative: "f'(x) = 1 for 0 < x < 6, else 0   (0 at x = 0 and x = 6)",
      latex: LaTeXForms(
        formula: #"f(x) = \min\left(\max(0, x), 6\right)"#,
        derivative:
          #"f'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 & x \le 0 \text{ or } x \ge 6 \end{cases}"#,
        symbols: []),
      definition: .expression("min(max(0, x), 6)"),
      continuity: .always(.c(0)),
      remark: "Caps ReLU's positive output at 6."
    ) { _, _ in ReLU6() },
    CatalogueEntry(
      name: "silu", aliases: [],
      summary: "sigmoid-weighted linear unit x·sigmoid(x) (swish with beta=1)", parameters: [],
      formula: "f(x) = x·sigmoid(x)", derivative: "f'(x) = sigmoid(x)·(1 + x·(1 - sigmoid(x)))",
      latex: LaTeXForms(
        formula: #"f(x) = x \, \sigma(x)"#,
        derivative: #"f'(x) = \sigma(x)\left(1 + x\left(1 - \sigma(x)\right)\right)"#,
        symbols: []),
      definition: .expression("x/(1 + exp(-x))"),
      continuity: .always(.infinite),
      remark: "Uses the sigmoid as a self-gate on x."
    ) { _, _ in SiLU() },
    CatalogueEntry(
      name: "swish", aliases: [], summary: "x·sigmoid(beta·x); beta=1 is SiLU",
      parameters: [.real("beta", 1, .any, "gate sharpness; 0 gives x/2, large approaches ReLU")],
      formula: "f(x) = x·sigmoid(beta·x)",
      derivative: "f'(x) = sigmoid(v) + v·sigmoid(v)·(1 - sigmoid(v)),  v = beta·x",
      latex: LaTeXForms(
        formula: #"f(x) = x \, \sigma(\beta x)"#,
        derivative:
          #"f'(x) = \sigma(v) + v \, \sigma(v)\left(1 - \sigma(v)\right), \quad v = \beta x"#,
        symbols: [("beta", #"\beta"#)]),
      definition: .expression("x/(1 + exp(-beta*x))"),
      continuity: .always(.infinite),
      remark: "Uses the sigmoid as a self-gate on x."
    ) { args, _ in Swish(beta: args.real("beta")) },
    CatalogueEntry(
      name: "hard_swish", aliases: ["h_swish"],
      summary: "piecewise-quadratic swish x·ReLU6(x+3)/6 (MobileNetV3)", parameters: [],
      formula: "f(x) = x·min(max(x + 3, 0), 6) / 6",
      derivative: "f'(x) = 0 for x < -3, (2x + 3)/6 for -3 <= x <= 3, 1 for x > 3",
      latex: LaTeXForms(
        formula: #"f(x) = x \, \frac{\min\left(\max(x + 3, 0), 6\right)}{6}"#,
        derivative:
          #"f'(x) = \begin{cases} 0 & x < -3 \\ \frac{2x + 3}{6} & -3 \le x \le 3 \\ "#
          + #"1 & x > 3 \end{cases}"#,
        symbols: []),
      definition: .expression("x*min(max(x + 3, 0), 6)/6"),
      // f′(−3⁺) = −1/2 against 0 on the left.
      continuity: .always(.c(0)),
      remark: "From MobileNetV3 (ICCV 2019): a cheap Swish for mobile devices."
    ) { _, _ in HardSwish() },
    CatalogueEntry(
      name: "mish", aliases: [], summary: "x·tanh(softplus(x)), smooth and non-monotone",
      parameters: [],
      formula: "f(x) = x·tanh(softplus(x))",
      derivative: "f'(x) = T + x·sigmoid(x)·(1 - T^2),  T = tanh(softplus(x))",
      latex: LaTeXForms(
        formula: #"f(x) = x \tanh\left(\operatorname{softplus}(x)\right)"#,
        derivative:
          #"f'(x) = T + x \, \sigma(x)\left(1 - T^2\right), \quad "#
          + #"T = \tanh\left(\operatorname{softplus}(x)\right)"#,
        symbols: []),
      definition: .expression("x*tanh(log1p(exp(x)))"),
      continuity: .always(.infinite),
      remark:
        "Bounded below (minimum about -0.31), unbounded above, non-monotone, infinitely smooth; "
        + "the gradient is fx + x·σ(x)·(1 − fx²) with fx = tanh(softplus(x))."
    ) { _, _ in Mish() },
    CatalogueEntry(
      name: "gelu", aliases: [], summary: "Gaussian error linear unit x·Phi(x)",
      parameters: [
        Parameter(
          "approximate", .choice(["none", "tanh"]), default: .word("none"),
          "none: exact normal CDF; tanh: the tanh approximation")
      ],
      formula: "f(x) = x·Phi(x);  tanh: x/2·(1 + tanh(sqrt(2/pi)·(x + 0.044715·x^3)))",
      derivative: "f'(x) = Phi(x) + x·phi(x);  tanh: the derivative of that formula",
      latex: LaTeXForms(
        formula:
          #"f(x) = x \, \Phi(x); \quad \text{tanh: } \frac{x}{2}\left(1 + "#
          + #"\tanh\left(\sqrt{2/\pi}\left(x + 0.044715 x^3\right)\right)\right)"#,
        derivative:
          #"f'(x) = \Phi(x) + x \, \phi(x); \quad \text{tanh: } \frac{1 + \tanh u}{2} + "#
          + #"\frac{x}{2} \operatorname{sech}^2(u) \sqrt{2/\pi}\left(1 + 0.134145 x^2\right), "#
          + #"\quad u = \sqrt{2/\pi}\left(x + 0.044715 x^3\right)"#,
        symbols: []),
      definition: .depending { args in
        args.word("approximate") == "tanh"
          ? .expression("x/2*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3)))")
          : .expression("x*erfc(-x/sqrt(2))/2")
      },
      continuity: .always(.infinite),
      remark: "Used in BERT and GPT-2; also known in its tanh approximation."
    ) { args, _ in GELU(approximation: args.word("approximate") == "tanh" ? .tanh : .none) },
    CatalogueEntry(
      name: "maxout", aliases: [], summary: "max over affine pieces w_i·x + b_i (one unit)",
      parameters: [
        Parameter("weights", .list, default: .list([0, 1]), "slopes w_i of the pieces"),
        Parameter("biases", .list, default: .list([0, 0]), "offsets b_i of the pieces"),
      ],
      formula: "f(x) = max_i (w_i·x + b_i)   (default pieces 0 and x: ReLU)",
      derivative: "f'(x) = w_j of the active piece j   (ties: the first tied piece)",
      latex: LaTeXForms(
        formula: #"f(x) = \max_i \left(w_i x + b_i\right)"#,
        derivative:
          #"f'(x) = w_j, \quad j = \min \operatorname*{arg\,max}_i \left(w_i x + b_i\right)"#,
        symbols: [("weights", "w_i"), ("biases", "b_i")]),
      // The language has no lists, so the pieces are written out: max(w_1*x + b_1, …).
      definition: .depending { args in
        let pieces = zip(args.list("weights"), args.list("biases")).map { w, b in
          "(" + shortestDecimal(w) + ")*x + (" + shortestDecimal(b) + ")"
        }
        return .expression(pieces.count == 1 ? pieces[0] : "max(\(pieces.joined(separator: ", ")))")
      },
      // Pieces of one slope (or a single piece) leave no kink: an affine function.
      continuity: DeclaredContinuity { _, function in function.kinks.isEmpty ? .infinite : .c(0) },
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
    CatalogueEntry(
      name: "frelu", aliases: ["funnel_relu"],
      summary: "funnel activation max(x, t) for a fixed condition t",
      parameters: [
        .real("t", 0, .any, "the funnel condition T(x), held constant in the curve view")
      ],
      formula: "f(x) = max(x, t)",
      derivative: "f'(x) = 1 for x > t, 0 for x < t   (1/2 at x = t, as torch.maximum)",
      latex: LaTeXForms(
        formula: #"f(x) = \max(x, t)"#,
        derivative:
          #"f'(x) = \begin{cases} 1 & x > t \\ \frac{1}{2} & x = t \\ 0 & x < t \end{cases}"#,
        symbols: [("t", "t")]),
      definition: .expression("max(x, t)"),
      continuity: .always(.c(0)),
      remark:
        "ECCV 2020: max(x, T(x)) with T a depthwise 3×3 convolution plus BatchNorm, a pixel-wise "
        + "spatial condition."
    ) { args, _ in FReLU(t: args.real("t")) },
    CatalogueEntry(
      name: "acon_c", aliases: ["acon"], summary: "learnable switch between p1·x and p2·x",
      parameters: [
        .real("p1", 1, .any, "slope the function approaches where the gate is open"),
        .real("p2", 0, .any, "slope the function approaches where the gate is closed"),
        .real("beta", 1, .any, "switching factor: 0 gives the mean, large gives max(p1·x, p2·x)"),
      ],
      formula: "f(x) = (p1 - p2)·x·sigmoid(beta·(p1 - p2)·x) + p2·x",
      derivative:
        "f'(x) = (p1 - p2)·h(beta·(p1 - p2)·x) + p2,  h(v) = sigmoid(v)·(1 + v·(1 - sigmoid(v)))",
      latex: LaTeXForms(
        formula: #"f(x) = (p_1 - p_2) \, x \, \sigma\left(\beta (p_1 - p_2) x\right) + p_2 x"#,
        derivative:
          #"f'(x) = (p_1 - p_2) \, h\left(\beta (p_1 - p_2) x\right) + p_2, \quad "#
          + #"h(v) = \sigma(v)\left(1 + v\left(1 - \sigma(v)\right)\right)"#,
        symbols: [("p1", "p_1"), ("p2", "p_2"), ("beta", #"\beta"#)]),
      definition: .expression("(p1 - p2)*x/(1 + exp(-beta*(p1 - p2)*x)) + p2*x"),
      continuity: .always(.infinite),
      remark: "p1, p2 and beta are learnable; beta → ∞ gives max(p1·x, p2·x), beta = 0 the mean."
    ) { args, _ in AconC(p1: args.real("p1"), p2: args.real("p2"), beta: args.real("beta")) },
    CatalogueEntry(
      name: "meta_acon", aliases: [],
      summary: "ACON-C with a generated switch; curve view: pixel-wise beta = sigmoid(x)",
      parameters: [
        .real("p1", 1, .any, "slope the function approaches where the gate is open"),
        .real("p2", 0, .any, "slope the function approaches where the gate is closed"),
      ],
      formula: "f(x) = (p1 - p2)·x·sigmoid(beta·(p1 - p2)·x) + p2·x,  beta = sigmoid(x)",
      derivative: "f'(x) = d/dx of the above, including beta's dependence on x",
      latex: LaTeXForms(
        formula:
          #"f(x) = (p_1 - p_2) \, x \, \sigma\left(\beta(x) (p_1 - p_2) x\right) + p_2 x, "#
          + #"\quad \beta(x) = \sigma(x)"#,
        derivative:
          #"f'(x) = (p_1 - p_2)\left[\sigma(v) + x \, \sigma'(v) (p_1 - p_2) \, h(x)\right] "#
          + #"+ p_2, \quad v = \sigma(x) (p_1 - p_2) x, \quad h(x) = \sigma(x) + x \, \sigma'(x), "#
          + #"\quad \sigma' = \sigma (1 - \sigma)"#,
        symbols: [("p1", "p_1"), ("p2", "p_2")]),
      definition: .expression("(p1 - p2)*x/(1 + exp(-(p1 - p2)*x/(1 + exp(-x)))) + p2*x"),
      continuity: .always(.infinite),
      remark:
        "ACON-C whose beta is generated per layer, channel or pixel by a small network "
        + "(beta = σ(W2·W1·mean(x)), two 1×1 convolutions, no BatchNorm)."
    ) { args, _ in MetaAcon(p1: args.real("p1"), p2: args.real("p2")) },
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
