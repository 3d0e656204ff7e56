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
  ]
}
