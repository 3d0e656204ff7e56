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
/// straight into output buffers in a record layout: no `String` per number, no array per row.
/// In JSON non-finite numbers are `null`; the `[` before the rows and the `]` after them are
/// ``RecordWriter``'s.
struct NumberRows: Sendable {
  let functions: [NamedFunction]
  let grid: Grid
  let orders: [Int]
  let style: NumberStyle
  let layout: RecordLayout

  /// Formats the rows at the grid indices `range` onto the end of `buffer`.
  func format(_ range: Range<Int>, into buffer: ByteBuffer) {
    switch (layout, style) {
    case (.delimited(let separator), .shortest):
      format(range, into: buffer, separator: separator) { buffer.append(shortest: $0) }
    case (.delimited(let separator), .significant):
      format(range, into: buffer, separator: separator) {
        buffer.append($0, style: style)
      } x: {
        buffer.append(shortest: $0)
      }
    case (.json(let framing), .shortest):
      formatJSON(range, into: buffer, framing: framing) { x in
        if x.isFinite { buffer.append(shortest: x) } else { buffer.appendNull() }
      }
    case (.json(let framing), .significant):
      formatJSON(range, into: buffer, framing: framing) { x in
        if x.isFinite { buffer.append(x, style: style) } else { buffer.appendNull() }
      } x: { x in
        if x.isFinite { buffer.append(shortest: x) } else { buffer.appendNull() }
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

  /// Evaluates the rows, then formats them row by row, `separator` between the numbers; x is
  /// written by `x` (shortest round-trip: `--precision` applies to the function columns only),
  /// `number` when not given.
  @inline(__always)
  private func format(
    _ range: Range<Int>, into buffer: ByteBuffer, separator: UInt8, number: (Double) -> Void,
    x: ((Double) -> Void)? = nil
  ) {
    let n = range.count
    let (xs, columns) = evaluate(range)
    let columnCount = functions.count * orders.count
    for row in 0..<n {
      if let x { x(xs[row]) } else { number(xs[row]) }
      for c in 0..<columnCount {
        buffer.append(byte: separator)
        number(columns[c * n + row])
      }
      buffer.append(byte: RecordLayout.newline)
    }
  }

  /// Evaluates the rows, then formats them as JSON objects, one per line; x as in
  /// ``format(_:into:separator:number:x:)``.
  @inline(__always)
  private func formatJSON(
    _ range: Range<Int>, into buffer: ByteBuffer, framing: JSONFraming, number: (Double) -> Void,
    x: ((Double) -> Void)? = nil
  ) {
    let n = range.count
    let (xs, columns) = evaluate(range)
    let columnCount = min(functions.count * orders.count, framing.keyPrefixes.count)
    for row in 0..<n {
      buffer.append(framing.recordStart(range.lowerBound + row))
      if let x { x(xs[row]) } else { number(xs[row]) }
      for c in 0..<columnCount {
        buffer.append(framing.keyPrefixes[c])
        number(columns[c * n + row])
      }
      buffer.append(byte: JSONFraming.recordEnd)
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
