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
    // mpmath, 40 digits: x = -1.19243121451549521213…, f = -0.30884341301725040662…
    #expect(mish.contains("minimum               f(-1.1924312145154952) = -0.30884341301725043"))
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
      "{\"name\": \"relu\", \"spec\": \"relu\", \"summary\": \"rectified linear unit max(0,x)\", "
      + "\"aliases\": [], \"formula\": \"f(x) = max(0, x)\", "
      + "\"derivative\": \"f'(x) = 1 for x > 0, else 0   (f'(0) = 0)\", \"parameters\": [], "
      + "\"kinks\": [{\"x\": 0, \"derivative\": 0, \"side\": \"left\", \"jump\": false, \"value\": null}], "
      + "\"range\": {\"infimum\": 0, \"supremum\": null, \"infimum_attained\": true, \"supremum_attained\": false}, "
      + "\"minimum\": {\"x\": 0, \"value\": 0}, \"maximum\": null, \"monotonic\": true, "
      + "\"increasing\": [[0, null]], \"decreasing\": [], \"stationary\": [], \"zero_centered\": false, "
      + "\"identity_near_origin\": false, \"continuity\": \"C0\", \"continuity_method\": \"declared\", "
      + "\"bounded_below\": true, \"bounded_above\": false, "
      + "\"saturation\": [[null, 0]], \"dead\": [[null, 0]], "
      + "\"derivative_at_0\": {\"value\": 0, \"left\": 0, \"right\": 1, \"kink\": true}, "
      + "\"remark\": \"No saturation for x > 0 and fast to compute; neurons die for x < 0 (zero gradient); "
      + "not zero-centred; unbounded above; the derivative is discontinuous.\"}\n"
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
      arguments: ["info", "relu", "gelu", "--format", "text"], code: .usage,
      message:
        "bad value 'text' for --format; expected table, csv, markdown or json for several functions"
    ),
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
    #expect(json.hasPrefix(#"{"name": "relu", "spec": "relu""#))
    #expect(json.contains(#""formula": "f(x) = \\max(0, x)""#))
    #expect(
      expectSuccess(["info", "x^2", "--latex"]).contains(
        "LaTeX is written for catalogue functions only"))
  }
}

/// `info` consistent with itself. Expected values come from exact arithmetic or from
/// mpmath at 40 digits (quoted beside each), never from activ's own output.
@Suite("info consistent with itself")
struct InfoConsistencyTests {
  /// A number activ printed must read back within `ulps` doubles of the reference.
  static func close(_ text: Substring, _ reference: Double, ulps: Double = 4) -> Bool {
    guard let x = Double(text) else { return false }
    return abs(x - reference) <= ulps * reference.ulp
  }

  struct ExtremumCase: CustomStringConvertible {
    let spec: String
    let x: Double
    let value: Double
    var description: String { spec }
  }

  static let extrema = [
    // mpmath: x = -0.75179152469356445745…, f = -0.16997120747990366169…
    ExtremumCase(spec: "gelu", x: -0.7517915246935644574579, value: -0.1699712074799036616939),
    // mpmath: x = -1.27846454276107379511…, f = -0.27846454276107379511… (f = x + 1 there)
    ExtremumCase(spec: "silu", x: -1.278464542761073795109, value: -0.2784645427610737951094),
    // exact: hard_swish' = (2x + 3)/6 vanishes at -3/2, f(-3/2) = -3/8
    ExtremumCase(spec: "hard_swish", x: -1.5, value: -0.375),
  ]

  @Test(
    "minimum, range and stationary point print in one format: shortest round-trip",
    arguments: extrema)
  func oneFormat(_ c: ExtremumCase) throws {
    let rows = lines(expectSuccess(["info", c.spec]))
    let minimum = try #require(rows.first { $0.hasPrefix("minimum ") })
    // f(X) = V
    let inner = minimum.split(separator: "(", maxSplits: 1)[1]
    let x = inner.split(separator: ")")[0]
    let v = inner.split(separator: "= ")[1]
    #expect(Self.close(x, c.x) && Self.close(v, c.value), "\(minimum)")
    // Shortest round-trip: the printed text is what Swift prints for that double.
    #expect(String(Double(x)!) == x && String(Double(v)!) == v)
    // The range's end is the very same text as the minimum.
    #expect(rows.contains("range                 [\(v), inf)"))
    #expect(rows.contains("stationary            x = \(x)"))
    // Not a saturation band: the stationary point is reported as such.
    let saturation = try #require(rows.first { $0.hasPrefix("saturation ") })
    #expect(!saturation.contains("[-1."), "\(saturation)")
    // The --all row uses the same text.
    let all = lines(expectSuccess(["info", "--all", "--format", "csv"]))
    #expect(all.contains { $0.hasPrefix("\(c.spec),\"[\(v), inf)\",\(v),") })
  }

  struct EndCase: CustomStringConvertible {
    let arguments: [String]
    let row: String
    var description: String { arguments.joined(separator: " ") }
  }

  static let ends = [
    // threshold(1, 2): x for x > 1, else 2, so f takes every value in (1, inf), never 1.
    EndCase(arguments: ["info", "threshold(1, 2)"], row: "range                 (1, inf)"),
    // relu2' = 2x for x > 0, 0 below: |f'| < 0.001 exactly for x < 0.0005.
    EndCase(
      arguments: ["info", "relu2"], row: "saturation            (-inf, 0.0005] (|f'| < 0.001)"),
    // hard_sigmoid' = 1/6 on (-3, 3), 0 outside: exact ends.
    EndCase(
      arguments: ["info", "hard_sigmoid"],
      row: "saturation            (-inf, -3] [3, inf) (|f'| < 0.001)"),
    // x^2 + 1: |2x| < 0.001 only around its minimum at 0, which is a stationary point.
    EndCase(arguments: ["info", "x^2+1"], row: "saturation            none (|f'| < 0.001)"),
    EndCase(arguments: ["info", "x^2+1"], row: "stationary            x = 0"),
    // max(x, 0) as an expression has no declared kink: its flat half-line still ends at 0.
    EndCase(arguments: ["info", "max(x,0)"], row: "dead                  (-inf, 0]"),
    EndCase(
      arguments: ["info", "max(x,0)"], row: "saturation            (-inf, 0] (|f'| < 0.001)"),
    // tanhshrink' = tanh(x)^2 vanishes only at 0.
    EndCase(arguments: ["info", "tanhshrink"], row: "saturation            none (|f'| < 0.001)"),
    // hardshrink is flat on [-0.5, 0.5]: an interval, so saturation.
    EndCase(
      arguments: ["info", "hardshrink"], row: "saturation            [-0.5, 0.5] (|f'| < 0.001)"),
  ]

  @Test(
    "range and saturation ends are exact, stationary points are not saturation", arguments: ends)
  func exactEnds(_ c: EndCase) {
    #expect(lines(expectSuccess(c.arguments)).contains(Substring(c.row)))
  }

  @Test("--precision P writes every number with P significant digits, in text and json alike")
  func precision() throws {
    let rows = lines(expectSuccess(["info", "gelu", "--precision", "4"]))
    #expect(rows.contains("minimum               f(-0.7518) = -0.17"))
    #expect(rows.contains("range                 [-0.17, inf)"))
    let json = expectSuccess(["info", "gelu", "--precision", "4", "--format", "json"])
    #expect(json.contains("\"minimum\": {\"x\": -0.7518, \"value\": -0.17}"))
    let csv = lines(expectSuccess(["info", "--all", "--format", "csv", "--precision", "3"]))
    #expect(csv.contains { $0.hasPrefix("gelu,\"[-0.17, inf)\",-0.17,") })
  }

  @Test("info --format json carries every text record: kinks, f'(0), intervals, aliases, remark")
  func jsonComplete() throws {
    let one = expectSuccess(["info", "hard_swish", "--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(one.utf8)) as? [String: Any])
    #expect(object["aliases"] as? [String] == ["h_swish"])
    #expect((object["summary"] as? String)?.isEmpty == false)
    #expect((object["remark"] as? String)?.contains("MobileNetV3") == true)
    let kinks = try #require(object["kinks"] as? [[String: Any]])
    #expect(kinks.map { $0["x"] as? Double } == [-3, 3])
    #expect(kinks.map { $0["side"] as? String } == ["right", "left"])
    let d0 = try #require(object["derivative_at_0"] as? [String: Any])
    #expect(d0["value"] as? Double == 0.5 && d0["kink"] as? Bool == false)
    #expect(object["stationary"] as? [Double] == [-1.5])
    #expect((object["decreasing"] as? [[Double]]) == [[-3, -1.5]])
    let all = try parseJSONObjects(expectSuccess(["info", "--all", "--format", "json"]))
    #expect(all.allSatisfy { $0["derivative_at_0"] != nil && $0["kinks"] != nil })
    let relu = try #require(all.first { $0["name"] as? String == "relu" })
    let reluD0 = try #require(relu["derivative_at_0"] as? [String: Any])
    #expect(reluD0["left"] as? Double == 0 && reluD0["right"] as? Double == 1)
  }

  struct ScanCase: CustomStringConvertible {
    let expression: String
    /// A point the scan cannot decide, and a row the output must not have.
    let undecidedAt: Double
    let absent: String
    var description: String { expression }
  }

  static let scans = [
    // sin' = cos changes sign every pi: beyond the dense band the log grid cannot follow it.
    ScanCase(
      expression: "sin(x)", undecidedAt: 50, absent: "[42.411500823462205, 64.40264939859077]"),
    ScanCase(expression: "x*cos(x)", undecidedAt: 1000, absent: "720412890596"),
    // x·sin(1/x) < 1 for every x ≠ 0 (sin t < t), tending to 1: a supremum, never a maximum.
    ScanCase(expression: "x*sin(1/x)", undecidedAt: 0.001, absent: "maximum               f("),
  ]

  @Test(
    "an expression's numeric facts say what was scanned and what is undecided", arguments: scans)
  func undecided(_ c: ScanCase) throws {
    let text = expectSuccess(["info", c.expression])
    #expect(!text.contains(c.absent))
    let rows = lines(text)
    #expect(rows.contains { $0.hasPrefix("scanned               f' sampled over [-") })
    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(expectSuccess(["info", c.expression, "--format", "json"]).utf8))
        as? [String: Any])
    let undecided = try #require(json["undecided"] as? [[Any]])
    let covers = undecided.contains { pair in
      let lower = pair[0] as? Double ?? -.infinity
      let upper = pair[1] as? Double ?? .infinity
      return lower <= c.undecidedAt && c.undecidedAt <= upper
    }
    #expect(covers, "\(undecided)")
    // No increasing interval is claimed inside an undecided one.
    let increasing = try #require(json["increasing"] as? [[Any]])
    #expect(
      !increasing.contains { pair in
        let lower = pair[0] as? Double ?? -.infinity
        let upper = pair[1] as? Double ?? .infinity
        return lower < c.undecidedAt && c.undecidedAt < upper
      })
  }

  @Test("x*sin(1/x): range [min, 1), minimum from mpmath, no maximum")
  func supremum() throws {
    let rows = lines(expectSuccess(["info", "x*sin(1/x)"]))
    let range = try #require(rows.first { $0.hasPrefix("range ") })
    #expect(range.hasSuffix(", 1)"))
    #expect(rows.contains("maximum               none"))
    // mpmath: x = -0.22254815844566587021…, f = -0.21723362821122165741…
    let minimum = try #require(rows.first { $0.hasPrefix("minimum ") })
    let inner = minimum.split(separator: "(", maxSplits: 1)[1]
    #expect(Self.close(inner.split(separator: ")")[0], -0.2225481584456658702128, ulps: 8))
    #expect(Self.close(inner.split(separator: "= ")[1], -0.2172336282112216574083))
  }

  @Test("several SPECs and sweeps give the --all layout, one row per function")
  func several() {
    let table = lines(expectSuccess(["info", "gelu", "mish", "swish(beta=0.5|1|2)"]))
    #expect(table.count == 6)
    #expect(table[0].hasPrefix("name             range"))
    #expect(
      table.map { String($0.prefix { $0 != " " }) } == [
        "name", "gelu", "mish", "swish(beta=0.5)", "swish(beta=1)", "swish(beta=2)",
      ])
    let json = lines(expectSuccess(["info", "gelu", "x^2", "--format", "json"]))
    #expect(json.count == 4 && json[0] == "[")
    let csv = lines(expectSuccess(["info", "swish(beta=1|2)", "--format", "csv"]))
    #expect(csv.count == 3 && csv[0].hasPrefix("name,range,"))
  }
}
