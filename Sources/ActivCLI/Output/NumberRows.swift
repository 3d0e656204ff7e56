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
  let functions: [NamedFunction]
  let grid: Grid
  let orders: [Int]
  let style: NumberStyle
  let separator: UInt8

  /// Formats the rows at the grid indices `range` onto the end of `buffer`.
  func format(_ range: Range<Int>, into buffer: ByteBuffer) {
    switch style {
    case .shortest:
      format(range, into: buffer) { buffer.append(shortest: $0) }
    case .significant:
      format(range, into: buffer) { buffer.append($0, style: style) }
    }
  }

  /// Evaluates the rows' functions through the batch API (one specialised loop per function and
  /// order, only the orders asked for), then formats row by row.
  @inline(__always)
  private func format(
    _ range: Range<Int>, into buffer: ByteBuffer, number: (Double) -> Void
  ) {
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
    for row in 0..<n {
      number(xs[row])
      for c in 0..<columnCount {
        buffer.append(byte: separator)
        number(columns[c * n + row])
      }
      buffer.append(byte: UInt8(ascii: "\n"))
    }
  }

  /// Writes every row to `target`, after what it already holds (the header). With more than one
  /// worker and more than one chunk of rows, the chunks are formatted in parallel, a batch of one
  /// per worker at a time, and written in order; a write failure (a closed pipe) stops the run
  /// after the batch in hand.
  func write(to target: OutputTarget, plan: ParallelPlan = .automatic) throws(CLIError) {
    let count = grid.count
    guard plan.workers > 1 && count > plan.chunkRows else {
      var start = 0
      while start < count {
        let end = min(start + ParallelPlan.serial.chunkRows, count)
        format(start..<end, into: target.writer.buffer)
        try target.flushIfFull()
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
    }
  }
}
