// LaTeX for each catalogue entry's f and f′, for `activ info --latex`. The ASCII `formula` and
// `derivativeFormula` in Entries.swift are the reference; these say the same in LaTeX, with the
// same conventions at kinks, and with the parameters written as symbols (`latexSymbols`).

extension CatalogueEntry {
  /// f(x) in LaTeX, `f(x) = …`, with the parameters as symbols (\alpha, \beta, \lambda, p_1 …).
  public var latexFormula: String { LaTeXFormulas.forms(for: name).formula }

  /// f′(x) in LaTeX, `f'(x) = …`, stating the convention at kinks as the ASCII form does.
  public var latexDerivative: String { LaTeXFormulas.forms(for: name).derivative }

  /// The symbol standing for each parameter in ``latexFormula`` and ``latexDerivative``, in
  /// declaration order (`("negative_slope", #"\alpha"#)`); parameters that select a variant
  /// rather than appear as a symbol (gelu's `approximate`, rrelu's `training`) are absent.
  public var latexSymbols: [(parameter: String, symbol: String)] {
    LaTeXFormulas.forms(for: name).symbols
  }
}

/// The LaTeX forms of one catalogue entry.
struct LaTeXForms: Sendable {
  var formula: String
  var derivative: String
  var symbols: [(parameter: String, symbol: String)] = []
}

/// LaTeX for every catalogue entry, keyed by canonical name.
enum LaTeXFormulas {
  static func forms(for name: String) -> LaTeXForms {
    guard let forms = table[name] else {
      preconditionFailure("no LaTeX for catalogue entry \(name)")
    }
    return forms
  }

  static let table: [String: LaTeXForms] = [
    // The source article's functions.
    "sigmoid": LaTeXForms(
      formula: #"f(x) = \sigma(x) = \frac{1}{1 + e^{-x}}"#,
      derivative: #"f'(x) = \sigma(x)\left(1 - \sigma(x)\right)"#),
    "hard_sigmoid": LaTeXForms(
      formula: #"f(x) = \frac{\min\left(\max(x + 3, 0), 6\right)}{6}"#,
      derivative:
        #"f'(x) = \begin{cases} \frac{1}{6} & -3 < x < 3 \\ 0 & |x| \ge 3 \end{cases}"#),
    "tanh": LaTeXForms(
      formula: #"f(x) = \tanh(x)"#,
      derivative: #"f'(x) = 1 - \tanh^2(x) = \operatorname{sech}^2(x)"#),
    "relu": LaTeXForms(
      formula: #"f(x) = \max(0, x)"#,
      derivative: #"f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}"#),
    "softplus": LaTeXForms(
      formula:
        #"f(x) = \begin{cases} x & \beta x > \tau \text{ (if } \tau \text{ is set)} \\ "#
        + #"\frac{1}{\beta} \log\left(1 + e^{\beta x}\right) & \text{otherwise} \end{cases}"#,
      derivative:
        #"f'(x) = \begin{cases} 1 & \beta x > \tau \text{ (if } \tau \text{ is set)} \\ "#
        + #"\sigma(\beta x) & \text{otherwise} \end{cases}"#,
      symbols: [("beta", #"\beta"#), ("threshold", #"\tau"#)]),
    "leaky_relu": LaTeXForms(
      formula: #"f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}"#,
      derivative: #"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0 \end{cases}"#,
      symbols: [("negative_slope", #"\alpha"#)]),
    "prelu": LaTeXForms(
      formula: #"f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}"#,
      derivative: #"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0 \end{cases}"#,
      symbols: [("weight", #"\alpha"#)]),
    "rrelu": LaTeXForms(
      formula:
        #"f(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}, \quad "#
        + #"a \sim \mathcal{U}[l, u] \text{ (training) or } a = \frac{l + u}{2}"#,
      derivative: #"f'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}"#,
      symbols: [("lower", "l"), ("upper", "u")]),
    "elu": LaTeXForms(
      formula: #"f(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}"#,
      derivative: #"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x \le 0 \end{cases}"#,
      symbols: [("alpha", #"\alpha"#)]),
    "relu6": LaTeXForms(
      formula: #"f(x) = \min\left(\max(0, x), 6\right)"#,
      derivative:
        #"f'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 & x \le 0 \text{ or } x \ge 6 \end{cases}"#),
    "silu": LaTeXForms(
      formula: #"f(x) = x \, \sigma(x)"#,
      derivative: #"f'(x) = \sigma(x)\left(1 + x\left(1 - \sigma(x)\right)\right)"#),
    "swish": LaTeXForms(
      formula: #"f(x) = x \, \sigma(\beta x)"#,
      derivative:
        #"f'(x) = \sigma(v) + v \, \sigma(v)\left(1 - \sigma(v)\right), \quad v = \beta x"#,
      symbols: [("beta", #"\beta"#)]),
    "hard_swish": LaTeXForms(
      formula: #"f(x) = x \, \frac{\min\left(\max(x + 3, 0), 6\right)}{6}"#,
      derivative:
        #"f'(x) = \begin{cases} 0 & x < -3 \\ \frac{2x + 3}{6} & -3 \le x \le 3 \\ "#
        + #"1 & x > 3 \end{cases}"#),
    "mish": LaTeXForms(
      formula: #"f(x) = x \tanh\left(\operatorname{softplus}(x)\right)"#,
      derivative:
        #"f'(x) = T + x \, \sigma(x)\left(1 - T^2\right), \quad "#
        + #"T = \tanh\left(\operatorname{softplus}(x)\right)"#),
    "gelu": LaTeXForms(
      formula:
        #"f(x) = x \, \Phi(x); \quad \text{tanh: } \frac{x}{2}\left(1 + "#
        + #"\tanh\left(\sqrt{2/\pi}\left(x + 0.044715 x^3\right)\right)\right)"#,
      derivative:
        #"f'(x) = \Phi(x) + x \, \phi(x); \quad \text{tanh: } \frac{1 + \tanh u}{2} + "#
        + #"\frac{x}{2} \operatorname{sech}^2(u) \sqrt{2/\pi}\left(1 + 0.134145 x^2\right), "#
        + #"\quad u = \sqrt{2/\pi}\left(x + 0.044715 x^3\right)"#),
    "maxout": LaTeXForms(
      formula: #"f(x) = \max_i \left(w_i x + b_i\right)"#,
      derivative:
        #"f'(x) = w_j, \quad j = \min \operatorname*{arg\,max}_i \left(w_i x + b_i\right)"#,
      symbols: [("weights", "w_i"), ("biases", "b_i")]),
    "frelu": LaTeXForms(
      formula: #"f(x) = \max(x, t)"#,
      derivative:
        #"f'(x) = \begin{cases} 1 & x > t \\ \frac{1}{2} & x = t \\ 0 & x < t \end{cases}"#,
      symbols: [("t", "t")]),
    "acon_c": LaTeXForms(
      formula: #"f(x) = (p_1 - p_2) \, x \, \sigma\left(\beta (p_1 - p_2) x\right) + p_2 x"#,
      derivative:
        #"f'(x) = (p_1 - p_2) \, h\left(\beta (p_1 - p_2) x\right) + p_2, \quad "#
        + #"h(v) = \sigma(v)\left(1 + v\left(1 - \sigma(v)\right)\right)"#,
      symbols: [("p1", "p_1"), ("p2", "p_2"), ("beta", #"\beta"#)]),
    "meta_acon": LaTeXForms(
      formula:
        #"f(x) = (p_1 - p_2) \, x \, \sigma\left(\beta(x) (p_1 - p_2) x\right) + p_2 x, "#
        + #"\quad \beta(x) = \sigma(x)"#,
      derivative:
        #"f'(x) = (p_1 - p_2)\left[\sigma(v) + x \, \sigma'(v) (p_1 - p_2) \, h(x)\right] "#
        + #"+ p_2, \quad v = \sigma(x) (p_1 - p_2) x, \quad h(x) = \sigma(x) + x \, \sigma'(x), "#
        + #"\quad \sigma' = \sigma (1 - \sigma)"#,
      symbols: [("p1", "p_1"), ("p2", "p_2")]),

    // PyTorch/JAX parity.
    "selu": LaTeXForms(
      formula:
        #"f(x) = \begin{cases} \lambda x & x > 0 \\ \lambda \alpha (e^{x} - 1) & x \le 0 "#
        + #"\end{cases}, \quad \lambda \approx 1.0507, \ \alpha \approx 1.6733"#,
      derivative:
        #"f'(x) = \begin{cases} \lambda & x > 0 \\ \lambda \alpha e^{x} & x \le 0 "#
        + #"\end{cases}, \quad \lambda \alpha \approx 1.7581"#),
    "celu": LaTeXForms(
      formula: #"f(x) = \max(0, x) + \min\left(0, \alpha\left(e^{x/\alpha} - 1\right)\right)"#,
      derivative: #"f'(x) = \begin{cases} 1 & x > 0 \\ e^{x/\alpha} & x \le 0 \end{cases}"#,
      symbols: [("alpha", #"\alpha"#)]),
    "softsign": LaTeXForms(
      formula: #"f(x) = \frac{x}{1 + |x|}"#,
      derivative: #"f'(x) = \frac{1}{(1 + |x|)^2}"#),
    "log_sigmoid": LaTeXForms(
      formula: #"f(x) = \log \sigma(x) = -\log\left(1 + e^{-x}\right)"#,
      derivative: #"f'(x) = \sigma(-x) = 1 - \sigma(x)"#),
    "tanhshrink": LaTeXForms(
      formula: #"f(x) = x - \tanh(x)"#,
      derivative: #"f'(x) = \tanh^2(x)"#),
    "softshrink": LaTeXForms(
      formula:
        #"f(x) = \begin{cases} x - \lambda & x > \lambda \\ x + \lambda & x < -\lambda \\ "#
        + #"0 & |x| \le \lambda \end{cases}"#,
      derivative:
        #"f'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}"#,
      symbols: [("lambda", #"\lambda"#)]),
    "hardshrink": LaTeXForms(
      formula: #"f(x) = \begin{cases} x & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}"#,
      derivative:
        #"f'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}"#,
      symbols: [("lambda", #"\lambda"#)]),
    "hard_tanh": LaTeXForms(
      formula: #"f(x) = \min\left(\max(x, a), b\right)"#,
      derivative:
        #"f'(x) = \begin{cases} 1 & a < x < b \\ 0 & x \le a \text{ or } x \ge b \end{cases}"#,
      symbols: [("min_val", "a"), ("max_val", "b")]),
    "threshold": LaTeXForms(
      formula: #"f(x) = \begin{cases} x & x > \theta \\ v & x \le \theta \end{cases}"#,
      derivative: #"f'(x) = \begin{cases} 1 & x > \theta \\ 0 & x \le \theta \end{cases}"#,
      symbols: [("threshold", #"\theta"#), ("value", "v")]),
    "identity": LaTeXForms(
      formula: #"f(x) = x"#,
      derivative: #"f'(x) = 1"#),

    // Extras.
    "squareplus": LaTeXForms(
      formula: #"f(x) = \frac{x + \sqrt{x^2 + b}}{2}"#,
      derivative: #"f'(x) = \frac{1}{2}\left(1 + \frac{x}{\sqrt{x^2 + b}}\right)"#,
      symbols: [("b", "b")]),
    "relu2": LaTeXForms(
      formula: #"f(x) = \max(0, x)^2"#,
      derivative: #"f'(x) = 2 \max(0, x)"#),
  ]
}
