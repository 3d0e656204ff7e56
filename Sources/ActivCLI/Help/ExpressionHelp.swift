/// `activ help expressions`: the expression language, as a help topic and as the manual page's
/// EXPRESSIONS section, from one text so the two cannot drift. Every built-in function of
/// `Expression` has a row here (a test checks it).
enum ExpressionHelp {
  /// The topic's name after `activ help`.
  static let topic = "expressions"
  static let abstract = "The expression language: grammar, operators, functions and their domains."

  /// One section: a title, paragraphs (word-wrapped), preformatted lines, then term–description
  /// rows.
  struct Section {
    var title: String
    var paragraphs: [String] = []
    var preformatted: [String] = []
    var rows: [(term: String, text: String)] = []
  }

  static let sections: [Section] = [
    Section(
      title: "OVERVIEW",
      paragraphs: [
        "Wherever a SPEC goes, an expression in x may go instead: activ evaluates it with its exact "
          + "first and second derivatives. A bare catalogue spec (mish, elu(alpha=0.5)) keeps "
          + "meaning the catalogue function; the column or legend name is the expression's text, "
          + "or --name NAME. A malformed expression is a usage error (64) with a caret under the "
          + "place."
      ],
      preformatted: [
        "activ eval 'x*tanh(softplus(x))' -3 3 --grad --grad2",
        "activ plot 'asinh(x)' 'x/hypot(1, x)' -5 5",
      ]),
    Section(
      title: "GRAMMAR",
      paragraphs: [
        "Names ignore case and _ (LOG1P, log_2); - is always a minus, so a catalogue name is "
          + "written with _ (hard_swish(x)). Spaces separate tokens. Numbers use a decimal point, "
          + "never a comma."
      ],
      preformatted: [
        "expression = or",
        "or         = and { \"or\" and }",
        "and        = comparison { \"and\" comparison }",
        "comparison = sum [ ( \"<\" | \"<=\" | \">\" | \">=\" | \"==\" | \"!=\" ) sum ]",
        "sum        = product { ( \"+\" | \"-\" ) product }",
        "product    = unary { ( \"*\" | \"/\" ) unary }",
        "unary      = ( \"-\" | \"+\" ) unary | power",
        "power      = primary [ ( \"^\" | \"**\" ) unary ]",
        "primary    = number | \"x\" | \"pi\" | \"e\" | \"(\" expression \")\" | call",
        "call       = builtin \"(\" expression { \",\" expression } \")\"",
        "           | catalogue \"(\" expression { \",\" [ name \"=\" ] value } \")\"",
        "number     = digits [ \".\" [ digits ] ] [ exponent ] | \".\" digits [ exponent ]",
      ]),
    Section(
      title: "OPERATORS",
      paragraphs: ["Loosest to tightest; all left-associative but the power."],
      rows: [
        ("or, and", "Join conditions; a condition is allowed only as where's first argument."),
        (
          "< <= > >= == !=",
          "Comparisons (they do not chain): true or false, neither with a nan operand."
        ),
        ("+ -", "Sum and difference."),
        ("* /", "Product and quotient."),
        ("- +", "Unary minus (and plus): -x^2 is -(x^2)."),
        (
          "^ **",
          "Power, the same operator: right-associative (2^3^2 is 2^9), and a sign may start the "
            + "exponent (x^-2, x**-2)."
        ),
      ]),
    Section(
      title: "VALUES",
      rows: [
        ("x", "The variable."),
        ("pi, e", "The constants; e^u is computed as exp(u)."),
        ("2, 1.5e-3, .5", "Decimal numbers."),
      ]),
    Section(
      title: "FUNCTIONS",
      paragraphs: [
        "Each with its domain: outside it the value is nan; at a pole or an edge an infinity."
      ],
      rows: [
        ("exp(u), exp2(u)", "e^u and 2^u; all reals."),
        ("log(u), ln(u)", "The natural logarithm; u >= 0, log(0) = -inf."),
        ("log2(u), log10(u)", "Logarithms to base 2 and 10; u >= 0, exact at powers of the base."),
        ("log1p(u), expm1(u)", "log(1 + u) for u >= -1, and e^u - 1; accurate near u = 0."),
        ("sqrt(u)", "u >= 0; the derivative is inf at 0."),
        ("abs(u)", "All reals; abs'(0) = 0."),
        ("sin(u), cos(u), tan(u)", "All reals (tan has poles)."),
        ("asin(u), acos(u)", "u in [-1, 1]; the derivative is infinite at -1 and 1."),
        ("atan(u)", "All reals, values in (-pi/2, pi/2)."),
        ("sinh(u), cosh(u), tanh(u)", "All reals."),
        ("asinh(u)", "All reals."),
        ("acosh(u)", "u >= 1; the derivative is inf at 1."),
        ("atanh(u)", "u in [-1, 1]: -inf and inf at the ends, finite between."),
        ("erf(u), erfc(u)", "All reals."),
        (
          "hypot(a, b)",
          "sqrt(a^2 + b^2) without overflow; all reals, derivatives 0 at a = b = 0 (as abs)."
        ),
        ("sign(u), floor(u), ceil(u)", "All reals; derivative 0."),
        (
          "min(a, b, ...), max(a, b, ...)",
          "Two or more arguments; at a tie the derivative is the mean of the tied operands'."
        ),
        ("clamp(v, lo, hi)", "v's derivative for lo <= v <= hi, the bound's outside."),
        ("where(cond, a, b)", "a where cond holds, else b (value and derivatives)."),
        (
          "NAME(u, PARAMS)",
          "Any catalogue function (activ list), its input first, then its parameters by position "
            + "or name: elu(x, alpha=0.5), leaky_relu(2*x, 0.2)."
        ),
      ]),
    Section(
      title: "POWERS",
      paragraphs: [
        "u^n for a constant integer n (x^3, x^-2, x^(1+1)) is an exact binary powering, any sign "
          + "of u. Any other power a^b is e^(b*log a), nan for a < 0, except where b is an "
          + "integer: (-2)^x is -2 at x = 1 and x^x is -1 at x = -1. There the derivative through "
          + "the exponent does not exist (the function is undefined at the non-integer exponents "
          + "on either side), so f' and f'' are nan unless the exponent is locally constant."
      ]),
    Section(
      title: "DERIVATIVES",
      paragraphs: [
        "Exact, not finite differences: forward-mode automatic differentiation carries f, f' "
          + "and f'' together through every operation by the chain, product, quotient and power "
          + "rules; catalogue functions supply their own analytic derivatives. A derivative "
          + "that is exactly zero contributes nothing (2*x has derivative 2 at x = inf); "
          + "otherwise derivatives follow floating-point arithmetic and may be nan where only a "
          + "limit exists (x*sqrt(x) at 0), as in autograd. At kinks, PyTorch's conventions."
      ]),
    Section(
      title: "NAN AND INF",
      paragraphs: [
        "Domain errors (log(-1), sqrt(-x), asin(2), a negative base to a non-integer power) "
          + "give nan in the output, never a failure; poles give infinities (1/x at 0, log(0), "
          + "atanh(1)). nan in gives nan out, and a nan value has nan derivatives. A comparison "
          + "with a nan operand is neither true nor false: where, min, max and clamp then give "
          + "nan. Both branches of where are computed but only the chosen one is used, so "
          + "where(x > 0, log(x), 0) is 0 for x <= 0."
      ]),
    Section(
      title: "ACCURACY",
      paragraphs: [
        "Each operation is rounded once. exp, exp2, expm1, tanh, log, ln, log2, log10, log1p, "
          + "sinh, cosh and powers are activ's double-double kernels (correctly rounded in "
          + "practice); sin, cos, tan, erf, erfc, atan, asin, acos, asinh, acosh, atanh and "
          + "hypot come from the C library (on glibc within 1 ULP, erf and erfc within a few). "
          + "An expression is as accurate as its formula is stable: log(1+exp(x)) loses digits "
          + "for x << 0 where softplus(x) does not."
      ]),
    Section(
      title: "SHELL",
      paragraphs: [
        "Quote expressions: * ( ) < > and spaces are special to the shell. An expression that "
          + "starts with - is an argument like any other ('-x^2'), unless it starts like one of "
          + "the command's options (-hard_swish(x) reads as -h): put such a word after --, after which every word "
          + "is an argument (options go before it)."
      ],
      preformatted: [
        "activ eval '-x^2' -1 1 --points 3", "activ eval --points 3 -- '-hard_swish(x)' -1 1",
      ]),
  ]

  /// The topic as `activ help expressions` prints it.
  static func text() -> String {
    var lines: [String] = []
    for section in sections {
      if !lines.isEmpty { lines.append("") }
      lines.append(section.title + ":")
      for paragraph in section.paragraphs {
        lines += Help.wrapped(paragraph, label: "  ")
      }
      if !section.preformatted.isEmpty {
        if !section.paragraphs.isEmpty { lines.append("") }
        lines += section.preformatted.map { "    " + $0 }
      }
      let termWidth = (section.rows.map(\.term.count).max() ?? 0) + 2
      for row in section.rows {
        let term = "  " + row.term
        if row.term.count + 2 > min(termWidth, 32) {
          lines.append(term)
          lines += Help.wrapped(row.text, label: String(repeating: " ", count: 8))
        } else {
          let padded = term + String(repeating: " ", count: min(termWidth, 32) - row.term.count)
          lines += Help.wrapped(row.text, label: padded)
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The sections as roff for the manual page's EXPRESSIONS section (`text` escapes).
  static func roff(_ text: (String) -> String) -> [String] {
    var lines = [".SH EXPRESSIONS"]
    for section in sections {
      if section.title != "OVERVIEW" {
        lines.append(
          ".SS \(text(section.title.prefix(1) + section.title.dropFirst().lowercased()))")
      }
      for paragraph in section.paragraphs { lines += [".PP", text(paragraph)] }
      if !section.preformatted.isEmpty {
        lines += [".PP", ".RS", ".nf"] + section.preformatted.map(text) + [".fi", ".RE"]
      }
      for row in section.rows {
        lines += [".TP", "\\fB" + text(row.term) + "\\fR", text(row.text)]
      }
    }
    return lines
  }
}
