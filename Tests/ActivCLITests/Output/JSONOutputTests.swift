import Activations
import Foundation
import Testing

@testable import ActivCLI

/// `--format json`: one array of objects, keyed by the CSV header, numbers in the CSV's digits,
/// non-finite values as null; valid JSON by Foundation's parser.
@Suite("output formats: JSON") struct JSONOutputTests {
  /// Whether a CSV field is one of the non-finite numbers JSON writes as null.
  private func isNonFinite(_ field: Substring) -> Bool {
    field == "nan" || field == "inf" || field == "-inf"
  }

  /// The JSON text activ must write for CSV data rows under `keys`.
  private func expectedJSON(keys: [String], rows: [[Substring]]) -> String {
    var text = "["
    for (i, row) in rows.enumerated() {
      let members = zip(keys, row).map { key, field in
        jsonString(key) + ": " + (isNonFinite(field) ? "null" : String(field))
      }
      text += (i == 0 ? "\n  {" : ",\n  {") + members.joined(separator: ", ") + "}"
    }
    return text + "\n]\n"
  }

  /// Runs `arguments` as CSV (without header) and as JSON and checks that the JSON is exactly the
  /// CSV's rows as objects under `keys`, and that Foundation reads back the CSV's values.
  private func expectJSONMatchesCSV(
    _ arguments: [String], keys: [String], stdin: [UInt8] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let csv = expectSuccess(arguments + ["--no-header"], stdin: stdin)
    let json = expectSuccess(arguments + ["--format", "json"], stdin: stdin)
    let rows = csvRows(csv)
    #expect(!rows.isEmpty, sourceLocation: sourceLocation)
    #expect(json == expectedJSON(keys: keys, rows: rows), sourceLocation: sourceLocation)
    let objects = try parseJSONObjects(json, sourceLocation: sourceLocation)
    #expect(objects.count == rows.count, sourceLocation: sourceLocation)
    for (object, row) in zip(objects, rows) {
      #expect(Set(object.keys) == Set(keys), sourceLocation: sourceLocation)
      #expect(row.count == keys.count, sourceLocation: sourceLocation)
      for (key, field) in zip(keys, row) {
        if isNonFinite(field) {
          #expect(object[key] is NSNull, "\(key): \(field)", sourceLocation: sourceLocation)
        } else {
          #expect(
            jsonDouble(object[key]) == Double(field), "\(key): \(field)",
            sourceLocation: sourceLocation
          )
        }
      }
    }
  }

  @Test("eval, grad and table as JSON: the CSV's rows and digits, valid JSON")
  func matchesCSV() throws {
    try expectJSONMatchesCSV(
      ["eval", "mish", "-3", "3", "--grad", "--grad2"],
      keys: ["x", "mish", "mish_grad", "mish_grad2"])
    try expectJSONMatchesCSV(
      ["grad", "relu", "-1", "1", "--points", "5"], keys: ["x", "relu_grad"])
    try expectJSONMatchesCSV(
      ["grad", "gelu", "--order", "2", "--step", "0.25"], keys: ["x", "gelu_grad2"])
    try expectJSONMatchesCSV(
      ["table", "relu", "swish(beta=0.5|2)", "x*exp(-x)", "-1e-3", "2e-3", "--grad"],
      keys: [
        "x", "relu", "relu_grad", "swish(beta=0.5)", "swish(beta=0.5)_grad", "swish(beta=2)",
        "swish(beta=2)_grad", "x*exp(-x)", "x*exp(-x)_grad",
      ])
    try expectJSONMatchesCSV(
      ["table", "gelu", "elu(alpha=0.5)", "-1e300", "1e300", "--points", "257"],
      keys: ["x", "gelu", "elu(alpha=0.5)"])
  }

  @Test("--precision P gives the CSV's digits in JSON")
  func precision() throws {
    for digits in ["1", "3", "6", "15", "17"] {
      try expectJSONMatchesCSV(
        ["eval", "sigmoid", "-40", "40", "--grad", "--precision", digits],
        keys: ["x", "sigmoid", "sigmoid_grad"])
    }
  }

  @Test("nan, inf and -inf (from --input - and from the functions) are null")
  func nonFiniteIsNull() throws {
    let input = Array("nan\ninf\n-inf\n0\n-0\n1e-5\n5e-324\n-1\n1e308\n".utf8)
    try expectJSONMatchesCSV(
      ["eval", "log(x)", "--input", "-", "--grad"], keys: ["x", "log(x)", "log(x)_grad"],
      stdin: input)
    try expectJSONMatchesCSV(
      ["table", "relu", "exp(x)", "--input", "-", "--precision", "4"],
      keys: ["x", "relu", "exp(x)"], stdin: input)
    let json = expectSuccess(
      ["eval", "relu", "--input", "-", "--format", "json"], stdin: Array("nan\n-inf\n".utf8))
    #expect(json == "[\n  {\"x\": null, \"relu\": null},\n  {\"x\": null, \"relu\": 0}\n]\n")
  }

  @Test("keys are escaped as RFC 8259 strings")
  func escapedKeys() throws {
    let name = "a\"b\\c\td\u{1}e\nf\u{1F}g/é∂"
    try expectJSONMatchesCSV(
      ["eval", "relu", "-1", "1", "--points", "3", "--name", name, "--grad"],
      keys: ["x", name, name + "_grad"])
    let json = expectSuccess(
      ["eval", "relu", "0", "1", "--points", "2", "--name", name, "--format", "json"])
    #expect(json.contains(#"a\"b\\c\td\u0001e\nf\u001fg/é∂"#))
    // An expression's label, with a comma and spaces CSV would quote.
    try expectJSONMatchesCSV(
      ["table", "max(x, 0)", "where(x < 0, -x, x)", "-2", "2", "--points", "5"],
      keys: ["x", "max(x, 0)", "where(x < 0, -x, x)"])
  }

  @Test("a grid through the parallel chunked path: valid, and the CSV's values")
  func largeGrid() throws {
    try expectJSONMatchesCSV(
      ["table", "relu", "gelu", "-10", "10", "--points", "20001", "--grad"],
      keys: ["x", "relu", "relu_grad", "gelu", "gelu_grad"])
  }

  /// What `GridOutput.write` produces with `plan`.
  private func written(
    _ words: [String], grid: Grid, orders: [Int], style: NumberStyle, plan: ParallelPlan
  ) throws -> String {
    var functions: [NamedFunction] = []
    for word in words {
      functions += try SpecWords.functions(word, context: BindingContext(seed: 3))
    }
    let sink = MemorySink()
    let console = Console(output: sink, error: MemorySink()) { () throws(SystemError) in [] }
    let settings = try OutputSettings(
      ArgumentParser.parse(Lexer.tokens(["--format", "json"]), for: GridCommand.evalSpec))
    var styled = settings
    styled.numbers = style
    try GridOutput.write(
      functions, on: grid, orders: orders, settings: styled, console: console, plan: plan)
    return sink.text
  }

  @Test("one worker and several give the same JSON bytes")
  func parallelMatchesSerial() throws {
    let grids: [Grid] = [
      .evenlySpaced(
        from: DecimalArgument(text: "-3", value: -3), to: DecimalArgument(text: "3", value: 3),
        count: 1001),
      .evenlySpaced(
        from: DecimalArgument(text: "-30", value: -30), to: DecimalArgument(text: "30", value: 30),
        count: 20001),
      Grid(values: [
        0, -0.0, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, 1e-5, 9e15, 1e22, -2.95,
      ]),
    ]
    let words = ["mish", "hard_sigmoid", "rrelu(training=true)", "log(x)"]
    for grid in grids {
      for style in [NumberStyle.shortest, .significant(5)] {
        let serial = try written(
          words, grid: grid, orders: [0, 1], style: style, plan: .serial)
        _ = try parseJSONObjects(serial)
        for plan in [
          ParallelPlan(workers: 2, chunkRows: 1), ParallelPlan(workers: 3, chunkRows: 7),
          ParallelPlan(workers: 2, chunkRows: 1000), .automatic,
        ] {
          #expect(
            try written(words, grid: grid, orders: [0, 1], style: style, plan: plan) == serial)
        }
      }
    }
  }

  @Test("an empty row set is an empty array")
  func emptyArray() throws {
    let sink = MemorySink()
    let console = Console(output: sink, error: MemorySink()) { () throws(SystemError) in [] }
    let relu = try SpecWords.functions("relu", context: BindingContext())
    try OutputTarget.writing(nil, console: console) { target throws(CLIError) in
      let writer = try RecordWriter(
        format: .json, target: target, header: ["x", "f"], alignments: [.right, .right])
      let rows = NumberRows(
        functions: relu, grid: Grid(values: []), orders: [0], style: .shortest,
        layout: writer.layout!)
      try rows.write(to: target)
      try writer.finish()
    }
    #expect(sink.text == "[\n]\n")
    #expect(try parseJSONObjects(sink.text).isEmpty)
  }

  /// RFC 8259's number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  private func isJSONNumber(_ text: String) -> Bool {
    var bytes = Array(text.utf8)[...]
    func digits() -> Int {
      let count = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
      bytes = bytes.dropFirst(count)
      return count
    }
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    if bytes.first == UInt8(ascii: "0") {
      bytes = bytes.dropFirst()
    } else if bytes.first.map({ $0 >= 0x31 && $0 <= 0x39 }) == true {
      _ = digits()
    } else {
      return false
    }
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      if digits() == 0 { return false }
    }
    if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") {
        bytes = bytes.dropFirst()
      }
      if digits() == 0 { return false }
    }
    return bytes.isEmpty
  }

  @Test("every finite number the formatter writes is a JSON number")
  func numberSyntax() {
    #expect(
      !isJSONNumber(".5") && !isJSONNumber("+1") && !isJSONNumber("01") && !isJSONNumber("1."))
    #expect(isJSONNumber("-0") && isJSONNumber("1e-05") && isJSONNumber("5e-324"))
    var generator = SplitMix64(seed: 20_261_124)  // fixed, so a failure reproduces
    var values: [Double] = [
      0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
      .greatestFiniteMagnitude, 1e-5, 1e-4,
      9.999999999999999e-5, 0.5, -0.5, 1, 9007199254740992, 1e16, 1e22, 1e23,
      123456.789, -2.95, 0.1, 1 / 3,
    ]
    for _ in 0..<20000 {
      let x = Double(bitPattern: generator.next())
      if x.isFinite { values.append(x) }
    }
    let styles = [NumberStyle.shortest] + (1...17).map(NumberStyle.significant)
    let buffer = ByteBuffer(capacity: 64)
    for x in values {
      for style in styles {
        buffer.removeAll()
        buffer.append(x, style: style)
        let text = String(decoding: buffer.bytes, as: UTF8.self)
        #expect(isJSONNumber(text), "\(x) as \(style): \(text)")
        #expect(isJSONNumber(style.format(x)), "\(x) as \(style)")
      }
    }
  }

  @Test("--no-header does not go with --format json")
  func noHeaderRefused() {
    let message = "options '--no-header' and '--format json' cannot be used together; choose one"
    for arguments in [
      ["eval", "relu"], ["grad", "relu"], ["table", "relu", "gelu"], ["list"], ["info", "relu"],
      ["info", "--all"],
    ] {
      expectFailure(arguments + ["--format", "json", "--no-header"], .usage, message)
    }
  }

  @Test("duplicate column names are refused in JSON, not written as duplicate keys")
  func duplicateKeys() {
    let hint = "but --format json needs unique keys; give each function once"
    expectFailure(
      ["table", "relu", "relu", "--format", "json"], .usage,
      "column 'relu' appears twice, " + hint + " (--name, once per function, renames them)")
    expectFailure(
      ["eval", "x", "--format", "json"], .usage,
      "column 'x' appears twice, " + hint + " (--name, once per function, renames them)")
    // CSV keeps writing them.
    #expect(
      expectSuccess(["table", "relu", "relu", "0", "1", "--points", "2"])
        == "x,relu,relu\n0,0,0\n1,1,1\n")
  }

  @Test("| head ends a JSON run quietly; -o writes the same bytes atomically")
  func pipesAndFiles() throws {
    let arguments = ["eval", "gelu", "-5", "5", "--points", "100001", "--format", "json"]
    let sink = MemorySink(failingAfter: 5000, with: .brokenPipe)
    let run = activ(arguments, output: sink)
    #expect(run.status == 0)
    #expect(run.stderr == "")
    #expect(sink.bytes.count == 5000)
    try withTemporaryDirectory { dir in
      let small = ["table", "relu", "mish", "-1", "1", "--points", "11", "--format", "json"]
      let expected = expectSuccess(small)
      expectOutput(small + ["-o", dir + "out.json"], "")
      #expect(readFile(dir + "out.json") == expected)
      #expect(directoryListing(dir) == ["out.json"])
    }
  }
}
