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

@Suite("Command output")
struct CommandOutputTests {
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

  @Test("--input - reads standard input")
  func standardInput() {
    expectOutput(
      ["eval", "relu", "--input", "-"], "x,relu\n-2,0\n0.5,0.5\n", stdin: Array("-2\n0.5\n".utf8))
    expectOutput(["eval", "relu", "--input", "-"], "x,relu\n", stdin: [])
  }

  @Test("-o - is standard output")
  func outputDash() {
    expectOutput(
      ["eval", "relu", "-1", "1", "--points", "3", "-o", "-"], "x,relu\n-1,0\n0,0\n1,1\n")
  }

  @Test("list shows every catalogue entry")
  func list() {
    let table = expectSuccess(["list"])
    #expect(table.hasPrefix("name"))
    let rows = csvRows(expectSuccess(["list", "--format", "csv", "--no-header"]))
    #expect(rows.map { String($0[0]) } == Catalogue.entries.map(\.name))
    for entry in Catalogue.entries {
      #expect(table.contains(entry.name), "\(entry.name) missing from activ list")
    }
    #expect(
      csvRows(expectSuccess(["list", "--format", "csv"])).first == [
        "name", "aliases", "parameters", "description",
      ])
  }

  @Test("info relu names the kink and f'(0) = 0")
  func infoRelu() {
    let output = expectSuccess(["info", "relu"])
    let kinks = lines(output).filter { $0.hasPrefix("kink") }
    #expect(kinks.count == 1)
    #expect(kinks.first?.contains("x = 0: f'(0) = 0, the derivative from the left") == true)
    #expect(output.contains("f'(0) = 0"))
    #expect(lines(output).first == "name                  relu")
    #expect(
      lines(output).allSatisfy { !$0.hasSuffix(" ") }, "left-aligned table has no trailing spaces")
  }

  @Test("info shows given parameters against their defaults, and the remark")
  func infoParameters() {
    let rows = lines(expectSuccess(["info", "elu(alpha=0.5)"]))
    #expect(rows.contains("spec                  elu(alpha=0.5)"))
    #expect(
      rows.contains(
        "parameter             alpha = 0.5 (default 1): the negative saturation value is -alpha"))
    #expect(rows.contains("range                 (-0.5, inf)"))
    #expect(expectSuccess(["info", "mish"]).contains("remark"))
  }

  @Test("info measures the properties: mish's minimum, ranges, continuity, f'(0) at a kink")
  func infoProperties() {
    let mish = lines(expectSuccess(["info", "mish"]))
    #expect(mish.contains("minimum               f(-1.1924312145155) = -0.30884341301725"))
    #expect(mish.contains("monotonic             no"))
    #expect(
      mish.contains("continuity            Cinf (declared, checked against numeric evidence)"))
    #expect(lines(expectSuccess(["info", "sigmoid"])).contains("range                 (0, 1)"))
    #expect(lines(expectSuccess(["info", "relu6"])).contains("range                 [0, 6]"))
    let selu = lines(expectSuccess(["info", "selu"]))
    #expect(
      selu.contains(
        "derivative_at_0       1.7580993408473768 (from the left 1.7580993408473768, from the right 1.0507009873554805)"
      ))
    let expression = expectSuccess(["info", "x*sigmoid(x)"])
    #expect(
      expression.contains("method                every property above is computed numerically"))
    #expect(expression.contains("continuity            C2+ (numeric)"))
  }

  @Test(
    "info --format json has exactly the documented keys, numbers as numbers, null for unbounded")
  func infoJSON() {
    let json = expectSuccess(["info", "relu", "--format", "json"])
    let expected =
      "{\"name\": \"relu\", \"formula\": \"f(x) = max(0, x)\", "
      + "\"derivative\": \"f'(x) = 1 for x > 0, else 0   (f'(0) = 0)\", \"parameters\": [], "
      + "\"range\": {\"infimum\": 0, \"supremum\": null, \"infimum_attained\": true, \"supremum_attained\": false}, "
      + "\"minimum\": {\"x\": 0, \"value\": 0}, \"maximum\": null, \"monotonic\": true, \"zero_centered\": false, "
      + "\"identity_near_origin\": false, \"continuity\": \"C0\", \"bounded_below\": true, \"bounded_above\": false, "
      + "\"saturation\": [[null, 0]], \"dead\": [[null, 0]]}\n"
    #expect(json == expected)
    let elu = expectSuccess(["info", "elu(alpha=0.5)", "--format", "json"])
    #expect(elu.contains("\"parameters\": [{\"name\": \"alpha\", \"value\": 0.5}]"))
  }

  @Test("info --all: one row per catalogue function in table, csv, markdown and json")
  func infoAll() {
    let table = lines(expectSuccess(["info", "--all"]))
    #expect(table.count == Catalogue.entries.count + 1)
    #expect(table[0].hasPrefix("name          range"))
    let csv = lines(expectSuccess(["info", "--all", "--format", "csv"]))
    #expect(
      csv[0]
        == "name,range,minimum,monotonic,zero_centered,identity_near_origin,continuity,f'(0),saturation,dead"
    )
    #expect(csv.contains { $0.hasPrefix("relu6,\"[0, 6]\",0,yes,no,no,C0,") })
    let markdown = lines(expectSuccess(["info", "--all", "--format", "markdown"]))
    #expect(markdown[1] == "|" + String(repeating: " --- |", count: 10))
    #expect(
      markdown.contains { $0.hasPrefix("| `tanh` | (-1, 1) | none | yes | yes | yes | Cinf | 1 |") }
    )
    let json = expectSuccess(["info", "--all", "--format", "json"])
    #expect(json.hasPrefix("[\n  {\"name\": \"sigmoid\"") && json.hasSuffix("}\n]\n"))
    expectFailure(
      ["info", "--all", "--format", "text"], .usage,
      "bad value 'text' for --format; expected table, csv, markdown or json with --all")
  }

  @Test("--version")
  func version() {
    expectOutput(["--version"], "activ \(Activ.version)\n")
    #expect(Activ.version == "0.1.0")
  }

  @Test("bare activ, -h and --help print the overview")
  func mainHelp() {
    let help = Help.main()
    #expect(help.hasPrefix("OVERVIEW: activ \(Activ.version)"))
    expectOutput([], help)
    expectOutput(["-h"], help)
    expectOutput(["--help"], help)
    expectOutput(["help"], help)
    for command in Commands.all {
      #expect(
        help.contains("  " + command.spec.name + " "), "\(command.spec.name) missing from help")
    }
  }

  @Test("help COMMAND and COMMAND --help print the command's help")
  func commandHelp() {
    let help = Help.command(GridCommand.evalSpec)
    #expect(help.contains("USAGE: activ eval SPEC [MIN MAX] [OPTIONS]"))
    #expect(help.contains("--format csv|tsv|table|json"))
    expectOutput(["help", "eval"], help)
    expectOutput(["eval", "--help"], help)
    expectOutput(["eval", "-h"], help)
    for command in Commands.all {
      expectOutput(["help", command.spec.name], Help.command(command.spec))
    }
  }

  @Test("-h wins over every other error: help on stdout, exit 0, nothing on stderr")
  func helpWins() {
    let help = Help.command(GridCommand.evalSpec)
    expectOutput(["eval", "nosuchfn", "--bogus", "-h"], help)
    expectOutput(["eval", "relu", "--points", "0", "--help"], help)
    expectOutput(["eval", "relu", "1", "-1", "--step", "1", "--points", "3", "-h"], help)
    expectOutput(["table", "-h"], Help.command(GridCommand.tableSpec))
  }

  /// Regression: `activ help help` once said "unknown command 'help' (did you mean 'help'?)"
  /// and exited 64.
  @Test("help help prints the overview")
  func helpHelp() {
    expectOutput(["help", "help"], Help.main())
  }

  /// Regression: `activ help -h` and `activ help --help` once failed with "unknown option '-h'
  /// for 'activ'" (64), though -h always wins.
  @Test("help -h prints the overview")
  func helpDashH() {
    expectOutput(["help", "-h"], Help.main())
    expectOutput(["help", "--help"], Help.main())
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

@Suite("info --latex")
struct InfoLaTeXTests {
  @Test("--latex adds the LaTeX formulas and symbols; JSON carries them in formula and derivative")
  func latex() {
    let text = lines(expectSuccess(["info", "elu", "--latex"]))
    #expect(
      text.contains(
        #"formula_latex         f(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}"#
      ))
    #expect(text.contains(#"symbol                alpha = \alpha"#))
    let json = expectSuccess(["info", "relu", "--latex", "--format", "json"])
    #expect(json.hasPrefix(#"{"name": "relu", "formula": "f(x) = \\max(0, x)""#))
    #expect(
      expectSuccess(["info", "x^2", "--latex"]).contains(
        "LaTeX is written for catalogue functions only"))
  }
}
