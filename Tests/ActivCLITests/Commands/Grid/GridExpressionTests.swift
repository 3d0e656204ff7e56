import Testing

@testable import ActivCLI

@Suite("eval, grad, table: expressions and second derivatives")
struct GridExpressionTests {
  @Test("an expression evaluates with its text as the column name, quoted where it has a comma")
  func evaluatesExpressions() {
    expectOutput(
      ["eval", "x^2", "-1", "1", "--points", "3", "--grad", "--grad2"],
      "x,x^2,x^2_grad,x^2_grad2\n-1,1,-2,2\n0,0,0,2\n1,1,2,2\n")
    expectOutput(
      ["table", "max(x, 0.01*x)", "leaky_relu", "-1", "1", "--points", "3"],
      "x,\"max(x, 0.01*x)\",leaky_relu\n-1,-0.01,-0.01\n0,0,0\n1,1,1\n")
  }

  struct CommandCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var output: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  /// A negative base to an integer power is that power (nan only at non-integer
  /// exponents), with nan derivatives through the exponent; `**` and the new functions.
  static let languageCases: [CommandCase] = [
    CommandCase(
      arguments: ["eval", "(-2)^x", "-1", "1", "--points", "3", "--grad"],
      output: "x,(-2)^x,(-2)^x_grad\n-1,-0.5,nan\n0,1,nan\n1,-2,nan\n"),
    CommandCase(
      arguments: ["eval", "x^x", "-1.5", "-0.5", "--points", "3"],
      output: "x,x^x\n-1.5,nan\n-1,-1\n-0.5,nan\n"),
    CommandCase(
      arguments: ["table", "x**2", "log2(x)", "atanh(x)", "-1", "1", "--points", "3"],
      output: "x,x**2,log2(x),atanh(x)\n-1,1,nan,-inf\n0,0,-inf,0\n1,1,0,inf\n"),
    CommandCase(
      arguments: ["eval", "hypot(x, 1)", "0", "1", "--points", "2", "--grad", "--grad2"],
      output:
        "x,\"hypot(x, 1)\",\"hypot(x, 1)_grad\",\"hypot(x, 1)_grad2\"\n0,1,0,1\n"
        + "1,1.4142135623730951,0.7071067811865475,0.3535533905932737\n"),
  ]

  @Test(
    "powers of negative bases, ** and the new functions at the command line",
    arguments: languageCases)
  func language(_ testCase: CommandCase) {
    expectOutput(testCase.arguments, testCase.output)
  }

  @Test("--name names the column; one --name per function")
  func names() {
    expectOutput(
      ["eval", "elu(x, alpha=0.5)", "-1", "0", "--points", "2", "--name", "e"],
      "x,e\n-1,-0.31606027941427883\n0,0\n")
    expectFailure(
      ["table", "relu", "gelu", "--name", "n"], .usage,
      "--name is given 1 time for 2 functions (relu, gelu); give one --name per function, in order")
  }

  /// One `table` run naming every column (`--name` used to take a single function).
  struct NamesCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var header: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  @Test(
    arguments: [
      NamesCase(arguments: ["relu", "gelu", "--name", "r", "--name", "g"], header: "x,r,g"),
      NamesCase(
        arguments: ["relu", "x^2", "--grad", "--name", "a b", "--name", "sq"],
        header: "x,a b,a b_grad,sq,sq_grad"),
      // A sweep's members count one each, in the order of their columns.
      NamesCase(
        arguments: ["swish(beta=1|2)", "relu", "--name", "s1", "--name", "s2", "--name", "r"],
        header: "x,s1,s2,r"),
      NamesCase(
        arguments: ["elu(alpha=0.5:1:0.5)", "--name", "half", "--name", "one"],
        header: "x,half,one"),
      // A name with a comma is quoted in CSV, as any column name.
      NamesCase(
        arguments: ["relu", "mish", "--name", "a,b", "--name", "m"], header: "x,\"a,b\",m"),
    ])
  func namesEveryColumn(_ c: NamesCase) {
    let out = expectSuccess(["table"] + c.arguments + ["-1", "1", "--points", "2"])
    #expect(out.split(separator: "\n").first.map(String.init) == c.header)
  }

  @Test(
    arguments: [
      ErrorCase(
        arguments: ["table", "relu", "gelu", "mish", "--name", "a", "--name", "b"], code: .usage,
        message:
          "--name is given 2 times for 3 functions (relu, gelu, mish); give one --name per "
          + "function, in order"),
      ErrorCase(
        arguments: ["eval", "relu", "--name", "a", "--name", "b"], code: .usage,
        message:
          "--name is given 2 times for 1 function (relu); give one --name per function, in order"),
      ErrorCase(
        arguments: ["plot", "swish(beta=1|2)", "--name", "a", "--ascii"], code: .usage,
        message:
          "--name is given 1 time for 2 functions (swish(beta=1), swish(beta=2)); give one --name "
          + "per function, in order"),
      ErrorCase(
        arguments: ["table", "relu", "gelu", "--name", "a", "--name", "a", "--format", "json"],
        code: .usage,
        message:
          "column 'a' appears twice, but --format json needs unique keys; give each function once "
          + "(--name, once per function, renames them)"),
    ])
  func nameCountErrors(_ c: ErrorCase) {
    c.check()
  }

  @Test("plot's legend takes one --name per curve")
  func plotLegendNames() {
    let svg = expectSuccess([
      "plot", "relu", "gelu", "--name", "first", "--name", "second", "--svg", "-",
    ])
    #expect(svg.contains(">first<") && svg.contains(">second<"))
    #expect(!svg.contains(">relu<") && !svg.contains(">gelu<"))
  }

  @Test("grad --order 2 prints only f″, --grad2 adds it")
  func secondDerivatives() {
    expectOutput(
      ["grad", "x^3", "-1", "1", "--points", "3", "--order", "2"], "x,x^3_grad2\n-1,-6\n0,0\n1,6\n")
    expectOutput(
      ["grad", "relu2", "-1", "1", "--points", "3", "--grad2"],
      "x,relu2_grad,relu2_grad2\n-1,0,0\n0,0,0\n1,2,2\n")
    expectOutput(
      ["eval", "identity", "0", "1", "--points", "2", "--grad2"],
      "x,identity,identity_grad2\n0,0,0\n1,1,0\n")
  }

  @Test("domain errors give NaN, not a failure")
  func domainErrors() {
    expectOutput(["eval", "log(x)", "-1", "1", "--points", "3"], "x,log(x)\n-1,nan\n0,-inf\n1,0\n")
    expectOutput(["eval", "sqrt(-x)", "0", "1", "--points", "2"], "x,sqrt(-x)\n0,-0\n1,nan\n")
  }

  @Test("a broken expression is a usage error with a caret under the place")
  func caretErrors() {
    let run = expectFailure(["eval", "x*(1+"], .usage, "expected an expression after '+'")
    #expect(lines(run.stderr).dropFirst().map(String.init) == ["  x*(1+", "       ^"])
    let unknown = expectFailure(
      ["plot", "sigmod(x)"], .usage,
      "unknown name 'sigmod' in the expression (did you mean 'sigmoid'?)")
    #expect(lines(unknown.stderr).dropFirst().map(String.init) == ["  sigmod(x)", "  ^"])
    expectFailure(["eval", "y+1"], .usage, "unknown name 'y' in the expression; the variable is x")
  }

  @Test("catalogue specs keep their meaning and their messages")
  func specsStaySpecs() {
    expectOutput(
      ["eval", "elu(alpha=0.5)", "-1", "0", "--points", "2"],
      "x,elu(alpha=0.5)\n-1,-0.31606027941427883\n0,0\n")
    expectFailure(["eval", "mihs"], .usage, "unknown function 'mihs' (did you mean 'mish'?)")
    expectFailure(
      ["eval", "elu(alpha=0.5"], .usage,
      "cannot read function spec 'elu(alpha=0.5': expected ',' or ')' at the end")
  }
}
