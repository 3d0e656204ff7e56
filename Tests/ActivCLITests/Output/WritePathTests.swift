import Activations
import Testing

@testable import ActivCLI

/// The byte write path of eval/grad/table: rows formatted straight into buffers, serially or in
/// parallel chunks, must give the bytes the String path gave.
@Suite struct WritePathTests {
  private func functions(_ words: [String]) throws -> [NamedFunction] {
    var result: [NamedFunction] = []
    for word in words { result += try SpecWords.functions(word, context: BindingContext(seed: 3)) }
    return result
  }

  /// What `rows` writes with `plan`, after a "header" line.
  private func output(_ rows: NumberRows, plan: ParallelPlan, sink: MemorySink = MemorySink())
    throws -> String
  {
    let console = Console(output: sink, error: MemorySink()) { () throws(SystemError) in [] }
    try OutputTarget.writing(nil, console: console) { target throws(CLIError) in
      target.writer.append("header\n")
      try rows.write(to: target, plan: plan)
    }
    return sink.text
  }

  /// The rows as the String path wrote them: each number through `NumberStyle.format`, joined.
  private func reference(_ rows: NumberRows) -> String {
    var text = "header\n"
    guard case .delimited(let byte) = rows.layout else { return "" }
    let separator = String(UnicodeScalar(byte))
    for i in 0..<rows.grid.count {
      let x = rows.grid.point(i)
      var values: [Double] = []
      for function in rows.functions { function.evaluate(x, orders: rows.orders, into: &values) }
      // --precision rounds the function columns only; x is always shortest.
      text +=
        ([NumberStyle.shortest.format(x)] + values.map(rows.style.format))
        .joined(separator: separator) + "\n"
    }
    return text
  }

  private static let grids: [Grid] = [
    .evenlySpaced(
      from: DecimalArgument(text: "-3", value: -3), to: DecimalArgument(text: "3", value: 3),
      count: 1001),
    .automatic(from: -1e-3, to: 2e-3),
    .evenlySpaced(
      from: DecimalArgument(text: "-1e300", value: -1e300),
      to: DecimalArgument(text: "1e300", value: 1e300), count: 257
    ),
    Grid(values: [
      0, -0.0, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, 1e-5, 123456.789, 9e15, 1e22,
      -2.95,
    ]),
  ]

  @Test(arguments: [NumberStyle.shortest, .significant(1), .significant(6), .significant(17)])
  func bytesMatchTheStringPath(style: NumberStyle) throws {
    let functions = try functions([
      "relu", "gelu", "swish(beta=0.5|2)", "x*exp(-x)", "rrelu(training=true)",
    ])
    for grid in Self.grids {
      for orders in [[0], [1], [0, 1, 2]] {
        for separator in [UInt8(ascii: ","), UInt8(ascii: "\t")] {
          let rows = NumberRows(
            functions: functions, grid: grid, orders: orders, style: style,
            layout: .delimited(separator))
          #expect(try output(rows, plan: .serial) == reference(rows))
        }
      }
    }
  }

  /// Parallel chunks, in every size from one row up, with two and three workers, give the serial
  /// bytes.
  @Test func parallelChunksMatchSerial() throws {
    let functions = try functions(["mish", "hard_sigmoid", "rrelu(training=true)"])
    for grid in Self.grids {
      let rows = NumberRows(
        functions: functions, grid: grid, orders: [0, 1], style: .shortest,
        layout: .delimited(UInt8(ascii: ",")))
      let serial = try output(rows, plan: .serial)
      for workers in [2, 3] {
        for chunk in [1, 2, 7, 64, 1000, 5000] {
          #expect(
            try output(rows, plan: ParallelPlan(workers: workers, chunkRows: chunk)) == serial)
        }
      }
    }
  }

  /// A closed pipe during a parallel run ends it with `.outputClosed`, the quiet exit.
  @Test func closedPipeStopsParallelRun() throws {
    let rows = NumberRows(
      functions: try functions(["relu"]), grid: Self.grids[0], orders: [0], style: .shortest,
      layout: .delimited(UInt8(ascii: ",")))
    let sink = MemorySink(failingAfter: 100, with: .brokenPipe)
    #expect(throws: CLIError.outputClosed) {
      _ = try output(rows, plan: ParallelPlan(workers: 2, chunkRows: 10), sink: sink)
    }
    #expect(sink.bytes.count == 100)
  }
}
