import Activations
import Testing

@Suite("SPEC words: catalogue spec or expression")
struct FunctionSpecTests {
  /// A word that reads as catalogue functions, and their labels in order.
  struct CatalogueCase: Sendable, CustomTestStringConvertible {
    var word: String
    var labels: [String]
    var testDescription: String { word }
  }

  @Test(
    "a spec whose name is in the catalogue is a catalogue spec",
    arguments: [
      CatalogueCase(word: "mish", labels: ["mish"]),
      CatalogueCase(word: " Hard-Swish ", labels: ["hard_swish"]),
      CatalogueCase(word: "elu(alpha=0.5)", labels: ["elu(alpha=0.5)"]),
      CatalogueCase(word: "leaky_relu(0.2)", labels: ["leaky_relu(negative_slope=0.2)"]),
      CatalogueCase(
        word: "swish(beta=0.5|1|2)",
        labels: ["swish(beta=0.5)", "swish(beta=1)", "swish(beta=2)"]),
      // `exp`, `abs` and `tanh` are also expression built-ins; the catalogue wins.
      CatalogueCase(word: "tanh", labels: ["tanh"]),
    ])
  func catalogue(_ testCase: CatalogueCase) throws {
    let spec = try FunctionSpec(testCase.word)
    guard case .catalogue(let functions) = spec else {
      Issue.record("\(testCase.word) read as \(spec)")
      return
    }
    #expect(functions.map(\.label) == testCase.labels)
    #expect(spec.count == testCase.labels.count)
    #expect(spec.functions.map(\.label) == testCase.labels)
  }

  /// A word that reads as an expression, its label (the word trimmed) and its canonical text.
  struct ExpressionCase: Sendable, CustomTestStringConvertible {
    var word: String
    var label: String
    var text: String
    var testDescription: String { word }
  }

  @Test(
    "every other word is an expression",
    arguments: [
      ExpressionCase(
        word: "x*sigmoid(1.702*x)", label: "x*sigmoid(1.702*x)", text: "x*sigmoid(1.702*x)"),
      // An argument x makes a catalogue call an expression.
      ExpressionCase(
        word: "elu(x, alpha=0.5)", label: "elu(x, alpha=0.5)", text: "elu(x, alpha=0.5)"),
      ExpressionCase(word: " x ", label: "x", text: "x"),
      ExpressionCase(word: "pi", label: "pi", text: "pi"),
      ExpressionCase(word: "sin(x)", label: "sin(x)", text: "sin(x)"),
      ExpressionCase(word: "2*x", label: "2*x", text: "2*x"),
    ])
  func expression(_ testCase: ExpressionCase) throws {
    let spec = try FunctionSpec(testCase.word)
    guard case .expression(let expression, let label) = spec else {
      Issue.record("\(testCase.word) read as \(spec)")
      return
    }
    #expect(label == testCase.label)
    #expect(expression.text == testCase.text)
    #expect(spec.count == 1)
    #expect(spec.functions.map(\.label) == [testCase.label])
  }

  /// A word refused, whether the catalogue's message is the one given, and the message. Not the
  /// shared ``ErrorCase``: which reader refused the word (catalogue or expression parser) is what
  /// `FunctionSpec` decides, so each case pins that too.
  struct WordErrorCase: Sendable, CustomTestStringConvertible {
    var word: String
    var fromCatalogue: Bool
    var message: String
    var testDescription: String { word }
  }

  @Test(
    "a refused word says why, as a spec or as an expression",
    arguments: [
      // A spec-shaped word with an unknown name and no arguments: an unknown function.
      WordErrorCase(
        word: "mihs", fromCatalogue: true, message: "unknown function 'mihs' (did you mean 'mish'?)"
      ),
      // A catalogue name with a bad parameter stays a catalogue error.
      WordErrorCase(
        word: "elu(alpah=1)", fromCatalogue: true,
        message: "elu has no parameter 'alpah' (did you mean 'alpha'?); its parameters are alpha"),
      // Empty, or a broken spec: the catalogue's message.
      WordErrorCase(
        word: "  ", fromCatalogue: true,
        message: "empty function spec; name a function such as 'mish' or 'elu(alpha=0.5)'"),
      WordErrorCase(
        word: "elu(alpha=0.5", fromCatalogue: true,
        message: "cannot read function spec 'elu(alpha=0.5': expected ',' or ')' at the end"),
      // An unknown name with arguments is an expression call.
      WordErrorCase(
        word: "foo(1)", fromCatalogue: false,
        message: "unknown name 'foo' in the expression"),
      WordErrorCase(
        word: "x+", fromCatalogue: false,
        message: "expected an expression after '+'"),
      // x makes it an expression, but a parameter before the input reads as a broken spec.
      WordErrorCase(
        word: "elu(alpha=0.5, x)", fromCatalogue: true,
        message: "elu: a value without a name follows a named one; name it too (key=value)"),
      WordErrorCase(
        word: "elu(alpha=x)", fromCatalogue: true,
        message: "elu: bad value 'x' for alpha; expected a finite number"),
    ])
  func refused(_ testCase: WordErrorCase) {
    do {
      let spec = try FunctionSpec(testCase.word)
      Issue.record("\(testCase.word) accepted as \(spec)")
    } catch {
      switch error {
      case .spec: #expect(testCase.fromCatalogue, "\(error)")
      case .expression(_, let text):
        #expect(!testCase.fromCatalogue, "\(error)")
        #expect(text == testCase.word)
      }
      #expect(error.description == testCase.message)
    }
  }

  @Test("the context seeds random functions, in specs and expressions alike")
  func seeded() throws {
    let context = BindingContext(seed: 7)
    let spec = try FunctionSpec("rrelu(training=true)", context: context).functions[0].function
    let again = try Catalogue.bind("rrelu(training=true)", context: context).function
    #expect(spec.value(-1) == again.value(-1))
    let expression = try FunctionSpec("rrelu(x, training=true)", context: context).functions[0]
    #expect(expression.function.value(-1) == again.value(-1))
  }
}
