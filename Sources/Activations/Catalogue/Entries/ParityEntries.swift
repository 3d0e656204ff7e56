// The PyTorch/JAX activations beyond the article, for parity with the frameworks. As in
// ArticleEntries.swift, the ASCII formulas are what `activ info` prints; the article does not
// cover these, so only the identity has a remark.

extension Catalogue {
  static let parityEntries: [CatalogueEntry] = [
    CatalogueEntry(
      name: "selu", aliases: [], summary: "scaled ELU with self-normalizing constants",
      parameters: [],
      formula:
        "f(x) = scale·x for x > 0, else scale·alpha·(e^x - 1)  (scale ≈ 1.0507, alpha ≈ 1.6733)",
      derivative: "f'(x) = scale for x > 0, else scale·alpha·e^x   (f'(0) = scale·alpha ≈ 1.7581)",
      latex: LaTeXForms(
        formula:
          #"f(x) = \begin{cases} \lambda x & x > 0 \\ \lambda \alpha (e^{x} - 1) & x \le 0 "#
          + #"\end{cases}, \quad \lambda \approx 1.0507, \ \alpha \approx 1.6733"#,
        derivative:
          #"f'(x) = \begin{cases} \lambda & x > 0 \\ \lambda \alpha e^{x} & x \le 0 "#
          + #"\end{cases}, \quad \lambda \alpha \approx 1.7581"#,
        symbols: []),
      definition: .expression(
        "where(x > 0, 1.0507009873554805*x, 1.0507009873554805*1.6732632423543772*expm1(x))"),
      continuity: .always(.c(0)),
      remark: nil
    ) { _, _ in SELU() },
    CatalogueEntry(
      name: "celu", aliases: [], summary: "continuously differentiable ELU",
      parameters: [.real("alpha", 1, .positive, "the negative saturation value is -alpha")],
      formula: "f(x) = max(0, x) + min(0, alpha·(e^(x/alpha) - 1))",
      derivative: "f'(x) = 1 for x > 0, else e^(x/alpha)   (f'(0) = 1)",
      latex: LaTeXForms(
        formula: #"f(x) = \max(0, x) + \min\left(0, \alpha\left(e^{x/\alpha} - 1\right)\right)"#,
        derivative: #"f'(x) = \begin{cases} 1 & x > 0 \\ e^{x/\alpha} & x \le 0 \end{cases}"#,
        symbols: [("alpha", #"\alpha"#)]),
      definition: .expression("max(0, x) + min(0, alpha*expm1(x/alpha))"),
      // f″(0⁻) = 1/alpha against 0 on the right, for every alpha.
      continuity: .always(.c(1)),
      remark: nil
    ) { args, _ in CELU(alpha: args.real("alpha")) },
    CatalogueEntry(
      name: "softsign", aliases: [], summary: "x/(1+|x|), a sigmoid shape with polynomial tails",
      parameters: [],
      formula: "f(x) = x / (1 + |x|)", derivative: "f'(x) = 1 / (1 + |x|)^2",
      latex: LaTeXForms(
        formula: #"f(x) = \frac{x}{1 + |x|}"#,
        derivative: #"f'(x) = \frac{1}{(1 + |x|)^2}"#, symbols: []),
      definition: .expression("x/(1 + abs(x))"),
      // f″(0±) = ∓2.
      continuity: .always(.c(1)),
      remark: nil
    ) { _, _ in Softsign() },
    CatalogueEntry(
      name: "log_sigmoid", aliases: [], summary: "log of the sigmoid, a smooth min(x, 0)",
      parameters: [],
      formula: "f(x) = -log(1 + e^-x)", derivative: "f'(x) = sigmoid(-x)",
      latex: LaTeXForms(
        formula: #"f(x) = \log \sigma(x) = -\log\left(1 + e^{-x}\right)"#,
        derivative: #"f'(x) = \sigma(-x) = 1 - \sigma(x)"#, symbols: []),
      definition: .expression("-log1p(exp(-x))"),
      continuity: .always(.infinite),
      remark: nil
    ) { _, _ in LogSigmoid() },
    CatalogueEntry(
      name: "tanhshrink", aliases: [], summary: "x - tanh(x)", parameters: [],
      formula: "f(x) = x - tanh(x)", derivative: "f'(x) = tanh(x)^2",
      latex: LaTeXForms(
        formula: #"f(x) = x - \tanh(x)"#, derivative: #"f'(x) = \tanh^2(x)"#, symbols: []),
      definition: .expression("x - tanh(x)"),
      continuity: .always(.infinite),
      remark: nil
    ) { _, _ in Tanhshrink() },
    CatalogueEntry(
      name: "softshrink", aliases: [], summary: "soft thresholding: shrink towards 0 by lambda",
      parameters: [.real("lambda", 0.5, .nonNegative, "half-width of the zero band")],
      formula: "f(x) = x - lambda for x > lambda, x + lambda for x < -lambda, else 0",
      derivative: "f'(x) = 1 for |x| > lambda, else 0   (0 at x = ±lambda)",
      latex: LaTeXForms(
        formula:
          #"f(x) = \begin{cases} x - \lambda & x > \lambda \\ x + \lambda & x < -\lambda \\ "#
          + #"0 & |x| \le \lambda \end{cases}"#,
        derivative:
          #"f'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}"#,
        symbols: [("lambda", #"\lambda"#)]),
      definition: .expression("where(x > lambda, x - lambda, where(x < -lambda, x + lambda, 0))"),
      // With lambda = 0 it is the identity.
      continuity: .depending { args in args.real("lambda") == 0 ? .infinite : .c(0) },
      remark: nil
    ) { args, _ in Softshrink(lambda: args.real("lambda")) },
    CatalogueEntry(
      name: "hardshrink", aliases: [], summary: "hard thresholding: zero inside [-lambda, lambda]",
      parameters: [.real("lambda", 0.5, .nonNegative, "half-width of the zero band")],
      formula: "f(x) = x for |x| > lambda, else 0",
      derivative: "f'(x) = 1 for |x| > lambda, else 0   (f and f' are 0 at x = ±lambda)",
      latex: LaTeXForms(
        formula: #"f(x) = \begin{cases} x & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}"#,
        derivative:
          #"f'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}"#,
        symbols: [("lambda", #"\lambda"#)]),
      definition: .expression("where(abs(x) > lambda, x, 0)"),
      // f jumps by lambda at ±lambda; with lambda = 0 it is the identity.
      continuity: .depending { args in args.real("lambda") == 0 ? .infinite : .discontinuous },
      remark: nil
    ) { args, _ in Hardshrink(lambda: args.real("lambda")) },
    CatalogueEntry(
      name: "hard_tanh", aliases: [], summary: "x clamped to [min_val, max_val]",
      parameters: [
        .real("min_val", -1, .any, "lower clamp"),
        .real("max_val", 1, .any, "upper clamp"),
      ],
      formula: "f(x) = min(max(x, min_val), max_val)",
      derivative: "f'(x) = 1 for min_val < x < max_val, else 0   (0 at both ends)",
      latex: LaTeXForms(
        formula: #"f(x) = \min\left(\max(x, a), b\right)"#,
        derivative:
          #"f'(x) = \begin{cases} 1 & a < x < b \\ 0 & x \le a \text{ or } x \ge b \end{cases}"#,
        symbols: [("min_val", "a"), ("max_val", "b")]),
      definition: .expression("min(max(x, min_val), max_val)"),
      continuity: .always(.c(0)),
      remark: nil
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
    CatalogueEntry(
      name: "threshold", aliases: [],
      summary: "x above a threshold, a constant value at or below it",
      parameters: [
        .real("threshold", 0, .any, "inputs at or below it are replaced"),
        .real("value", 0, .any, "the replacement"),
      ],
      formula: "f(x) = x for x > threshold, else value",
      derivative: "f'(x) = 1 for x > threshold, else 0",
      latex: LaTeXForms(
        formula: #"f(x) = \begin{cases} x & x > \theta \\ v & x \le \theta \end{cases}"#,
        derivative: #"f'(x) = \begin{cases} 1 & x > \theta \\ 0 & x \le \theta \end{cases}"#,
        symbols: [("threshold", #"\theta"#), ("value", "v")]),
      definition: .expression("where(x > threshold, x, value)"),
      // Continuous only when the replacement meets the line at the threshold.
      continuity: .depending { args in
        args.real("value") == args.real("threshold") ? .c(0) : .discontinuous
      },
      remark: nil
    ) { args, _ in Threshold(threshold: args.real("threshold"), value: args.real("value")) },
    CatalogueEntry(
      name: "identity", aliases: ["linear"], summary: "f(x) = x, the linear baseline",
      parameters: [],
      formula: "f(x) = x", derivative: "f'(x) = 1",
      latex: LaTeXForms(formula: #"f(x) = x"#, derivative: #"f'(x) = 1"#, symbols: []),
      definition: .expression("x"),
      continuity: .always(.infinite),
      remark:
        "The identity makes a deep MLP collapse to a single linear layer: it has no non-linearity."
    ) { _, _ in Identity() },
  ]
}
