import Testing

@testable import Activations

/// Parses text the test knows to be valid, recording a failure (not crashing) if it is not.
func parsedExpression(_ text: String, sourceLocation: SourceLocation = #_sourceLocation)
  -> Activations.Expression?
{
  do {
    return try Activations.Expression.parse(text)
  } catch {
    Issue.record("cannot parse \(text): \(error)", sourceLocation: sourceLocation)
    return nil
  }
}

/// The error parsing `text` gives, recording a failure if it parses.
func expressionError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation)
  -> ExpressionError?
{
  do {
    let expression = try Activations.Expression.parse(text)
    Issue.record("'\(text)' parsed as \(expression)", sourceLocation: sourceLocation)
    return nil
  } catch {
    return error
  }
}

@Suite("Expression parser")
struct ExpressionParserTests {
  struct ParseCase: Sendable, CustomTestStringConvertible {
    var text: String
    /// Every operator explicit.
    var structure: String
    /// The normalized text, with minimal parentheses.
    var printed: String
    var testDescription: String { text }
  }

  @Test(
    "precedence and associativity",
    arguments: [
      ParseCase(text: "1 + 2*3", structure: "(+ 1 (* 2 3))", printed: "1 + 2*3"),
      ParseCase(text: "(1 + 2)*3", structure: "(* (+ 1 2) 3)", printed: "(1 + 2)*3"),
      ParseCase(text: "1 - 2 - 3", structure: "(- (- 1 2) 3)", printed: "1 - 2 - 3"),
      ParseCase(text: "(1 - 2) - 3", structure: "(- (- 1 2) 3)", printed: "1 - 2 - 3"),
      ParseCase(text: "1 - (2 - 3)", structure: "(- 1 (- 2 3))", printed: "1 - (2 - 3)"),
      ParseCase(text: "1 + (2 + 3)", structure: "(+ 1 (+ 2 3))", printed: "1 + (2 + 3)"),
      ParseCase(text: "1 - 2 + 3", structure: "(+ (- 1 2) 3)", printed: "1 - 2 + 3"),
      ParseCase(text: "1/2/3", structure: "(/ (/ 1 2) 3)", printed: "1/2/3"),
      ParseCase(text: "1/(2/3)", structure: "(/ 1 (/ 2 3))", printed: "1/(2/3)"),
      ParseCase(text: "1/2*3", structure: "(* (/ 1 2) 3)", printed: "1/2*3"),
      ParseCase(text: "1/(2*3)", structure: "(/ 1 (* 2 3))", printed: "1/(2*3)"),
      ParseCase(text: "2^3^2", structure: "(^ 2 (^ 3 2))", printed: "2^3^2"),
      ParseCase(text: "(2^3)^2", structure: "(^ (^ 2 3) 2)", printed: "(2^3)^2"),
      ParseCase(text: "2*x^3", structure: "(* 2 (^ x 3))", printed: "2*x^3"),
      ParseCase(text: "(2*x)^3", structure: "(^ (* 2 x) 3)", printed: "(2*x)^3"),
      ParseCase(text: "-x^2", structure: "(neg (^ x 2))", printed: "-x^2"),
      ParseCase(text: "(-x)^2", structure: "(^ (neg x) 2)", printed: "(-x)^2"),
      ParseCase(text: "x^-2", structure: "(^ x (neg 2))", printed: "x^-2"),
      ParseCase(text: "2^-x^2", structure: "(^ 2 (neg (^ x 2)))", printed: "2^-x^2"),
      ParseCase(text: "-2^-2", structure: "(neg (^ 2 (neg 2)))", printed: "-2^-2"),
      ParseCase(text: "x^(-2)", structure: "(^ x (neg 2))", printed: "x^-2"),
      ParseCase(text: "x^(1+1)", structure: "(^ x (+ 1 1))", printed: "x^(1 + 1)"),
      ParseCase(text: "--x", structure: "(neg (neg x))", printed: "--x"),
      ParseCase(text: "- -x", structure: "(neg (neg x))", printed: "--x"),
      ParseCase(text: "+x", structure: "x", printed: "x"),
      ParseCase(text: "-(x + 1)", structure: "(neg (+ x 1))", printed: "-(x + 1)"),
      ParseCase(text: "-x*2", structure: "(* (neg x) 2)", printed: "-x*2"),
      ParseCase(text: "-(x*2)", structure: "(neg (* x 2))", printed: "-(x*2)"),
      ParseCase(text: "x*-2", structure: "(* x (neg 2))", printed: "x*-2"),
      ParseCase(text: "x - -2", structure: "(- x (neg 2))", printed: "x - -2"),
      ParseCase(text: "x-(-2)", structure: "(- x (neg 2))", printed: "x - -2"),
      ParseCase(text: "(((x)))", structure: "x", printed: "x"),
      ParseCase(text: "e^x", structure: "(^ e x)", printed: "e^x"),
      ParseCase(
        text: ".5*X + 1.5e-3 + PI - E", structure: "(- (+ (+ (* 0.5 x) 0.0015) pi) e)",
        printed: "0.5*x + 0.0015 + pi - e"),
      ParseCase(text: "1e20*x + 1.", structure: "(+ (* 1e+20 x) 1)", printed: "1e+20*x + 1"),
      ParseCase(text: " x\t*\n2\r ", structure: "(* x 2)", printed: "x*2"),
      ParseCase(
        text: "where(x > 0 and x < 1 or x == 2, x, 0)",
        structure: "(where (or (and (> x 0) (< x 1)) (== x 2)) x 0)",
        printed: "where(x > 0 and x < 1 or x == 2, x, 0)"),
      ParseCase(
        text: "where(x > 0 AND (x < 1 Or x == 2), x, 0)",
        structure: "(where (and (> x 0) (or (< x 1) (== x 2))) x 0)",
        printed: "where(x > 0 and (x < 1 or x == 2), x, 0)"),
      ParseCase(
        text: "where((x > 0), x, 0)", structure: "(where (> x 0) x 0)",
        printed: "where(x > 0, x, 0)"),
      ParseCase(
        text: "where(x>=1,x,-x)", structure: "(where (>= x 1) x (neg x))",
        printed: "where(x >= 1, x, -x)"),
      ParseCase(
        text: "max(x, 0.01*x, -1)", structure: "(max x (* 0.01 x) (neg 1))",
        printed: "max(x, 0.01*x, -1)"),
      ParseCase(
        text: "clamp(x, -1, 1) + Min(x, 2)", structure: "(+ (clamp x (neg 1) 1) (min x 2))",
        printed: "clamp(x, -1, 1) + min(x, 2)"),
      ParseCase(
        text: "Log_1P(abs(x))^2", structure: "(^ (log1p (abs x)) 2)",
        printed: "log1p(abs(x))^2"),
      ParseCase(text: "tanh(x)", structure: "(tanh x)", printed: "tanh(x)"),
      ParseCase(
        text: "x*tanh(softplus(x))", structure: "(* x (tanh (softplus x)))",
        printed: "x*tanh(softplus(x))"),
      ParseCase(
        text: "LeakY_ReLU(2*x, 0.2)", structure: "(leaky_relu (* 2 x) negative_slope=0.2)",
        printed: "leaky_relu(2*x, negative_slope=0.2)"),
      ParseCase(
        text: "lrelu(x, negative_slope = -.5)", structure: "(leaky_relu x negative_slope=-0.5)",
        printed: "leaky_relu(x, negative_slope=-0.5)"),
      ParseCase(
        text: "elu(x, alpha=0.5)", structure: "(elu x alpha=0.5)", printed: "elu(x, alpha=0.5)"),
      ParseCase(
        text: "swish(x, beta=1.5)", structure: "(swish x beta=1.5)",
        printed: "swish(x, beta=1.5)"),
      ParseCase(
        text: "gelu(x, approximate=TANH)", structure: "(gelu x approximate=tanh)",
        printed: "gelu(x, approximate=tanh)"),
      ParseCase(
        text: "softplus(x, 2, threshold=none)", structure: "(softplus x beta=2 threshold=none)",
        printed: "softplus(x, beta=2, threshold=none)"),
      ParseCase(
        text: "maxout(x, weights=[1, -1], biases=[0,+0.5])",
        structure: "(maxout x weights=[1,-1] biases=[0,0.5])",
        printed: "maxout(x, weights=[1,-1], biases=[0,0.5])"),
      ParseCase(
        text: "rrelu(x, training=true)", structure: "(rrelu x training=true)",
        printed: "rrelu(x, training=true)"),
      ParseCase(
        text: "hard_tanh(x, max_val=2, min_val=-2)",
        structure: "(hard_tanh x min_val=-2 max_val=2)",
        printed: "hard_tanh(x, min_val=-2, max_val=2)"),
      ParseCase(
        text: "-relu(-x)^2", structure: "(neg (^ (relu (neg x)) 2))", printed: "-relu(-x)^2"),
    ])
  func parses(_ example: ParseCase) throws {
    let expression = try #require(parsedExpression(example.text))
    #expect(expression.tree.structure() == example.structure)
    #expect(expression.text == example.printed)
    #expect(expression.description == example.printed)
    let reparsed = try #require(parsedExpression(expression.text))
    #expect(reparsed == expression)
  }

  @Test("precedence gives the usual values")
  func values() throws {
    let cases: [(String, Double)] = [
      ("1 + 2*3", 7), ("1 - 2 - 3", -4), ("2^3^2", 512), ("(2^3)^2", 64), ("-2^2", -4),
      ("(-2)^2", 4), ("2^-1", 0.5), ("2^-2^2", 0.0625), ("12/2/3", 2), ("2*3^2", 18),
      ("--3", 3), ("-3*-2", 6), ("1 - -1", 2), ("where(1 < 2 and 2 < 1 or 1 == 1, 5, 6)", 5),
      ("where(1 < 2 and (2 < 1 or 1 == 2), 5, 6)", 6), ("max(1, 3, 2) - min(4, -1, 0)", 4),
      ("clamp(5, 0, 1)", 1), ("clamp(-5, 0, 1)", 0), ("clamp(0.5, 0, 1)", 0.5),
      ("floor(-1.5) + ceil(1.2) + sign(-3)", -1), ("abs(-2)", 2),
    ]
    for (text, expected) in cases {
      let expression = try #require(parsedExpression(text))
      #expect(expression.value(0.25) == expected, "\(text)")
    }
  }

  @Test("equal trees, whatever the spelling; different trees differ")
  func equality() throws {
    let pairs: [(String, String, Bool)] = [
      ("lrelu(x, 0.2)", "leaky_relu(x, negative_slope=0.2)", true),
      ("Hard-Swish(x)".replacingHyphens, "hard_swish(x)", true),
      ("h_swish(x)", "HARD_SWISH(x)", true),
      ("x+1", "1+x", false),
      ("(x+1)+2", "x+(1+2)", false),
      ("elu(x)", "elu(x, alpha=1)", false),
      ("0.5*x", ".50*x", true),
      ("x^2", "x^2.0", true),
    ]
    for (left, right, equal) in pairs {
      let a = try #require(parsedExpression(left))
      let b = try #require(parsedExpression(right))
      #expect((a == b) == equal, "\(left) vs \(right)")
    }
  }

  /// Not the shared ``ErrorCase``: a parser error also carries the offset it points at (nil for
  /// an error with no place, such as the empty expression), and each case pins that too.
  struct ExpressionErrorCase: Sendable, CustomTestStringConvertible {
    var text: String
    var message: String
    var offset: Int?
    var testDescription: String { text.count > 40 ? String(text.prefix(40)) + "..." : text }
  }

  @Test(
    "every error message, with its offset",
    arguments: [
      ExpressionErrorCase(text: "x*(1+", message: "expected an expression after '+'", offset: 5),
      ExpressionErrorCase(
        text: "", message: "empty expression; write a function of x such as 'x*sigmoid(x)'"),
      ExpressionErrorCase(
        text: " \t ", message: "empty expression; write a function of x such as 'x*sigmoid(x)'"),
      ExpressionErrorCase(
        text: "sigmod(x)",
        message: "unknown name 'sigmod' in the expression (did you mean 'sigmoid'?)",
        offset: 0),
      ExpressionErrorCase(
        text: "2*sigmod(x)",
        message: "unknown name 'sigmod' in the expression (did you mean 'sigmoid'?)",
        offset: 2),
      ExpressionErrorCase(
        text: "foo(x)", message: "unknown name 'foo' in the expression", offset: 0),
      ExpressionErrorCase(
        text: "y+1", message: "unknown name 'y' in the expression; the variable is x", offset: 0),
      ExpressionErrorCase(
        text: "2*pie",
        message: "unknown name 'pie' in the expression (did you mean 'pi'?); the variable is x",
        offset: 2),
      ExpressionErrorCase(
        text: "xx + 1",
        message: "unknown name 'xx' in the expression (did you mean 'x'?); the variable is x",
        offset: 0),
      ExpressionErrorCase(
        text: "x*sigmod",
        message:
          "unknown name 'sigmod' in the expression (did you mean 'sigmoid'?); the variable is x",
        offset: 2),
      ExpressionErrorCase(
        text: "mish", message: "mish is a function; call it on an expression, like mish(x)",
        offset: 0),
      ExpressionErrorCase(
        text: "1 + Exp", message: "exp is a function; call it on an expression, like exp(x)",
        offset: 4),
      ExpressionErrorCase(
        text: "hard-swish(x)",
        message:
          "'hard-swish' reads as a subtraction, since '-' is a minus in an expression; "
          + "write hard_swish",
        offset: 0),
      ExpressionErrorCase(
        text: "x*log-sigmoid(x)",
        message:
          "'log-sigmoid' reads as a subtraction, since '-' is a minus in an expression; "
          + "write log_sigmoid",
        offset: 2),
      ExpressionErrorCase(
        text: "x(2)", message: "'x' is the variable, not a function; write x*(...) for a product",
        offset: 0),
      ExpressionErrorCase(
        text: "1+pi(2)",
        message: "'pi' is a constant, not a function; write pi*(...) for a product",
        offset: 2),
      ExpressionErrorCase(text: "exp(x, 2)", message: "exp takes 1 argument, got 2", offset: 7),
      ExpressionErrorCase(text: "exp()", message: "exp takes 1 argument, got 0", offset: 4),
      ExpressionErrorCase(
        text: "max(x)", message: "max takes at least 2 arguments, got 1", offset: 5),
      ExpressionErrorCase(
        text: "clamp(x, 0)", message: "clamp takes 3 arguments, got 2", offset: 10),
      ExpressionErrorCase(
        text: "where(x > 0, 1, 2, 3)", message: "where takes 3 arguments, got 4", offset: 19),
      ExpressionErrorCase(
        text: "elu()", message: "elu takes at least 1 argument, got 0", offset: 4),
      ExpressionErrorCase(
        text: "where(x, 1, 2)",
        message:
          "expected a comparison as the first argument of where(condition, a, b), like x > 0",
        offset: 6),
      ExpressionErrorCase(
        text: "x > 0",
        message: "a comparison is only allowed in the condition of where(condition, a, b)",
        offset: 2),
      ExpressionErrorCase(
        text: "where(x > 0, x >= 1, 0)",
        message: "a comparison is only allowed in the condition of where(condition, a, b)",
        offset: 15),
      ExpressionErrorCase(
        text: "exp(x == 1)",
        message: "a comparison is only allowed in the condition of where(condition, a, b)",
        offset: 6),
      ExpressionErrorCase(
        text: "where((x > 0) + 1 > 0, x, 0)",
        message: "a comparison is only allowed in the condition of where(condition, a, b)",
        offset: 9),
      ExpressionErrorCase(
        text: "where(0 < x < 1, x, 0)",
        message: "comparisons do not chain; write a < x and x < b", offset: 12),
      ExpressionErrorCase(
        text: "where(x > 0 and 1, x, 0)",
        message: "expected a comparison on each side of 'and', like x > 0", offset: 16),
      ExpressionErrorCase(
        text: "where(x or x > 0, x, 0)",
        message: "expected a comparison on each side of 'or', like x > 0", offset: 6),
      ExpressionErrorCase(
        text: "exp(x, base=2)", message: "exp takes no named parameters, got 'base='", offset: 7),
      ExpressionErrorCase(
        text: "elu(alpha=0.5)",
        message:
          "the first argument of elu is its input, an expression of x; parameters follow it, "
          + "like elu(x, name=value)",
        offset: 4),
      ExpressionErrorCase(
        text: "mish(x, 1)",
        message: "mish takes no parameters; write mish(x) with only its input", offset: 8),
      ExpressionErrorCase(
        text: "elu(x, alpah=0.5)",
        message: "elu has no parameter 'alpah' (did you mean 'alpha'?); its parameters are alpha",
        offset: 7),
      ExpressionErrorCase(
        text: "elu(x, 0.5, alpha=1)", message: "elu: parameter 'alpha' is given twice",
        offset: 12),
      ExpressionErrorCase(
        text: "leaky_relu(x, 0.1, 0.2)", message: "leaky_relu takes at most 1 parameter, got 2",
        offset: 19),
      ExpressionErrorCase(
        text: "softplus(x, threshold=1, 2)",
        message: "softplus: a value without a name follows a named one; name it too (key=value)",
        offset: 25),
      ExpressionErrorCase(
        text: "elu(x, alpha=abc)",
        message: "elu: bad value 'abc' for alpha; expected a finite number", offset: 13),
      ExpressionErrorCase(
        text: "celu(x, -1)",
        message: "celu: bad value '-1' for alpha; expected a finite number > 0", offset: 8),
      ExpressionErrorCase(
        text: "gelu(x, approximate=tanhh)",
        message:
          "gelu: bad value 'tanhh' for approximate; expected one of none, tanh (did you mean 'tanh'?)",
        offset: 20),
      ExpressionErrorCase(
        text: "maxout(x, weights=0)",
        message: "maxout: bad value '0' for weights; expected a list of finite numbers like [0,1]",
        offset: 18),
      ExpressionErrorCase(
        text: "hard_tanh(x, 2, 1)",
        message: "hard_tanh: min_val (2) must be less than max_val (1)", offset: 0),
      ExpressionErrorCase(
        text: "1 + maxout(x, weights=[1,2], biases=[0])",
        message: "maxout: weights has 2 values but biases has 1; give one bias per weight",
        offset: 4),
      ExpressionErrorCase(
        text: "elu(x, alpha=2*x)",
        message: "elu's parameters are constants: a number, a word or a list like [0,1]",
        offset: 13),
      ExpressionErrorCase(
        text: "swish(x, beta=1|2)",
        message: "an expression takes one value per parameter, not a sweep ('|')", offset: 15),
      ExpressionErrorCase(
        text: "elu(x, alpha=)",
        message:
          "expected a parameter value (a number, a word or a list like [0,1]) after '=', "
          + "found ')'",
        offset: 13),
      ExpressionErrorCase(
        text: "maxout(x, weights=[1 2])", message: "expected ',' or ']' after '1', found '2'",
        offset: 21),
      ExpressionErrorCase(
        text: "maxout(x, weights=[1, x])", message: "expected a number after ',', found 'x'",
        offset: 22),
      ExpressionErrorCase(
        text: "elu(x, 1 2)", message: "expected ',' or ')' after '1', found '2'", offset: 9),
      ExpressionErrorCase(
        text: "(x+1", message: "expected ')' to close the '(' at column 1", offset: 4),
      ExpressionErrorCase(
        text: "2*exp(x", message: "expected ')' to close the '(' at column 6", offset: 7),
      ExpressionErrorCase(
        text: "elu(x, 1", message: "expected ')' to close the '(' at column 4", offset: 8),
      ExpressionErrorCase(text: "x+1)", message: "unmatched ')'", offset: 3),
      ExpressionErrorCase(text: "(x))", message: "unmatched ')'", offset: 3),
      ExpressionErrorCase(
        text: "(x 1)",
        message: "expected an operator or ')' after 'x', found '1'; write * for a product",
        offset: 3),
      ExpressionErrorCase(
        text: "max(x 1)",
        message: "expected an operator, ',' or ')' after 'x', found '1'; write * for a product",
        offset: 6),
      ExpressionErrorCase(
        text: "x 2", message: "expected an operator after 'x', found '2'; write * for a product",
        offset: 2),
      ExpressionErrorCase(
        text: "2x", message: "expected an operator after '2', found 'x'; write * for a product",
        offset: 1),
      ExpressionErrorCase(
        text: "2(x+1)", message: "expected an operator after '2', found '('; write * for a product",
        offset: 1),
      ExpressionErrorCase(
        text: "x* *2",
        message: "expected an expression after '*', found '*'; write x^2 for a power",
        offset: 3),
      ExpressionErrorCase(
        text: "x = 1", message: "expected an operator after 'x', found '='; comparisons use ==",
        offset: 2),
      ExpressionErrorCase(
        text: "where(x > 0 || x < -1, x, 0)",
        message:
          "expected an operator, ',' or ')' after '0', found '|'; write 'or' to join comparisons",
        offset: 12),
      ExpressionErrorCase(
        text: "x*()", message: "expected an expression after '(', found ')'", offset: 3),
      ExpressionErrorCase(text: "*x", message: "expected an expression, found '*'", offset: 0),
      ExpressionErrorCase(
        text: "max(x, )", message: "expected an expression after ',', found ')'", offset: 7),
      ExpressionErrorCase(text: "x^", message: "expected an expression after '^'", offset: 2),
      ExpressionErrorCase(text: "and", message: "expected an expression, found 'and'", offset: 0),
      ExpressionErrorCase(text: "x $ 2", message: "invalid character '$'", offset: 2),
      ExpressionErrorCase(text: "x\u{0}", message: "invalid character U+0000", offset: 1),
      ExpressionErrorCase(text: "x\u{7}+1", message: "invalid character U+0007", offset: 1),
      ExpressionErrorCase(
        text: "!x", message: "invalid character '!'; write != for 'not equal'", offset: 0),
      ExpressionErrorCase(
        text: "x & x", message: "invalid character '&'; write 'and' to join comparisons", offset: 2),
      ExpressionErrorCase(
        text: "x·2", message: "invalid character '·' (U+00B7); write * for a product", offset: 1),
      ExpressionErrorCase(
        text: "x − 1", message: "invalid character '−' (U+2212); write - for a minus", offset: 2),
      ExpressionErrorCase(
        text: "2*π", message: "invalid character 'π' (U+03C0); write pi", offset: 2),
      ExpressionErrorCase(text: "é", message: "invalid character 'é' (U+00E9)", offset: 0),
      ExpressionErrorCase(
        text: "1e999*x", message: "number '1e999' is too large for a double", offset: 0),
    ])
  func refuses(_ example: ExpressionErrorCase) throws {
    let error = try #require(expressionError(example.text))
    #expect(error.description == example.message)
    #expect(error.offset == example.offset)
  }

  @Test("errors draw the expression with a caret under the place")
  func caret() throws {
    let error = try #require(expressionError("x*(1+"))
    #expect(error.caretLines(for: "x*(1+") == ["  x*(1+", "       ^"])
    let unknown = try #require(expressionError("2 + sigmod(x)"))
    #expect(unknown.caretLines(for: "2 + sigmod(x)") == ["  2 + sigmod(x)", "      ^"])
    // Control characters show as spaces, so the caret stays under its column.
    let tab = "x\t+\t*"
    let afterTab = try #require(expressionError(tab))
    #expect(afterTab.caretLines(for: tab) == ["  x + *", "      ^"])
    // A non-ASCII character is shown as itself, the caret under it.
    let dot = "x·2"
    #expect(try #require(expressionError(dot)).caretLines(for: dot) == ["  x·2", "   ^"])
    #expect(ExpressionError.empty.caretLines(for: "") == [])
  }

  @Test("a long expression shows a window around the error")
  func caretWindow() throws {
    let text = String(repeating: "x+", count: 100) + "y" + String(repeating: "+x", count: 100)
    let error = try #require(expressionError(text))
    #expect(error.offset == 200)
    let lines = error.caretLines(for: text)
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("  ...") && lines[0].hasSuffix("..."))
    let caret = try #require(lines[1].firstIndex(of: "^"))
    let column = lines[1].distance(from: lines[1].startIndex, to: caret)
    #expect(Array(lines[0])[column] == "y")
    #expect(lines[0].count <= 2 + 3 + 72 + 3)

    // Near the start or the end, the window is cut on one side only.
    let start = "y" + String(repeating: "+x", count: 100)
    let first = try #require(expressionError(start)).caretLines(for: start)
    #expect(first[0].hasPrefix("  y+x") && first[0].hasSuffix("..."))
    #expect(first[1] == "  ^")
    let end = String(repeating: "x+", count: 100) + "y"
    let last = try #require(expressionError(end)).caretLines(for: end)
    #expect(last[0].hasPrefix("  ...") && last[0].hasSuffix("x+y"))
    #expect(last[1].count == last[0].count)
  }

  @Test("deep nesting is an error, not a stack overflow")
  func deepNesting() throws {
    let parentheses =
      String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000)
    let tooDeep = ExpressionError.tooDeep(maximum: Activations.Expression.maximumDepth, at: 200)
    #expect(expressionError(parentheses) == tooDeep)
    #expect(expressionError(String(repeating: "-", count: 10_000) + "x") == tooDeep)
    #expect(expressionError(String(repeating: "+", count: 10_000) + "x") == tooDeep)
    #expect(
      expressionError(String(repeating: "exp(", count: 10_000) + "x") == tooDeep.atOffset(803))
    let powers = "x" + String(repeating: "^x", count: 10_000)
    #expect(expressionError(powers) == tooDeep.atOffset(401))
    let calls =
      String(repeating: "elu(", count: 5_000) + "x" + String(repeating: ", 1)", count: 5_000)
    #expect(expressionError(calls) == tooDeep.atOffset(803))
    #expect(expressionError(String(repeating: "(", count: 10_000)) == tooDeep)
    // The deepest accepted: 200 levels.
    let deepest = String(repeating: "(", count: 199) + "-x" + String(repeating: ")", count: 199)
    let expression = try #require(parsedExpression(deepest))
    #expect(expression.text == "-x")
    #expect(expression.value(2) == -2)
  }

  @Test("long flat chains parse, print and evaluate without recursion")
  func longChains() throws {
    let terms = 20_000
    let sum = "x" + String(repeating: "+x", count: terms - 1)
    let expression = try #require(parsedExpression(sum))
    #expect(expression.value(1) == Double(terms))
    #expect(expression.derivative(1) == Double(terms))
    #expect(expression.secondDerivative(1) == 0)
    #expect(expression.text == "x" + String(repeating: " + x", count: terms - 1))
    #expect(try Activations.Expression.parse(expression.text) == expression)
    let product = "1" + String(repeating: "*x", count: 30_000)
    let power = try #require(parsedExpression(product))
    #expect(power.value(1) == 1)
    #expect(power.derivative(1) == 30_000)
    #expect(power.secondDerivative(1) == 30_000 * 29_999)
  }

  @Test("oversized input is refused at once")
  func oversized() throws {
    let limit = Activations.Expression.maximumLength
    let megabyte = String(repeating: "x+", count: 500_000)
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      #expect(expressionError(megabyte) == .tooLong(length: 1_000_000, maximum: limit))
    }
    #expect(elapsed < .milliseconds(100))
    #expect(
      expressionError(String(repeating: "x", count: limit + 1))
        == .tooLong(length: limit + 1, maximum: limit))
    #expect(ExpressionError.tooLong(length: 1, maximum: 0).offset == nil)
    #expect(
      ExpressionError.tooLong(length: 1_000_000, maximum: limit).description
        == "expression too long: 1000000 bytes, at most 100000")
    // Just within the limit: parsed, in well under a second even in a debug build.
    let longest = "x" + String(repeating: "+x", count: (limit - 1) / 2)
    let within = clock.measure { _ = parsedExpression(longest) }
    #expect(within < .seconds(5))
    // A NUL or garbage anywhere in a long text is an error, quickly.
    let garbage = String(repeating: "x+", count: 40_000) + "\u{0}"
    #expect(expressionError(garbage) == .invalidCharacter("\u{0}", at: 80_000))
    let longName = String(repeating: "q", count: 90_000)
    let unknown = try #require(expressionError(longName))
    #expect(unknown == .unknownVariable(longName, suggestion: nil, at: 0))
    #expect(unknown.description.count < 100)
  }

  @Test("print/parse round trip on random expressions")
  func roundTrip() throws {
    var generator = ExpressionGenerator(seed: 20_261_124)
    let points: [Double] = [-2.5, -1, -0.0, 0.3, 1, 2.75]
    for _ in 0..<400 {
      let text = generator.expression(depth: 5)
      let expression: Activations.Expression
      do {
        expression = try Activations.Expression.parse(text)
      } catch {
        Issue.record("generated '\(text)' does not parse: \(error)")
        continue
      }
      let reparsed = try #require(parsedExpression(expression.text))
      #expect(reparsed == expression, "\(text) printed as \(expression.text)")
      #expect(reparsed.tree.structure() == expression.tree.structure(), "\(text)")
      #expect(reparsed.text == expression.text, "\(text)")
      for x in points {
        let (a, b) = (expression.jet(x), reparsed.jet(x))
        #expect(
          a.value.bitPattern == b.value.bitPattern && a.first.bitPattern == b.first.bitPattern
            && a.second.bitPattern == b.second.bitPattern,
          "\(text) at \(x)")
      }
    }
  }

  @Test("arithmetic evaluates exactly as written, in IEEE double")
  func arithmeticSemantics() throws {
    var generator = ExpressionGenerator(seed: 7)
    for _ in 0..<300 {
      let tree = generator.arithmetic(depth: 6)
      let expression = try #require(parsedExpression(tree.text))
      for x in [-3.25, -0.5, 0, 0.1, 1, 7.5] {
        let expected = tree.evaluate(x)
        let value = expression.value(x)
        #expect(
          value.bitPattern == expected.bitPattern || (value.isNaN && expected.isNaN),
          "\(tree.text) at \(x): \(value) vs \(expected)")
      }
    }
  }
}

extension ExpressionError {
  /// The same `tooDeep` error at another offset.
  fileprivate func atOffset(_ offset: Int) -> ExpressionError {
    guard case .tooDeep(let maximum, _) = self else { return self }
    return .tooDeep(maximum: maximum, at: offset)
  }
}

extension String {
  /// The text with its hyphens as underscores (a catalogue name in expression spelling).
  fileprivate var replacingHyphens: String {
    String(map { $0 == "-" ? "_" : $0 })
  }
}

/// Random expression texts from a seeded generator, covering every construct of the grammar with
/// random spacing and redundant parentheses.
struct ExpressionGenerator {
  var random: SplitMix64

  init(seed: UInt64) {
    random = SplitMix64(seed: seed)
  }

  mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
  mutating func chance(_ p: Double) -> Bool { random.nextUnitInterval() < p }
  mutating func pick(_ items: [String]) -> String { items[below(items.count)] }

  mutating func space() -> String { pick(["", "", "", " ", "  ", "\t"]) }

  mutating func leaf() -> String {
    pick([
      "x", "x", "x", "X", "pi", "e", "2", "0.5", ".25", "1.5e-3", "3", "10", "1e+20", "0", "7.",
    ])
  }

  mutating func expression(depth: Int) -> String {
    if depth == 0 || chance(0.2) { return leaf() }
    let d = depth - 1
    switch below(14) {
    case 0, 1, 2:
      let op = pick(["+", "-", "*", "/", "+", "*"])
      return expression(depth: d) + space() + op + space() + expression(depth: d)
    case 3:
      return expression(depth: d) + "^" + pick(["2", "3", "-1", "0.5", "x", "(x+1)", "-x"])
    case 4:
      return pick(["-", "+", "- "]) + expression(depth: d)
    case 5:
      return "(" + space() + expression(depth: d) + space() + ")"
    case 6, 7:
      let function = pick([
        "exp", "log", "log1p", "expm1", "sqrt", "abs", "sin", "cos", "tan", "tanh", "sinh", "cosh",
        "erf", "erfc", "sign", "floor", "ceil", "EXP", "Log_1p",
      ])
      return function + "(" + expression(depth: d) + ")"
    case 8:
      let count = 2 + below(2)
      let arguments = (0..<count).map { _ in expression(depth: d) }
      return pick(["min", "max"]) + "(" + arguments.joined(separator: "," + space()) + ")"
    case 9:
      return "clamp(" + expression(depth: d) + ", " + expression(depth: d) + ", "
        + expression(depth: d) + ")"
    case 10:
      return "where(" + condition(depth: d) + ", " + expression(depth: d) + ", "
        + expression(depth: d) + ")"
    default:
      let call = pick([
        "sigmoid(A)", "elu(A, alpha=0.5)", "leaky_relu(A, 0.2)", "softplus(A, beta=2)",
        "gelu(A, approximate=tanh)", "maxout(A, weights=[1,-1], biases=[0,0.5])",
        "swish(A, 1.5)", "Hard_Swish(A)", "mish(A)", "relu6(A)", "hard_tanh(A, -2, 3)",
        "tanhshrink(A)", "softsign(A)",
      ])
      return call.substituting("A", with: expression(depth: d))
    }
  }

  mutating func condition(depth: Int) -> String {
    let comparison =
      expression(depth: max(0, depth - 1)) + space()
      + pick(["<", "<=", ">", ">=", "==", "!="]) + space() + expression(depth: max(0, depth - 1))
    switch below(5) {
    case 0: return comparison + " and " + condition(depth: depth - 1)
    case 1: return comparison + " or " + condition(depth: depth - 1)
    case 2: return "(" + comparison + ")"
    default: return comparison
    }
  }

  /// An arithmetic tree (+ − * /, signs, x and numbers) with its own evaluation in IEEE double.
  indirect enum Arithmetic {
    case x
    case number(Double)
    case negate(Arithmetic)
    case binary(Character, Arithmetic, Arithmetic)

    /// Fully parenthesized text.
    var text: String {
      switch self {
      case .x: return "x"
      case .number(let value): return shortestDecimal(value)
      case .negate(let operand): return "(-" + operand.text + ")"
      case .binary(let op, let left, let right):
        return "(" + left.text + String(op) + right.text + ")"
      }
    }

    func evaluate(_ x: Double) -> Double {
      switch self {
      case .x: return x
      case .number(let value): return value
      case .negate(let operand): return -operand.evaluate(x)
      case .binary(let op, let left, let right):
        let (a, b) = (left.evaluate(x), right.evaluate(x))
        switch op {
        case "+": return a + b
        case "-": return a - b
        case "*": return a * b
        default: return a / b
        }
      }
    }
  }

  mutating func arithmetic(depth: Int) -> Arithmetic {
    if depth == 0 || chance(0.25) {
      return chance(0.5) ? .x : .number([0.1, 3, 0.7, 1e-3, 12.5, 0][below(6)])
    }
    if chance(0.15) { return .negate(arithmetic(depth: depth - 1)) }
    let op: Character = ["+", "-", "*", "/"][below(4)]
    return .binary(op, arithmetic(depth: depth - 1), arithmetic(depth: depth - 1))
  }
}

extension String {
  /// Every occurrence of `target` replaced (no Foundation in this file's imports).
  fileprivate func substituting(_ target: String, with replacement: String) -> String {
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
