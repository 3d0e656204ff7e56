// Cheap extras users expect, beyond the article and the frameworks' sets; the article does not
// cover them, so they have no remark.

extension Catalogue {
  static let extraEntries: [CatalogueEntry] = [
    CatalogueEntry(
      name: "squareplus", aliases: [], summary: "algebraic softplus (x + sqrt(x^2 + b))/2",
      parameters: [.real("b", 4, .positive, "curvature at the origin; b → 0 gives ReLU")],
      formula: "f(x) = (x + sqrt(x^2 + b)) / 2",
      derivative: "f'(x) = (1 + x / sqrt(x^2 + b)) / 2",
      latex: LaTeXForms(
        formula: #"f(x) = \frac{x + \sqrt{x^2 + b}}{2}"#,
        derivative: #"f'(x) = \frac{1}{2}\left(1 + \frac{x}{\sqrt{x^2 + b}}\right)"#,
        symbols: [("b", "b")]),
      definition: .expression("(x + sqrt(x^2 + b))/2"),
      continuity: .always(.infinite),
      remark: nil
    ) { args, _ in Squareplus(b: args.real("b")) },
    CatalogueEntry(
      name: "relu2", aliases: ["squared_relu", "relu_squared"],
      summary: "squared ReLU max(0,x)^2", parameters: [],
      formula: "f(x) = max(0, x)^2", derivative: "f'(x) = 2·max(0, x)",
      latex: LaTeXForms(
        formula: #"f(x) = \max(0, x)^2"#, derivative: #"f'(x) = 2 \max(0, x)"#, symbols: []),
      definition: .expression("max(0, x)^2"),
      // f″(0⁻) = 0, f″(0⁺) = 2.
      continuity: .always(.c(1)),
      remark: nil
    ) { _, _ in SquaredReLU() },
    CatalogueEntry(
      name: "quick_gelu", aliases: [],
      summary: "sigmoid approximation of GELU x·sigmoid(1.702·x) (CLIP)", parameters: [],
      formula: "f(x) = x·sigmoid(1.702·x)",
      derivative: "f'(x) = sigmoid(v) + v·sigmoid(v)·(1 - sigmoid(v)),  v = 1.702·x",
      latex: LaTeXForms(
        formula: #"f(x) = x \, \sigma(1.702 x)"#,
        derivative:
          #"f'(x) = \sigma(v) + v \, \sigma(v)\left(1 - \sigma(v)\right), \quad v = 1.702 x"#,
        symbols: []),
      definition: .expression("x/(1 + exp(-1.702*x))"),
      continuity: .always(.infinite),
      remark: nil
    ) { _, _ in QuickGELU() },
  ]
}
