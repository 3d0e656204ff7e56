import Activations
import Testing

@testable import ActivCLI

/// Records of text (`list`, `info`) and rows of numbers (`eval`, `grad`, `table`) share one
/// layout per format, so the same fields come out framed alike.
@Suite("output: record layout")
struct RecordLayoutTests {
  /// What `body` writes through a record writer in `format` with the header x, relu, relu_grad.
  private func written(_ format: OutputFormat, _ body: (RecordWriter) throws(CLIError) -> Void)
    throws -> String
  {
    let sink = MemorySink()
    let console = Console(output: sink, error: MemorySink()) { () throws(SystemError) in [] }
    try OutputTarget.writing(nil, console: console) { target throws(CLIError) in
      let writer = try RecordWriter(
        format: format, target: target, header: ["x", "relu", "relu_grad"],
        alignments: [.right, .right, .right])
      try body(writer)
      try writer.finish()
    }
    return sink.text
  }

  @Test(
    "text records and number rows give the same bytes",
    arguments: [
      OutputFormat.csv, .tsv, .json,
    ])
  func textRecordsAndNumberRowsAgree(format: OutputFormat) throws {
    let relu = try SpecWords.functions("relu", context: BindingContext())
    let grid = Grid(values: [-1, 0, 0.5, 2, .infinity])
    let asText = try written(format) { writer throws(CLIError) in
      for i in 0..<grid.count {
        let x = grid.point(i)
        var values = [x]
        relu[0].evaluate(x, orders: [0, 1], into: &values)
        let fields = values.map { value in
          format == .json && !value.isFinite ? "null" : shortestDecimal(value)
        }
        if format == .json { try writer.write(json: fields) } else { try writer.write(fields) }
      }
    }
    let asNumbers = try written(format) { writer throws(CLIError) in
      let rows = NumberRows(
        functions: relu, grid: grid, orders: [0, 1], style: .shortest, layout: writer.layout!)
      try rows.write(to: writer.target, plan: .serial)
    }
    #expect(asText == asNumbers)
    let expected: [OutputFormat: String] = [
      .csv: "x,relu,relu_grad\n-1,0,0\n0,0,0\n0.5,0.5,1\n2,2,1\ninf,inf,1\n",
      .tsv: "x\trelu\trelu_grad\n-1\t0\t0\n0\t0\t0\n0.5\t0.5\t1\n2\t2\t1\ninf\tinf\t1\n",
      .json: """
      [
        {"x": -1, "relu": 0, "relu_grad": 0},
        {"x": 0, "relu": 0, "relu_grad": 0},
        {"x": 0.5, "relu": 0.5, "relu_grad": 1},
        {"x": 2, "relu": 2, "relu_grad": 1},
        {"x": null, "relu": null, "relu_grad": 1}
      ]

      """,
    ]
    #expect(asText == expected[format])
  }

  @Test("the table layout has no record layout: it aligns what it holds back")
  func tableHasNoRecordLayout() throws {
    let text = try written(.table) { writer throws(CLIError) in
      #expect(writer.layout == nil)
      try writer.write(["-1", "0", "0"])
      try writer.write(["0.5", "0.5", "1"])
    }
    #expect(text == "  x  relu  relu_grad\n -1     0          0\n0.5   0.5          1\n")
  }
}
