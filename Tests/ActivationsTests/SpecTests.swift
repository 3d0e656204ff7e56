import Activations
import Testing

@Suite("Function specs")
struct SpecTests {
  struct LabelCase: Sendable, CustomTestStringConvertible {
    var spec: String
    var label: String
    var testDescription: String { "\(spec) → \(label)" }
  }

  @Test(
    "specs bind to canonical labels",
    arguments: [
      LabelCase(spec: "mish", label: "mish"),
      LabelCase(spec: "Hard-Swish", label: "hard_swish"),
      LabelCase(spec: "hardswish", label: "hard_swish"),
      LabelCase(spec: "HARD_SWISH", label: "hard_swish"),
      LabelCase(spec: "h_swish", label: "hard_swish"),
      LabelCase(spec: " elu ( alpha = 0.5 ) ", label: "elu(alpha=0.5)"),
      LabelCase(spec: "leaky_relu(0.2)", label: "leaky_relu(negative_slope=0.2)"),
      LabelCase(spec: "LeakyReLU(negativeslope=.5)", label: "leaky_relu(negative_slope=0.5)"),
      LabelCase(spec: "rrelu(upper=0.3, lower=0.1)", label: "rrelu(lower=0.1,upper=0.3)"),
      LabelCase(spec: "gelu(approximate=TANH)", label: "gelu(approximate=tanh)"),
      LabelCase(spec: "softplus(threshold=none)", label: "softplus(threshold=none)"),
      LabelCase(
        spec: "maxout(weights=[1, -1], biases=[0,0])", label: "maxout(weights=[1,-1],biases=[0,0])"),
      LabelCase(spec: "elu()", label: "elu"),
      LabelCase(spec: "elu(alpha=1e-3)", label: "elu(alpha=0.001)"),
      // Quoted words, as Python writes them.
      LabelCase(spec: "gelu(approximate=\"tanh\")", label: "gelu(approximate=tanh)"),
      LabelCase(spec: "gelu(approximate='TANH')", label: "gelu(approximate=tanh)"),
      LabelCase(spec: "softplus(threshold='none')", label: "softplus(threshold=none)"),
      // Constant arithmetic: the label shows the value's shortest decimal.
      LabelCase(spec: "elu(alpha=1/2)", label: "elu(alpha=0.5)"),
      LabelCase(spec: "elu(alpha = 1 / 4 )", label: "elu(alpha=0.25)"),
      LabelCase(spec: "swish(beta=2*pi)", label: "swish(beta=6.283185307179586)"),
      LabelCase(spec: "swish(beta=pi)", label: "swish(beta=3.141592653589793)"),
      LabelCase(spec: "swish(beta=pi/2)", label: "swish(beta=1.5707963267948966)"),
      LabelCase(spec: "swish(beta=(1+2)/3)", label: "swish(beta=1)"),
      LabelCase(spec: "swish(beta=sqrt(2))", label: "swish(beta=1.4142135623730951)"),
      LabelCase(spec: "leaky_relu(1/10)", label: "leaky_relu(negative_slope=0.1)"),
      LabelCase(
        spec: "hard_tanh(-2*e, 2^3)", label: "hard_tanh(min_val=-5.43656365691809,max_val=8)"),
    ])
  func labels(_ labelCase: LabelCase) throws {
    #expect(try Catalogue.bind(labelCase.spec).label == labelCase.label)
  }

  /// Every refusal, with its message pinned.
  @Test(
    "bad specs are refused with a message that names the fix",
    arguments: [
      ErrorCase(
        input: "",
        message: "empty function spec; name a function such as 'mish' or 'elu(alpha=0.5)'"
      ),
      ErrorCase(input: "mihs", message: "unknown function 'mihs' (did you mean 'mish'?)"),
      ErrorCase(
        input: "hardswsh", message: "unknown function 'hardswsh' (did you mean 'hard_swish'?)"),
      ErrorCase(input: "zzzzzz", message: "unknown function 'zzzzzz'"),
      ErrorCase(
        input: "elu(alpah=1)",
        message: "elu has no parameter 'alpah' (did you mean 'alpha'?); its parameters are alpha"),
      ErrorCase(input: "relu(1)", message: "relu takes no parameters; write it as 'relu'"),
      ErrorCase(input: "elu(1, 2)", message: "elu takes at most 1 parameter, got 2"),
      // Regression: a decimal comma read as two values, with a count that is off.
      ErrorCase(
        input: "elu(alpha=0,5)",
        message: "elu: 'alpha=0,5' looks like a decimal comma: write alpha=0.5"),
      ErrorCase(
        input: "elu(0,5)",
        message: "elu takes 1 parameter; '0,5' looks like a decimal comma: write 0.5"),
      ErrorCase(
        input: "leaky_relu(-0,01)",
        message: "leaky_relu takes 1 parameter; '-0,01' looks like a decimal comma: write -0.01"),
      ErrorCase(
        input: "hard_tanh(min_val=-2,2)",
        message: "hard_tanh: 'min_val=-2,2' looks like a decimal comma: write min_val=-2.2"),
      // Not a decimal comma: a space after the comma, or a fraction already written.
      ErrorCase(
        input: "elu(alpha=0, 5)",
        message: "elu: a value without a name follows a named one; name it too (key=value)"),
      ErrorCase(input: "elu(0.5,5)", message: "elu takes at most 1 parameter, got 2"),
      ErrorCase(
        input: "elu(alpha=1/0)",
        message: "cannot read function spec 'elu(alpha=1/0)': '1/0' is not a finite number or "
          + "constant arithmetic such as 1/2 or 2*pi"),
      ErrorCase(
        input: "softplus(beta=1-2)",
        message: "softplus: bad value '1-2' for beta; expected a finite number > 0"),
      ErrorCase(
        input: "gelu(approximate='tanh)",
        message:
          "cannot read function spec 'gelu(approximate='tanh)': the quote at ''tanh)' is not closed"
      ),
      ErrorCase(
        input: "gelu(approximate=\"\")",
        message: "cannot read function spec 'gelu(approximate=\"\")': empty quoted value"),
      ErrorCase(
        input: "gelu(approximate=\"tnah\")",
        message:
          "gelu: bad value 'tnah' for approximate; expected one of none, tanh (did you mean 'tanh'?)"
      ),
      ErrorCase(
        input: "hard_tanh(1, 2, 3)", message: "hard_tanh takes at most 2 parameters, got 3"),
      ErrorCase(input: "elu(alpha=1, alpha=2)", message: "elu: parameter 'alpha' is given twice"),
      ErrorCase(
        input: "hard_tanh(min_val=-2, 2)",
        message: "hard_tanh: a value without a name follows a named one; name it too (key=value)"),
      ErrorCase(
        input: "softplus(beta=0)",
        message: "softplus: bad value '0' for beta; expected a finite number > 0"),
      ErrorCase(
        input: "softshrink(lambda=-1)",
        message: "softshrink: bad value '-1' for lambda; expected a finite number >= 0"),
      ErrorCase(
        input: "gelu(approximate=tanhh)",
        message:
          "gelu: bad value 'tanhh' for approximate; expected one of none, tanh (did you mean 'tanh'?)"
      ),
      ErrorCase(
        input: "rrelu(training=yes)",
        message: "rrelu: bad value 'yes' for training; expected true or false"),
      ErrorCase(
        input: "elu(alpha=fast)",
        message: "elu: bad value 'fast' for alpha; expected a finite number"),
      ErrorCase(
        input: "maxout(weights=1)",
        message: "maxout: bad value '1' for weights; expected a list of finite numbers like [0,1]"),
      ErrorCase(
        input: "maxout(weights=[])",
        message: "maxout: bad value '[]' for weights; expected a list of finite numbers like [0,1]"),
      ErrorCase(
        input: "hard_tanh(min_val=1, max_val=-1)",
        message: "hard_tanh: min_val (1) must be less than max_val (-1)"),
      ErrorCase(
        input: "rrelu(lower=0.5, upper=0.1)", message: "rrelu: lower (0.5) must be <= upper (0.1)"),
      ErrorCase(
        input: "maxout(weights=[1,2], biases=[0])",
        message: "maxout: weights has 2 values but biases has 1; give one bias per weight"),
      ErrorCase(
        input: "elu(alpha=nan)", message: "elu: bad value 'nan' for alpha; expected a finite number"
      ),
      ErrorCase(
        input: "elu(alpha=1e999)",
        message:
          "cannot read function spec 'elu(alpha=1e999)': '1e999' is not a finite decimal number"),
      ErrorCase(
        input: "elu(alpha=0x1p3)",
        message:
          "cannot read function spec 'elu(alpha=0x1p3)': '0x1p3' is not a finite decimal number"),
      ErrorCase(
        input: "elu(alpha=0.5",
        message: "cannot read function spec 'elu(alpha=0.5': expected ',' or ')' at the end"),
      ErrorCase(
        input: "elu(alpha=0.5))",
        message: "cannot read function spec 'elu(alpha=0.5))': expected the end of the spec at ')'"),
      ErrorCase(
        input: "(x)", message: "cannot read function spec '(x)': a spec starts with a function name"
      ),
    ])
  func refusals(_ errorCase: ErrorCase) {
    #expect {
      _ = try Catalogue.bind(errorCase.input)
    } throws: { error in
      (error as? SpecError)?.description == errorCase.message
    }
    do {
      _ = try Catalogue.bind(errorCase.input)
    } catch {
      #expect(error.description == errorCase.message)
    }
  }

  @Test("every entry binds with its defaults and has formulas, a summary and unique names")
  func catalogueIsWellFormed() throws {
    var names: Set<String> = []
    for entry in Catalogue.entries {
      let function = try Catalogue.bind(entry.name)
      #expect(function.label == entry.name)
      #expect(!entry.formula.isEmpty && !entry.derivativeFormula.isEmpty && !entry.summary.isEmpty)
      for name in [entry.name] + entry.aliases {
        #expect(names.insert(normalizedName(name)).inserted, "\(name) is listed twice")
      }
    }
    let required = [
      "sigmoid", "hard_sigmoid", "tanh", "relu", "softplus", "leaky_relu", "prelu", "rrelu", "elu",
      "relu6",
      "silu", "swish", "hard_swish", "mish", "gelu", "maxout", "frelu", "acon_c", "meta_acon",
      "selu", "celu",
      "softsign", "log_sigmoid", "tanhshrink", "softshrink", "hardshrink", "hard_tanh", "threshold",
      "identity",
    ]
    for name in required { #expect(Catalogue.entry(named: name)?.name == name) }
  }

  @Test("decimal numbers are strict")
  func decimals() {
    #expect(parseDecimal("-1e-3") == -0.001)
    #expect(parseDecimal(".5") == 0.5)
    #expect(parseDecimal("5.") == 5)
    #expect(parseDecimal("+2") == 2)
    for bad in [
      "", "-", ".", "e5", "1e", "nan", "inf", "-inf", "0x10", "1,5", "1e999", "--1", " 1",
    ] {
      #expect(parseDecimal(bad) == nil, "\(bad) accepted")
    }
  }
}
