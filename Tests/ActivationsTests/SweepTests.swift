import Activations
import Testing

@Suite("Parameter sweeps")
struct SweepTests {
  /// The labels `bindAll` gives a spec.
  static func labels(_ spec: String) throws -> [String] {
    try Catalogue.bindAll(spec).map(\.label)
  }

  @Test("a sweep parses into alternatives, a plain value into one")
  func parsing() throws {
    let swish = try SpecSyntax.parse("swish( beta = 0.5 | 1 |2e0 )")
    #expect(swish.name == "swish")
    #expect(swish.arguments.count == 1)
    #expect(swish.arguments[0].key == "beta")
    #expect(swish.arguments[0].isSweep)
    #expect(
      swish.arguments[0].alternatives == [
        .number(0.5, text: "0.5"), .number(1, text: "1"), .number(2, text: "2e0"),
      ])

    let gelu = try SpecSyntax.parse("gelu(none|tanh)")
    #expect(gelu.arguments[0].key == nil)
    #expect(gelu.arguments[0].alternatives == [.word("none"), .word("tanh")])

    let maxout = try SpecSyntax.parse("maxout(weights=[0,1]|[1, -1], biases=[0,0])")
    #expect(
      maxout.arguments[0].alternatives == [
        .list([0, 1], text: "[0,1]"), .list([1, -1], text: "[1, -1]"),
      ])
    #expect(maxout.arguments[1].alternatives == [.list([0, 0], text: "[0,0]")])
    #expect(!maxout.arguments[1].isSweep)

    let elu = try SpecSyntax.parse("elu(alpha=0.5)")
    #expect(elu.arguments[0].alternatives == [.number(0.5, text: "0.5")])
    #expect(!elu.arguments[0].isSweep)
  }

  struct ExpansionCase: Sendable, CustomTestStringConvertible {
    var spec: String
    var labels: [String]
    var testDescription: String { spec }
  }

  @Test(
    "sweeps expand in declaration order of the parameters, values in the order written",
    arguments: [
      ExpansionCase(
        spec: "swish(beta=0.5|1|2)",
        labels: ["swish(beta=0.5)", "swish(beta=1)", "swish(beta=2)"]),
      ExpansionCase(spec: "swish(beta=2|0.5)", labels: ["swish(beta=2)", "swish(beta=0.5)"]),
      ExpansionCase(
        spec: "gelu(approximate=none|TANH)",
        labels: ["gelu(approximate=none)", "gelu(approximate=tanh)"]),
      ExpansionCase(
        spec: "leaky_relu(0.01|.1)",
        labels: ["leaky_relu(negative_slope=0.01)", "leaky_relu(negative_slope=0.1)"]),
      ExpansionCase(
        spec: "acon_c(p1=1|2, beta=0.5|1)",
        labels: [
          "acon_c(p1=1,beta=0.5)", "acon_c(p1=1,beta=1)", "acon_c(p1=2,beta=0.5)",
          "acon_c(p1=2,beta=1)",
        ]),
      // Written beta first: still p1 outer, beta inner, as the labels read.
      ExpansionCase(
        spec: "acon_c(beta=0.5|1, p1=1|2)",
        labels: [
          "acon_c(p1=1,beta=0.5)", "acon_c(p1=1,beta=1)", "acon_c(p1=2,beta=0.5)",
          "acon_c(p1=2,beta=1)",
        ]),
      ExpansionCase(
        spec: "acon(1|2, -1, 0.5|1e0)",
        labels: [
          "acon_c(p1=1,p2=-1,beta=0.5)", "acon_c(p1=1,p2=-1,beta=1)",
          "acon_c(p1=2,p2=-1,beta=0.5)", "acon_c(p1=2,p2=-1,beta=1)",
        ]),
      ExpansionCase(
        spec: "maxout(weights=[0,1]|[1,-1], biases=[0,0])",
        labels: ["maxout(weights=[0,1],biases=[0,0])", "maxout(weights=[1,-1],biases=[0,0])"]),
      ExpansionCase(
        spec: "softplus(threshold=none|20)",
        labels: ["softplus(threshold=none)", "softplus(threshold=20)"]),
      ExpansionCase(
        spec: "rrelu(training=false|true)",
        labels: ["rrelu(training=false)", "rrelu(training=true)"]),
      ExpansionCase(spec: "swish(beta=-0|0)", labels: ["swish(beta=-0)", "swish(beta=0)"]),
    ])
  func expansion(_ expansionCase: ExpansionCase) throws {
    #expect(try Self.labels(expansionCase.spec) == expansionCase.labels)
  }

  @Test("each member of a sweep is the function its label names")
  func membersMatchTheirLabels() throws {
    for spec in [
      "swish(beta=0.5|1|2)", "acon_c(beta=0.5|1, p1=1|2)",
      "maxout(weights=[0,1]|[1,-1]|[2,0.5], biases=[0,0])", "gelu(none|tanh)",
      "rrelu(training=true|false)",
    ] {
      let context = BindingContext(seed: 7)
      for member in try Catalogue.bindAll(spec, context: context) {
        let single = try Catalogue.bind(member.label, context: context)
        #expect(single.label == member.label)
        for x in [-3.5, -1, -0.25, 0, 0.3, 2] {
          #expect(
            member.value(x).bitPattern == single.value(x).bitPattern, "\(member.label) at \(x)")
          #expect(
            member.derivative(x).bitPattern == single.derivative(x).bitPattern,
            "\(member.label)' at \(x)")
        }
      }
    }
  }

  @Test("swept parameters and the short sweep label")
  func sweptParameters() throws {
    let acon = try Catalogue.bindAll("acon_c(beta=0.5|1, p2=0, p1=1|2)")
    #expect(acon.map(\.sweptParameters) == Array(repeating: ["p1", "beta"], count: 4))
    #expect(
      acon.map(\.sweepLabel) == ["p1=1,beta=0.5", "p1=1,beta=1", "p1=2,beta=0.5", "p1=2,beta=1"])
    #expect(acon[0].label == "acon_c(p1=1,p2=0,beta=0.5)")
    let swish = try Catalogue.bindAll("swish(beta=0.5|2)")
    #expect(swish.map(\.sweepLabel) == ["beta=0.5", "beta=2"])
    let elu = try Catalogue.bind("elu(alpha=0.5)")
    #expect(elu.sweptParameters.isEmpty)
    #expect(elu.sweepLabel == nil)
  }

  @Test("a spec without a sweep binds to the same single function through bindAll and bind")
  func nonSweepUnchanged() throws {
    let specs =
      Catalogue.entries.map(\.name) + [
        "Hard-Swish", " elu ( alpha = 0.5 ) ", "leaky_relu(0.2)", "rrelu(upper=0.3, lower=0.1)",
        "gelu(approximate=TANH)", "softplus(threshold=none)",
        "maxout(weights=[1, -1], biases=[0,0])",
        "elu()", "acon_c(p1=2, beta=3)",
      ]
    for spec in specs {
      let all = try Catalogue.bindAll(spec)
      let one = try Catalogue.bind(spec)
      try #require(all.count == 1, "\(spec)")
      #expect(all[0].label == one.label)
      #expect(all[0].sweptParameters.isEmpty && all[0].sweepLabel == nil)
      #expect(all[0].value(-0.7).bitPattern == one.value(-0.7).bitPattern, "\(spec)")
    }
    #expect(try Catalogue.bind("leaky_relu(0.2)").label == "leaky_relu(negative_slope=0.2)")
  }

  @Test("at most Catalogue.maximumSweep functions per spec")
  func cap() throws {
    #expect(Catalogue.maximumSweep == 64)
    let full = try Catalogue.bindAll("acon_c(1|2|3|4, 5|6|7|8, 0.5|1|1.5|2)")
    #expect(full.count == 64)
    #expect(full.first?.label == "acon_c(p1=1,p2=5,beta=0.5)")
    #expect(full.last?.label == "acon_c(p1=4,p2=8,beta=2)")
    #expect(Set(full.map(\.label)).count == 64)
    let tooMany = "acon_c(1|2|3|4|5, 5|6|7|8, 0.5|1|1.5|2)"
    #expect(throws: SpecError.sweepTooLarge(spec: tooMany, count: 80, maximum: 64)) {
      try Catalogue.bindAll(tooMany)
    }
    let message = SpecError.sweepTooLarge(spec: tooMany, count: 80, maximum: 64).description
    #expect(
      message
        == "'acon_c(1|2|3|4|5, 5|6|7|8, 0.5|1|1.5|2)' expands to 80 functions, more than the 64 "
        + "one spec may sweep; sweep fewer values")
  }

  /// Every refusal of a sweep, with its message pinned; each names the bad alternative.
  @Test(
    "bad sweeps are refused with a message naming the bad alternative",
    arguments: [
      ErrorCase(
        input: "swish(beta=0.5|x|2)",
        message: "swish: bad value 'x' for beta; expected a finite number"),
      ErrorCase(
        input: "softplus(beta=1|0)",
        message: "softplus: bad value '0' for beta; expected a finite number > 0"),
      ErrorCase(
        input: "gelu(approximate=none|tanhh)",
        message:
          "gelu: bad value 'tanhh' for approximate; expected one of none, tanh (did you mean 'tanh'?)"
      ),
      ErrorCase(
        input: "maxout(weights=[0,1]|2)",
        message: "maxout: bad value '2' for weights; expected a list of finite numbers like [0,1]"),
      ErrorCase(
        input: "swish(beta=0.5|1e999)",
        message:
          "cannot read function spec 'swish(beta=0.5|1e999)': '1e999' is not a finite decimal number"
      ),
      ErrorCase(
        input: "swish(beta=|1)",
        message:
          "cannot read function spec 'swish(beta=|1)': empty alternative at '|1)'; separate a "
          + "sweep's values by single '|', like 0.5|1|2"),
      ErrorCase(
        input: "swish(beta=1||2)",
        message:
          "cannot read function spec 'swish(beta=1||2)': empty alternative at '|2)'; separate a "
          + "sweep's values by single '|', like 0.5|1|2"),
      ErrorCase(
        input: "swish(beta=1|)",
        message:
          "cannot read function spec 'swish(beta=1|)': empty alternative at ')'; separate a "
          + "sweep's values by single '|', like 0.5|1|2"),
      ErrorCase(
        input: "acon_c(p1=1| , beta=2)",
        message:
          "cannot read function spec 'acon_c(p1=1| , beta=2)': empty alternative at ', beta=2)'; "
          + "separate a sweep's values by single '|', like 0.5|1|2"),
      ErrorCase(
        input: "swish(beta=1|",
        message:
          "cannot read function spec 'swish(beta=1|': empty alternative at the end; separate a "
          + "sweep's values by single '|', like 0.5|1|2"),
      ErrorCase(
        input: "leaky_relu(|0.1)",
        message:
          "cannot read function spec 'leaky_relu(|0.1)': empty alternative at '|0.1)'; separate a "
          + "sweep's values by single '|', like 0.5|1|2"),
      ErrorCase(
        input: "maxout(weights=[0|1])",
        message: "cannot read function spec 'maxout(weights=[0|1])': expected ',' or ']' at '|1])'"),
      ErrorCase(
        input: "swish|mish",
        message: "cannot read function spec 'swish|mish': expected the end of the spec at '|mish'"),
      ErrorCase(
        input: "swish(beta=1|1.0)",
        message:
          "swish: '1.0' for beta repeats the value 1 earlier in the sweep; give each value once"),
      ErrorCase(
        input: "gelu(tanh|none|TANH)",
        message:
          "gelu: 'TANH' for approximate repeats the value tanh earlier in the sweep; give each value once"
      ),
      ErrorCase(
        input: "swish(beta=1|2, beta=3)", message: "swish: parameter 'beta' is given twice"),
      ErrorCase(
        input: "relu(1|2)", message: "relu takes no parameters; write it as 'relu'"),
      ErrorCase(
        input: "hard_tanh(min_val=-1|2, max_val=1)",
        message: "hard_tanh(min_val=2,max_val=1): min_val (2) must be less than max_val (1)"),
      ErrorCase(
        input: "maxout(weights=[0,1]|[1,2,3], biases=[0,0])",
        message:
          "maxout(weights=[1,2,3],biases=[0,0]): weights has 3 values but biases has 2; give one "
          + "bias per weight"),
      ErrorCase(
        input: "rrelu(lower=0.1|0.5, upper=0.3)",
        message: "rrelu(lower=0.5,upper=0.3): lower (0.5) must be <= upper (0.3)"),
      // Without a sweep the message is the plain one, as before.
      ErrorCase(
        input: "hard_tanh(min_val=2, max_val=1)",
        message: "hard_tanh: min_val (2) must be less than max_val (1)"),
    ])
  func refusals(_ errorCase: ErrorCase) {
    do {
      let functions = try Catalogue.bindAll(errorCase.input)
      Issue.record("\(errorCase.input) accepted as \(functions.map(\.label))")
    } catch {
      #expect(error.description == errorCase.message)
    }
  }

  /// A sweep written as an inclusive range `START:END:STEP`, stepped in exact decimals.
  struct RangeCase: Sendable, CustomTestStringConvertible {
    var spec: String
    var labels: [String]
    var testDescription: String { spec }
  }

  @Test(
    "a range sweep expands to exact decimals, END included when a step lands on it",
    arguments: [
      RangeCase(
        spec: "swish(beta=0.5:2:0.5)",
        labels: ["swish(beta=0.5)", "swish(beta=1)", "swish(beta=1.5)", "swish(beta=2)"]),
      RangeCase(
        spec: "elu(alpha=0.1:0.6:0.1)",
        labels: (1...6).map { "elu(alpha=0.\($0))" }),
      RangeCase(
        spec: "elu(alpha=0:1:0.3)",
        labels: ["elu(alpha=0)", "elu(alpha=0.3)", "elu(alpha=0.6)", "elu(alpha=0.9)"]),
      RangeCase(spec: "elu(alpha=1:1:0.5)", labels: ["elu(alpha=1)"]),
      RangeCase(
        spec: "leaky_relu(-1:1:1)",
        labels: [
          "leaky_relu(negative_slope=-1)", "leaky_relu(negative_slope=0)",
          "leaky_relu(negative_slope=1)",
        ]),
      RangeCase(
        spec: "elu(alpha=1e-3:3e-3:1e-3)",
        labels: ["elu(alpha=0.001)", "elu(alpha=0.002)", "elu(alpha=0.003)"]),
      RangeCase(
        spec: "elu(alpha=5|0.1:0.2:0.1)",
        labels: ["elu(alpha=5)", "elu(alpha=0.1)", "elu(alpha=0.2)"]),
    ])
  func rangeSweeps(_ c: RangeCase) throws {
    #expect(try Self.labels(c.spec) == c.labels)
  }

  @Test("a 0.1 range does not drift: 0.1:6.4:0.1 gives the 64 decimals k/10 exactly")
  func rangeDoesNotDrift() throws {
    let values = try Catalogue.bindAll("elu(alpha=0.1:6.4:0.1)").map {
      $0.arguments.values["alpha"]!
    }
    #expect(values.count == 64)
    #expect(values == (1...64).map { ParameterValue.real(Double("\($0)e-1")!) })
  }

  @Test(
    "bad ranges are refused with what to fix",
    arguments: [
      ErrorCase(
        input: "swish(beta=2:1:0.5)",
        message: "the range '2:1:0.5' is empty: its start is above its end"),
      ErrorCase(input: "swish(beta=1:2:0)", message: "the step of the range '1:2:0' must be > 0"),
      ErrorCase(
        input: "swish(beta=1:2:-0.5)", message: "the step of the range '1:2:-0.5' must be > 0"),
      ErrorCase(
        input: "swish(beta=1:2)",
        message: "the range '1:2' needs a step: START:END:STEP, like 0.5:4:0.5"),
      ErrorCase(
        input: "swish(beta=1:2:x)",
        message: "'1:2:x' is not a range START:END:STEP of decimal numbers"),
      ErrorCase(
        input: "swish(beta=0:1:0.01)",
        message: "the range '0:1:0.01' has 101 values, more than the 64 one spec may sweep"),
    ])
  func badRanges(_ c: ErrorCase) {
    #expect {
      _ = try Catalogue.bindAll(c.input)
    } throws: { error in
      (error as? SpecError)?.description == "cannot read function spec '\(c.input)': \(c.message)"
    }
  }

  @Test("bind refuses a sweep; bindAll expands it")
  func bindRefusesSweeps() throws {
    do {
      let function = try Catalogue.bind("swish(beta=0.5|1|2)")
      Issue.record("bind accepted a sweep as \(function.label)")
    } catch {
      #expect(error == .sweepNotAccepted(spec: "swish(beta=0.5|1|2)", count: 3))
      #expect(
        error.description
          == "'swish(beta=0.5|1|2)' is a sweep of 3 functions, but one function is needed here; "
          + "give each parameter a single value")
    }
    // A bad alternative is reported as such, even by bind.
    #expect(
      throws: SpecError.badValue(
        function: "swish", parameter: "beta", given: "x", expected: "a finite number")
    ) {
      try Catalogue.bind("swish(beta=1|x)")
    }
    #expect(try Catalogue.bindAll("swish(beta=0.5|1|2)").count == 3)
  }
}
