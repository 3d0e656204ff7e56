import Activations
import Foundation
import Testing

@testable import ActivCLI

@Suite("info")
struct InfoCommandTests {
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

  @Test("info describes an expression")
  func expression() {
    let info = expectSuccess(["info", "x*sigmoid(x)"])
    #expect(info.contains("expression            x*sigmoid(x)"))
    #expect(info.contains("forward-mode automatic differentiation"))
  }

  @Test("info --format json and info --all --format json stay valid JSON")
  func json() throws {
    let one = expectSuccess(["info", "elu(alpha=0.5)", "--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(one.utf8)) as? [String: Any])
    #expect(object["name"] as? String == "elu")
    let all = expectSuccess(["info", "--all", "--format", "json"])
    #expect(all.hasPrefix("[\n  {") && all.hasSuffix("}\n]\n"))
    #expect(lines(all).count == Catalogue.entries.count + 2)
    let objects = try parseJSONObjects(all)
    #expect(objects.map { $0["name"] as? String } == Catalogue.entries.map(\.name))
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      arguments: ["info"], code: .usage, message: "'info' needs a function SPEC (or --all)"),
    ErrorCase(
      arguments: ["info", "relu", "gelu"], code: .usage,
      message: "unexpected argument 'gelu' for 'info'"),
  ]

  @Test("fails with status, message and hints; nothing on stdout", arguments: errorCases)
  func fails(_ testCase: ErrorCase) {
    testCase.check()
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
