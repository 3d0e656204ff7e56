import Activations

/// Rows of x and function columns on a grid: what eval, grad, table and plot --csv write.
enum GridOutput {
  /// The most rows `--format table` writes: it holds them all in memory to align the columns.
  static let maximumTableRows = 100_000

  /// Writes x and, for each function in turn, its columns of the given derivative orders
  /// (0 = f, 1 = f′, 2 = f″) at the grid's points.
  /// CSV and TSV rows are formatted straight into bytes (in parallel on a large grid, see
  /// ``NumberRows``); the table layout collects fields to measure them.
  /// A long run to a file shows ``Progress`` on a terminal's standard error, as `progress` says.
  static func write(
    _ functions: [NamedFunction], on grid: Grid, orders: [Int], settings: OutputSettings,
    console: Console, plan: ParallelPlan = .automatic, progress policy: Progress.Policy = .standard
  ) throws(CLIError) {
    if settings.format == .table, grid.count > maximumTableRows {
      throw .tooManyTableRows(count: grid.count, limit: maximumTableRows)
    }
    var header = ["x"]
    for function in functions {
      for order in orders { header.append(function.columnName(order: order)) }
    }
    if settings.format == .json {
      var seen = Set<String>()
      for name in header where !seen.insert(name).inserted { throw .duplicateColumn(name) }
    }
    let numbers = settings.numbers
    try settings.write(
      header: header, alignments: Array(repeating: .right, count: header.count), console: console
    ) { writer throws(CLIError) in
      // Erased on every way out, so an error message starts on a clean line.
      let progress = Progress.start(
        rows: grid.count, console: console, target: writer.target, policy: policy)
      defer { progress?.finish() }
      if let layout = writer.layout {
        let rows = NumberRows(
          functions: functions, grid: grid, orders: orders, style: numbers, layout: layout)
        try rows.write(to: writer.target, plan: plan, progress: progress)
        return
      }
      var row: [String] = []
      var values: [Double] = []
      row.reserveCapacity(header.count)
      for i in 0..<grid.count {
        let x = grid.point(i)
        values.removeAll(keepingCapacity: true)
        for function in functions { function.evaluate(x, orders: orders, into: &values) }
        row.removeAll(keepingCapacity: true)
        // --precision rounds the function columns only: x is always exact.
        row.append(NumberStyle.shortest.format(x))
        for value in values { row.append(numbers.format(value)) }
        try writer.write(row)
        if i % 4096 == 4095 { progress?.update(done: i + 1) }
      }
    }
  }
}
