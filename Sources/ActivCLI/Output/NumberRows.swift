import Dispatch

/// How rows are spread over threads: each of `workers` threads formats a chunk of `chunkRows`
/// rows into its own buffer, and the chunks are written in order, so the output is the same
/// bytes as one thread's.
struct ParallelPlan: Sendable {
  var workers: Int
  var chunkRows: Int

  /// One worker per processor, in chunks of 8192 rows (about 0.5 MB of CSV each): large enough
  /// that handing chunks over costs nothing, small enough that memory stays a few MB and `| head`
  /// stops a run within a chunk.
  static var automatic: ParallelPlan {
    ParallelPlan(workers: min(max(POSIX.processorCount, 1), 8), chunkRows: 8192)
  }

  /// One thread.
  static let serial = ParallelPlan(workers: 1, chunkRows: 512)
}

/// Rows of numbers, x then each function's columns (f, f′, f″ as asked), formatted as bytes
/// straight into output buffers: no `String` per number, no array per row.
struct NumberRows: Sendable {
  /// How a row is laid out.
  enum Layout: Sendable, Equatable {
    /// The numbers separated by this byte (CSV's comma, TSV's tab), a newline after each row.
    case delimited(UInt8)
    /// One JSON object per row, `{"x": 1, "mish": 0.86…}`, keyed by these column names, each
    /// object on its own line with `,` between; non-finite numbers are `null`. The rows come
    /// after a `[` and before a newline and `]` that ``RecordWriter`` writes.
    case json(keys: [String])
  }

  let functions: [NamedFunction]
  let grid: Grid
  let orders: [Int]
  let style: NumberStyle
  let layout: Layout
  /// For JSON: what goes before each number of a row, as bytes. The first number's prefix starts
  /// the row's line (after the `[` for row 0, after a `,` for the others), the others are
  /// `, "key": `.
  private let firstRowStart: [UInt8]
  private let nextRowStart: [UInt8]
  private let keyPrefixes: [[UInt8]]

  init(
    functions: [NamedFunction], grid: Grid, orders: [Int], style: NumberStyle, layout: Layout
  ) {
    self.functions = functions
    self.grid = grid
    self.orders = orders
    self.style = style
    self.layout = layout
    if case .json(let keys) = layout, let first = keys.first {
      firstRowStart = Array(("\n  {" + jsonString(first) + ": ").utf8)
      nextRowStart = [UInt8(ascii: ",")] + firstRowStart
      keyPrefixes = keys.dropFirst().map { Array((", " + jsonString($0) + ": ").utf8) }
    } else {
      firstRowStart = []
      nextRowStart = []
      keyPrefixes = []
    }
  }

  /// Formats the rows at the grid indices `range` onto the end of `buffer`.
  func format(_ range: Range<Int>, into buffer: ByteBuffer) {
    switch (layout, style) {
    case (.delimited(let separator), .shortest):
      format(range, into: buffer, separator: separator) { buffer.append(shortest: $0) }
    case (.delimited(let separator), .significant):
      format(range, into: buffer, separator: separator) { buffer.append($0, style: style) }
    case (.json, .shortest):
      formatJSON(range, into: buffer) { x in
        if x.isFinite { buffer.append(shortest: x) } else { buffer.appendNull() }
      }
    case (.json, .significant):
      formatJSON(range, into: buffer) { x in
        if x.isFinite { buffer.append(x, style: style) } else { buffer.appendNull() }
      }
    }
  }

  /// Evaluates the rows' functions through the batch API (one specialised loop per function and
  /// order, only the orders asked for): the points, and the columns one after another
  /// (column `c` of row `r` at `c * range.count + r`).
  @inline(__always)
  private func evaluate(_ range: Range<Int>) -> (xs: [Double], columns: [Double]) {
    let n = range.count
    let xs = range.map(grid.point)
    let columnCount = functions.count * orders.count
    var columns = [Double](repeating: 0, count: n * columnCount)
    xs.withUnsafeBufferPointer { points in
      columns.withUnsafeMutableBufferPointer { all in
        for (j, function) in functions.enumerated() {
          func column(_ order: Int) -> UnsafeMutableBufferPointer<Double>? {
            guard let k = orders.firstIndex(of: order) else { return nil }
            return UnsafeMutableBufferPointer(
              rebasing: all[((j * orders.count + k) * n)..<((j * orders.count + k + 1) * n)])
          }
          function.function.evaluate(
            points, values: column(0), first: column(1), second: column(2))
        }
      }
    }
    return (xs, columns)
  }

  /// Evaluates the rows, then formats them row by row, `separator` between the numbers.
  @inline(__always)
  private func format(
    _ range: Range<Int>, into buffer: ByteBuffer, separator: UInt8, number: (Double) -> Void
  ) {
    let n = range.count
    let (xs, columns) = evaluate(range)
    let columnCount = functions.count * orders.count
    for row in 0..<n {
      number(xs[row])
      for c in 0..<columnCount {
        buffer.append(byte: separator)
        number(columns[c * n + row])
      }
      buffer.append(byte: UInt8(ascii: "\n"))
    }
  }

  /// Evaluates the rows, then formats them as JSON objects, one per line.
  @inline(__always)
  private func formatJSON(_ range: Range<Int>, into buffer: ByteBuffer, number: (Double) -> Void) {
    let n = range.count
    let (xs, columns) = evaluate(range)
    let columnCount = min(functions.count * orders.count, keyPrefixes.count)
    for row in 0..<n {
      buffer.append(range.lowerBound + row == 0 ? firstRowStart : nextRowStart)
      number(xs[row])
      for c in 0..<columnCount {
        buffer.append(keyPrefixes[c])
        number(columns[c * n + row])
      }
      buffer.append(byte: UInt8(ascii: "}"))
    }
  }

  /// Writes every row to `target`, after what it already holds (the header). With more than one
  /// worker and more than one chunk of rows, the chunks are formatted in parallel, a batch of one
  /// per worker at a time, and written in order; a write failure (a closed pipe) stops the run
  /// after the batch in hand. `progress` hears the rows done after each chunk or batch.
  func write(
    to target: OutputTarget, plan: ParallelPlan = .automatic, progress: Progress? = nil
  ) throws(CLIError) {
    let count = grid.count
    guard plan.workers > 1 && count > plan.chunkRows else {
      var start = 0
      while start < count {
        let end = min(start + ParallelPlan.serial.chunkRows, count)
        format(start..<end, into: target.writer.buffer)
        try target.flushIfFull()
        progress?.update(done: end)
        start = end
      }
      return
    }
    let chunk = plan.chunkRows
    let buffers = (0..<plan.workers).map { _ in ByteBuffer(capacity: chunk * 64) }
    var start = 0
    while start < count {
      let batch = min(plan.workers, (count - start + chunk - 1) / chunk)
      let first = start
      DispatchQueue.concurrentPerform(iterations: batch) { worker in
        let lower = first + worker * chunk
        buffers[worker].removeAll()
        format(lower..<min(lower + chunk, count), into: buffers[worker])
      }
      for worker in 0..<batch { try target.write(buffers[worker].bytes) }
      start += batch * chunk
      progress?.update(done: min(start, count))
    }
  }
}
