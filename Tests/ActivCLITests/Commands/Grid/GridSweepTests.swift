import Activations
import Testing

@testable import ActivCLI

@Suite("eval, grad, table: sweeps")
struct GridSweepTests {
  static let usage = "run 'activ help eval' for usage"

  @Test("eval with a sweep writes one column per value, labelled by its spec")
  func evalSweep() {
    expectOutput(
      ["eval", "swish(beta=0.5|1|2)", "-2", "2", "--points", "5"],
      """
      x,swish(beta=0.5),swish(beta=1),swish(beta=2)
      -2,-0.5378828427399902,-0.23840584404423512,-0.03597241992418312
      -1,-0.37754066879814546,-0.2689414213699951,-0.11920292202211756
      0,0,0,0
      1,0.6224593312018546,0.7310585786300049,0.8807970779778824
      2,1.4621171572600098,1.7615941559557649,1.964027580075817

      """)
  }

  @Test("eval --grad with a sweep: each value column followed by its _grad column")
  func evalSweepWithGradient() {
    expectOutput(
      ["eval", "swish(beta=0.5|2)", "-1", "1", "--points", "3", "--grad"],
      """
      x,swish(beta=0.5),swish(beta=0.5)_grad,swish(beta=2),swish(beta=2)_grad
      -1,-0.37754066879814546,0.2600388126973482,-0.11920292202211756,-0.09078424878489548
      0,0,0.5,0,0.5
      1,0.6224593312018546,0.7399611873026518,0.8807970779778824,1.0907842487848955

      """)
  }

  @Test("grad with a sweep writes one _grad column per value")
  func gradSweep() {
    expectOutput(
      ["grad", "swish(beta=0.5|2)", "-1", "1", "--points", "3"],
      """
      x,swish(beta=0.5)_grad,swish(beta=2)_grad
      -1,0.2600388126973482,-0.09078424878489548
      0,0.5,0.5
      1,0.7399611873026518,1.0907842487848955

      """)
  }

  @Test("table expands each SPEC word in place, sweeps and plain specs mixed")
  func tableSweeps() {
    expectOutput(
      [
        "table", "relu", "gelu(approximate=none|tanh)", "leaky_relu(0.01|0.1)", "-1", "1",
        "--points", "3",
      ],
      """
      x,relu,gelu(approximate=none),gelu(approximate=tanh),leaky_relu(negative_slope=0.01),leaky_relu(negative_slope=0.1)
      -1,0,-0.15865525393145705,-0.1588080093917233,-0.01,-0.1
      0,0,0,0,0,0
      1,1,0.8413447460685429,0.8411919906082767,1,1

      """)
  }

  @Test("several swept parameters: the product, p1 outer and beta inner; CSV quotes the commas")
  func productHeaders() {
    let output = expectSuccess([
      "eval", "acon_c(beta=0.5|1, p1=1|2)", "-1", "1", "--points", "3", "--grad",
    ])
    #expect(
      lines(output).first
        == """
        x,"acon_c(p1=1,beta=0.5)","acon_c(p1=1,beta=0.5)_grad","acon_c(p1=1,beta=1)",\
        "acon_c(p1=1,beta=1)_grad","acon_c(p1=2,beta=0.5)","acon_c(p1=2,beta=0.5)_grad",\
        "acon_c(p1=2,beta=1)","acon_c(p1=2,beta=1)_grad"
        """)
    #expect(lines(output).count == 4)
    let tsv = expectSuccess([
      "table", "acon_c(p1=1|2, beta=0.5|1)", "--points", "2", "--format", "tsv",
    ])
    #expect(
      lines(tsv).first
        == "x\tacon_c(p1=1,beta=0.5)\tacon_c(p1=1,beta=1)\tacon_c(p1=2,beta=0.5)\tacon_c(p1=2,beta=1)"
    )
  }

  @Test("lists and alternatives combine")
  func listSweep() {
    expectOutput(
      ["grad", "maxout(weights=[0,1]|[1,-1], biases=[0,0])", "-1", "1", "--points", "3"],
      """
      x,"maxout(weights=[0,1],biases=[0,0])_grad","maxout(weights=[1,-1],biases=[0,0])_grad"
      -1,0,-1
      0,0,1
      1,1,1

      """)
  }

  @Test("specs without a sweep print as before")
  func nonSweepUnchanged() {
    expectOutput(
      ["eval", "elu(alpha=0.5)", "-2", "2", "--grad", "--points", "5"],
      """
      x,elu(alpha=0.5),elu(alpha=0.5)_grad
      -2,-0.43233235838169365,0.06766764161830635
      -1,-0.31606027941427883,0.18393972058572117
      0,0,0.5
      1,1,1
      2,2,1

      """)
    expectOutput(
      ["table", "relu", "leaky_relu(0.2)", "-1", "1", "--points", "3"],
      "x,relu,leaky_relu(negative_slope=0.2)\n-1,0,-0.2\n0,0,0\n1,1,1\n")
  }

  @Test("help describes sweeps")
  func help() {
    for spec in [GridCommand.evalSpec, GridCommand.gradSpec, GridCommand.tableSpec] {
      let help = Help.command(spec)
      #expect(help.contains("swish(beta=0.5|1|2)"), "activ help \(spec.name)")
      #expect(help.contains("at most 64 per SPEC"), "activ help \(spec.name)")
    }
  }

  static let syntaxHint =
    "a spec looks like mish, elu(alpha=0.5) or leaky_relu(0.2); quote it in the shell"

  @Test(
    "bad sweeps are usage errors naming the bad alternative",
    arguments: [
      ErrorCase(
        arguments: ["eval", "swish(beta=0.5|x|2)"], code: .usage,
        message: "swish: bad value 'x' for beta; expected a finite number", hints: [usage]),
      ErrorCase(
        arguments: ["table", "relu", "gelu(approximate=none|tanhh)", "-1", "1"], code: .usage,
        message:
          "gelu: bad value 'tanhh' for approximate; expected one of none, tanh (did you mean 'tanh'?)",
        hints: ["run 'activ help table' for usage"]),
      ErrorCase(
        arguments: ["grad", "swish(beta=|1)"], code: .usage,
        message:
          "cannot read function spec 'swish(beta=|1)': empty alternative at '|1)'; separate a "
          + "sweep's values by single '|', like 0.5|1|2",
        hints: [syntaxHint]),
      ErrorCase(
        arguments: ["eval", "swish(beta=1|1.0)"], code: .usage,
        message:
          "swish: '1.0' for beta repeats the value 1 earlier in the sweep; give each value once",
        hints: [usage]),
      ErrorCase(
        arguments: ["eval", "hard_tanh(min_val=-1|2, max_val=1)"], code: .usage,
        message: "hard_tanh(min_val=2,max_val=1): min_val (2) must be less than max_val (1)",
        hints: [usage]),
      ErrorCase(
        arguments: ["eval", "acon_c(1|2|3|4|5, 5|6|7|8, 0.5|1|1.5|2)"], code: .usage,
        message:
          "'acon_c(1|2|3|4|5, 5|6|7|8, 0.5|1|1.5|2)' expands to 80 functions, more than the 64 one "
          + "spec may sweep; sweep fewer values",
        hints: [usage]),
      // eval and grad take one SPEC word, even when it is a sweep.
      ErrorCase(
        arguments: ["eval", "swish(beta=1|2)", "swish(beta=3)"], code: .usage,
        message:
          "eval takes one function; to compare several use: activ table 'swish(beta=1|2)' "
          + "'swish(beta=3)'", hints: [usage]),
      ErrorCase(
        arguments: ["grad", "relu", "swish(beta=1|2)", "-1", "1"], code: .usage,
        message:
          "grad takes one function; to compare several use: activ table relu 'swish(beta=1|2)' "
          + "-1 1 --grad",
        hints: ["run 'activ help grad' for usage"]),
      // apply takes one function (info lays a sweep out as --all does).
      ErrorCase(
        arguments: ["apply", "swish(beta=1|2)"], code: .usage,
        message:
          "'swish(beta=1|2)' is a sweep of 2 functions, but one function is needed here; give "
          + "each parameter a single value",
        hints: ["run 'activ help apply' for usage"]),
    ])
  func failures(_ failure: ErrorCase) {
    failure.check()
  }
}
