import Activations
import Testing

@testable import ActivCLI

/// `hundredths`/100 as the shortest decimal: -295 is "-2.95", -290 is "-2.9", 300 is "3".
private func decimal(hundredths: Int) -> String {
  let sign = hundredths < 0 ? "-" : ""
  let magnitude = abs(hundredths)
  let fraction = magnitude % 100
  guard fraction != 0 else { return sign + String(magnitude / 100) }
  var digits = fraction < 10 ? "0" + String(fraction) : String(fraction)
  if digits.hasSuffix("0") { digits.removeLast() }
  return sign + String(magnitude / 100) + "." + digits
}

/// eval, grad and table: the grid, the columns and the options the three share.
@Suite("eval, grad, table")
struct GridCommandTests {
  @Test("eval on three points")
  func evalThreePoints() {
    expectOutput(["eval", "relu", "-1", "1", "--points", "3"], "x,relu\n-1,0\n0,0\n1,1\n")
  }

  @Test("eval mish -3 3: 121 rows on the round grid -3, -2.95, …, 3, values shortest round-trip")
  func evalDefaultGrid() throws {
    let output = expectSuccess(["eval", "mish", "-3", "3"])
    let rows = csvRows(output)
    try #require(rows.count == 122)
    #expect(rows[0] == ["x", "mish"])
    let mish = try Catalogue.bind("mish")
    for (i, row) in rows.dropFirst().enumerated() {
      try #require(row.count == 2)
      #expect(row[0] == decimal(hundredths: -300 + 5 * i)[...], "row \(i + 1)")
      let fraction = row[0].split(separator: ".").dropFirst().first ?? ""
      #expect(fraction.count <= 2, "x '\(row[0])' has more than two decimals")
      let x = try #require(Double(String(row[0])))
      #expect(row[1] == shortestDecimal(mish.value(x))[...], "row \(i + 1)")
    }
  }

  @Test("the default range is -5 5")
  func defaultRange() {
    let rows = csvRows(expectSuccess(["eval", "relu"]))
    #expect(rows.count == 102)
    #expect(rows.dropFirst().first == ["-5", "0"])
    #expect(rows.last == ["5", "5"])
    #expect(rows.contains(["-4.9", "0"]))
  }

  @Test("--grad adds the derivative column")
  func evalGrad() {
    expectOutput(
      ["eval", "relu", "-1", "1", "--points", "3", "--grad"],
      "x,relu,relu_grad\n-1,0,0\n0,0,0\n1,1,1\n")
  }

  @Test("grad prints only the derivative")
  func grad() {
    expectOutput(["grad", "relu", "-1", "1", "--points", "3"], "x,relu_grad\n-1,0\n0,0\n1,1\n")
  }

  @Test("table: value and derivative columns per function, in order")
  func table() throws {
    let output = expectSuccess(["table", "relu", "sigmoid", "-1", "1", "--points", "3", "--grad"])
    let rows = csvRows(output)
    #expect(rows.first == ["x", "relu", "relu_grad", "sigmoid", "sigmoid_grad"])
    #expect(rows.count == 4)
    let sigmoid = try Catalogue.bind("sigmoid")
    #expect(rows[2] == ["0", "0", "0", "0.5", "0.25"])
    #expect(rows[3][3] == shortestDecimal(sigmoid.value(1))[...])
    #expect(rows[3][4] == shortestDecimal(sigmoid.derivative(1))[...])
  }

  @Test("table without a range uses -5 5; without --grad only values")
  func tableDefaults() {
    let rows = csvRows(expectSuccess(["table", "relu", "tanh", "--points", "2"]))
    #expect(
      rows == [
        ["x", "relu", "tanh"], ["-5", "0", "-0.9999092042625951"],
        ["5", "5", "0.9999092042625951"],
      ])
  }

  @Test("--step: MIN, MIN+H, … with exact short decimals and MAX included")
  func step() {
    expectOutput(
      ["eval", "relu", "-1", "1", "--step", "0.5"], "x,relu\n-1,0\n-0.5,0\n0,0\n0.5,0.5\n1,1\n")
    let xs = csvRows(expectSuccess(["eval", "relu", "-1", "1", "--step", "0.1"])).dropFirst().map {
      $0[0]
    }
    #expect(xs == (-10...10).map { decimal(hundredths: 10 * $0)[...] })
  }

  @Test("--step that does not divide the range stops at the last point <= MAX")
  func stepNotDividing() {
    expectOutput(["eval", "relu", "0", "1", "--step", "0.4"], "x,relu\n0,0\n0.4,0.4\n0.8,0.8\n")
  }

  @Test("--points: evenly spaced, both ends included")
  func points() {
    expectOutput(
      ["eval", "relu", "0", "1", "--points", "4"],
      "x,relu\n0,0\n0.3333333333333333,0.3333333333333333\n"
        + "0.6666666666666666,0.6666666666666666\n1,1\n")
    let xs = csvRows(expectSuccess(["eval", "relu", "-3", "3", "--points", "121"])).dropFirst().map
    { $0[0] }
    #expect(xs == (0...120).map { decimal(hundredths: -300 + 5 * $0)[...] })
  }

  @Test("--no-header leaves out the header")
  func noHeader() {
    expectOutput(["eval", "relu", "-1", "1", "--points", "3", "--no-header"], "-1,0\n0,0\n1,1\n")
  }

  @Test("--format tsv")
  func tsv() {
    expectOutput(
      ["eval", "relu", "-1", "1", "--points", "3", "--format", "tsv", "--grad"],
      "x\trelu\trelu_grad\n-1\t0\t0\n0\t0\t0\n1\t1\t1\n")
  }

  @Test("--format table right-aligns numeric columns, header included")
  func tableFormat() {
    expectOutput(
      ["eval", "relu", "-1", "1", "--points", "3", "--format", "table"],
      " x  relu\n-1     0\n 0     0\n 1     1\n")
    expectOutput(
      ["eval", "sigmoid", "-10", "10", "--points", "2", "--format=table", "--precision=3"],
      "  x   sigmoid\n-10  4.54e-05\n 10         1\n")
  }

  @Test("--format is case-insensitive")
  func formatCase() {
    expectOutput(
      ["eval", "relu", "-1", "1", "--points", "2", "--format", "TSV"], "x\trelu\n-1\t0\n1\t1\n")
  }

  @Test("--precision gives significant digits")
  func precision() {
    expectOutput(
      ["eval", "sigmoid", "-1", "1", "--points", "3", "--precision", "3"],
      "x,sigmoid\n-1,0.269\n0,0.5\n1,0.731\n")
    expectOutput(
      ["eval", "sigmoid", "-1", "1", "--points", "2", "--precision", "1", "--no-header"],
      "-1,0.3\n1,0.7\n")
  }

  @Test("CSV quotes a label with a comma (RFC 4180); TSV does not")
  func quoting() {
    expectOutput(
      ["eval", "rrelu(lower=0.1,upper=0.3)", "-1", "1", "--points", "2"],
      "x,\"rrelu(lower=0.1,upper=0.3)\"\n-1,-0.2\n1,1\n")
    expectOutput(
      ["eval", "rrelu(lower=0.1,upper=0.3)", "-1", "1", "--points", "2", "--format", "tsv"],
      "x\trrelu(lower=0.1,upper=0.3)\n-1\t-0.2\n1\t1\n")
    expectOutput(
      ["grad", "maxout(weights=[0,1],biases=[0,0])", "-1", "1", "--points", "2"],
      "x,\"maxout(weights=[0,1],biases=[0,0])_grad\"\n-1,0\n1,1\n")
  }

  @Test("names ignore case, '_' and '-'; labels are canonical")
  func nameLookup() {
    expectOutput(["eval", "Hard-Swish", "-3", "3", "--points", "2"], "x,hard_swish\n-3,0\n3,3\n")
    expectOutput(["eval", "H_SWISH", "-3", "3", "--points", "2", "--no-header"], "-3,0\n3,3\n")
    let rows = csvRows(expectSuccess(["eval", "ELU(Alpha=0.50)", "-1", "1", "--points", "2"]))
    #expect(rows.first == ["x", "elu(alpha=0.5)"])
  }

  @Test("--seed makes rrelu's training slopes reproducible, and f = slope·x with f' = slope")
  func seed() throws {
    let arguments = [
      "eval", "rrelu(training=true)", "-1", "-0.5", "--points", "3", "--grad", "--no-header",
    ]
    let first = expectSuccess(arguments + ["--seed", "7"])
    #expect(expectSuccess(arguments + ["--seed", "7"]) == first)
    #expect(expectSuccess(arguments + ["--seed", "8"]) != first)
    #expect(expectSuccess(arguments) == expectSuccess(arguments + ["--seed", "0"]))
    for row in csvRows(first) {
      let (x, f, slope) = (
        Double(String(row[0]))!, Double(String(row[1]))!, Double(String(row[2]))!
      )
      #expect(f == slope * x)
      #expect(slope >= 0.125 && slope <= 1.0 / 3)
    }
  }

  /// Regression (`Grid.automatic`): far from zero relative to its width, the default grid once
  /// fell back silently to just MIN and MAX instead of about 100 intervals.
  @Test("the default grid has about 100 intervals even far from zero")
  func defaultGridFarFromZero() {
    let rows = csvRows(expectSuccess(["eval", "relu", "1000000", "1000000.0001"]))
    #expect(rows.count >= 52, "got only \(rows.count - 1) points")
    #expect(rows.dropFirst().first?.first == "1000000")
    #expect(rows.last?.first == "1000000.0001")
  }
}

@Suite("eval, grad, table: errors")
struct GridErrorTests {
  static let usage = "run 'activ help eval' for usage"

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      arguments: ["eval", "relu", "--grd"], code: .usage,
      message: "unknown option '--grd' for 'eval' (did you mean '--grad'?)", hints: [usage]),
    ErrorCase(
      arguments: ["eval", "mihs"], code: .usage,
      message: "unknown function 'mihs' (did you mean 'mish'?)",
      hints: ["run 'activ list' for the catalogue"]),
    ErrorCase(
      arguments: ["eval", "qwertyuiop"], code: .usage, message: "unknown function 'qwertyuiop'"),
    ErrorCase(
      arguments: ["table", "relu", "gleu", "-1", "1"], code: .usage,
      message: "unknown function 'gleu' (did you mean 'gelu'?)"),
    ErrorCase(
      arguments: ["eval", "elu(alpah=1)"], code: .usage,
      message: "elu has no parameter 'alpah' (did you mean 'alpha'?); its parameters are alpha"),
    ErrorCase(
      arguments: ["eval", "softplus(beta=0)"], code: .usage,
      message: "softplus: bad value '0' for beta; expected a finite number > 0", hints: [usage]),
    ErrorCase(
      arguments: ["eval", "gelu(approximate=tahn)"], code: .usage,
      message: "gelu: bad value 'tahn' for approximate; "
        + "expected one of none, tanh (did you mean 'tanh'?)"),
    ErrorCase(
      arguments: ["eval", "relu(1)"], code: .usage,
      message: "relu takes no parameters; write it as 'relu'"),
    ErrorCase(
      arguments: ["eval", "hard_tanh(min_val=1,min_val=2)"], code: .usage,
      message: "hard_tanh: parameter 'min_val' is given twice"),
    ErrorCase(
      arguments: ["eval", "hard_tanh(min_val=1,max_val=-1)"], code: .usage,
      message: "hard_tanh: min_val (1) must be less than max_val (-1)"),
    ErrorCase(
      arguments: ["eval", "rrelu(lower=0.5,upper=0.1)"], code: .usage,
      message: "rrelu: lower (0.5) must be <= upper (0.1)"),
    ErrorCase(
      arguments: ["eval", "elu(alpha=0.5"], code: .usage,
      message: "cannot read function spec 'elu(alpha=0.5': expected ',' or ')' at the end",
      hints: ["a spec looks like mish, elu(alpha=0.5) or leaky_relu(0.2); quote it in the shell"]),
    ErrorCase(
      arguments: ["eval", ""], code: .usage,
      message: "empty function spec; name a function such as 'mish' or 'elu(alpha=0.5)'"),
    ErrorCase(
      arguments: ["eval", "relu", "1", "1"], code: .usage,
      message: "MIN (1) must be less than MAX (1)",
      hints: [usage]),
    ErrorCase(
      arguments: ["eval", "relu", "2", "-1"], code: .usage,
      message: "MIN (2) must be less than MAX (-1)"),
    ErrorCase(
      arguments: ["table", "relu", "tanh", "0.5", ".5"], code: .usage,
      message: "MIN (0.5) must be less than MAX (.5)"),
    ErrorCase(
      arguments: ["eval", "relu", "nan", "1"], code: .usage,
      message: "MIN 'nan' is not a finite decimal number (like -3, 0.5 or 1e-3)"),
    ErrorCase(
      arguments: ["eval", "relu", "-1", "inf"], code: .usage,
      message: "MAX 'inf' is not a finite decimal number (like -3, 0.5 or 1e-3)"),
    ErrorCase(
      arguments: ["eval", "relu", "-inf", "1"], code: .usage,
      message: "MIN '-inf' is not a finite decimal number (like -3, 0.5 or 1e-3)"),
    ErrorCase(
      arguments: ["eval", "relu", "-1", "1e999"], code: .usage,
      message: "MAX '1e999' is not a finite decimal number (like -3, 0.5 or 1e-3)"),
    ErrorCase(
      arguments: ["eval", "relu", "0x10", "20"], code: .usage,
      message: "MIN '0x10' is not a finite decimal number (like -3, 0.5 or 1e-3)"),
    ErrorCase(
      arguments: ["eval", "relu", "--points", "3", "--step", "1"], code: .usage,
      message: "options '--points' and '--step' cannot be used together; choose one", hints: [usage]
    ),
    ErrorCase(
      arguments: ["eval", "relu", "--input", "xs.txt", "--step", "1"], code: .usage,
      message: "options '--input' and '--step' cannot be used together; choose one"),
    ErrorCase(
      arguments: ["eval", "relu", "--input", "xs.txt", "-1", "1"], code: .usage,
      message: "options '--input' and 'MIN MAX' cannot be used together; choose one"),
    ErrorCase(
      arguments: ["eval", "relu", "-1", "1", "--step", "1e-12"], code: .usage,
      message: "2000000000001 points is more than activ writes (at most 1000000000); "
        + "use a larger --step or fewer --points"),
    ErrorCase(
      arguments: ["eval"], code: .usage, message: "'eval' needs a function SPEC", hints: [usage]),
    ErrorCase(
      arguments: ["eval", "relu", "1"], code: .usage,
      message: "'eval' needs both MIN and MAX (got only '1')"),
    ErrorCase(
      arguments: ["eval", "relu", "sigmoid"], code: .usage,
      message: "eval takes one function; to compare several use: activ table relu sigmoid"),
    ErrorCase(
      arguments: ["grad", "-1", "1"], code: .usage, message: "'grad' needs a function SPEC"),
    ErrorCase(
      arguments: ["eval", "relu", "--format", "xml"], code: .usage,
      message: "bad value 'xml' for --format; expected one of csv, tsv, table, json"),
    ErrorCase(
      arguments: ["eval", "relu", "--points", "0"], code: .usage,
      message: "bad value '0' for --points; expected a whole number from 2 to 1000000000"),
  ]

  @Test("fails with status, message and hints; nothing on stdout", arguments: errorCases)
  func fails(_ testCase: ErrorCase) {
    testCase.check()
  }
}
