import Activations
import Testing

@Suite("LaTeX formulas")
struct LaTeXTests {
  /// Whether `{`/`}` (other than `\{`/`\}`) nest properly and close.
  static func bracesBalance(_ latex: String) -> Bool {
    var depth = 0
    var escaped = false
    for character in latex {
      if escaped {
        escaped = false
        continue
      }
      switch character {
      case "\\": escaped = true
      case "{": depth += 1
      case "}":
        depth -= 1
        if depth < 0 { return false }
      default: break
      }
    }
    return depth == 0
  }

  /// How often `needle` occurs in `latex`.
  static func occurrences(of needle: String, in latex: String) -> Int {
    latex.components(separatedBy: needle).count - 1
  }

  /// Whether every `\begin{cases}` is closed by an `\end{cases}` after it, without nesting.
  static func casesClosed(_ latex: String) -> Bool {
    var open = false
    var rest = Substring(latex)
    while true {
      let begin = rest.firstRange(of: #"\begin{cases}"#)
      let end = rest.firstRange(of: #"\end{cases}"#)
      if let begin, end.map({ begin.lowerBound < $0.lowerBound }) ?? true {
        if open { return false }
        open = true
        rest = rest[begin.upperBound...]
      } else if let end {
        if !open { return false }
        open = false
        rest = rest[end.upperBound...]
      } else {
        return !open
      }
    }
  }

  @Test("every entry has LaTeX for f and f′", arguments: Catalogue.entries.map(\.name))
  func everyEntry(name: String) throws {
    let entry = try #require(Catalogue.entries.first { $0.name == name })
    for (latex, prefix) in [(entry.latexFormula, "f(x) = "), (entry.latexDerivative, "f'(x) = ")] {
      #expect(latex.hasPrefix(prefix), "\(latex)")
      #expect(latex.count > prefix.count)
      #expect(Self.bracesBalance(latex), "\(latex)")
      #expect(Self.casesClosed(latex), "\(latex)")
      #expect(
        Self.occurrences(of: #"\left"#, in: latex) == Self.occurrences(of: #"\right"#, in: latex),
        "\(latex)")
    }
  }

  @Test("symbols name the entry's parameters", arguments: Catalogue.entries.map(\.name))
  func symbols(name: String) throws {
    let entry = try #require(Catalogue.entries.first { $0.name == name })
    let parameters = entry.parameters.map(\.name)
    let symbolized = entry.latexSymbols.map(\.parameter)
    #expect(symbolized == parameters.filter(symbolized.contains), "declaration order")
    for parameter in entry.parameters {
      switch parameter.kind {
      case .boolean, .choice: #expect(!symbolized.contains(parameter.name))
      case .real, .optionalReal, .list, .realOrList: #expect(symbolized.contains(parameter.name))
      }
    }
    let latex = entry.latexFormula + " " + entry.latexDerivative
    for (_, symbol) in entry.latexSymbols {
      #expect(latex.contains(symbol), "\(symbol) appears")
    }
  }

  @Test("the checks catch unbalanced LaTeX")
  func checksWork() {
    #expect(!Self.bracesBalance(#"\frac{1}{2"#))
    #expect(!Self.bracesBalance(#"}{"#))
    #expect(Self.bracesBalance(#"\{ x \} {}"#))
    #expect(!Self.casesClosed(#"\begin{cases} 1 & x > 0"#))
    #expect(!Self.casesClosed(#"\end{cases}"#))
    #expect(Self.casesClosed(#"\begin{cases} 1 \end{cases} + \begin{cases} 2 \end{cases}"#))
  }

  @Test("relu, sigmoid and gelu are pinned")
  func pinned() throws {
    let relu = try #require(Catalogue.entries.first { $0.name == "relu" })
    #expect(relu.latexFormula == #"f(x) = \max(0, x)"#)
    #expect(relu.latexDerivative == #"f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}"#)

    let sigmoid = try #require(Catalogue.entries.first { $0.name == "sigmoid" })
    #expect(sigmoid.latexFormula == #"f(x) = \sigma(x) = \frac{1}{1 + e^{-x}}"#)
    #expect(sigmoid.latexDerivative == #"f'(x) = \sigma(x)\left(1 - \sigma(x)\right)"#)

    let gelu = try #require(Catalogue.entries.first { $0.name == "gelu" })
    #expect(
      gelu.latexFormula
        == #"f(x) = x \, \Phi(x); \quad \text{tanh: } \frac{x}{2}\left(1 + "#
        + #"\tanh\left(\sqrt{2/\pi}\left(x + 0.044715 x^3\right)\right)\right)"#)
    #expect(
      gelu.latexDerivative
        == #"f'(x) = \Phi(x) + x \, \phi(x); \quad \text{tanh: } \frac{1 + \tanh u}{2} + "#
        + #"\frac{x}{2} \operatorname{sech}^2(u) \sqrt{2/\pi}\left(1 + 0.134145 x^2\right), "#
        + #"\quad u = \sqrt{2/\pi}\left(x + 0.044715 x^3\right)"#)
  }
}
