import Activations
import Testing

@testable import ActivCLI

/// A clock for tests: each reading is `step` seconds after the one before.
private final class Ticker: @unchecked Sendable {
  // Read only from the thread writing rows.
  private var now = 0.0
  let step: Double

  init(step: Double) {
    self.step = step
  }

  func read() -> Double {
    now += step
    return now
  }
}

/// Progress on standard error: only when it is a terminal and the output is not, at most every
/// interval, erased at the end and before an error.
@Suite struct ProgressTests {
  private static let clear = "\r\u{1B}[K"

  /// What `GridOutput.write` puts on standard output and standard error for `relu` on `rows`
  /// points, with the given terminals and progress policy; `path` writes to a file instead.
  private func run(
    rows: Int, errorIsTerminal: Bool = true, outputIsTerminal: Bool = false,
    path: String? = nil, plan: ParallelPlan = .serial, step: Double = 1,
    minimumRows: Int = 1000, output: MemorySink = MemorySink(), error: MemorySink = MemorySink()
  ) throws(CLIError) -> (stdout: String, stderr: String) {
    var console = Console(output: output, error: error) { () throws(SystemError) in [] }
    console.errorIsTerminal = errorIsTerminal
    console.outputIsTerminal = outputIsTerminal
    var settings = try OutputSettings(
      ArgumentParser.parse(Lexer.tokens([]), for: GridCommand.evalSpec))
    settings.path = path
    let ticker = Ticker(step: step)
    let policy = Progress.Policy(minimumRows: minimumRows, interval: 0.125) { ticker.read() }
    let functions = try SpecWords.functions("relu", context: BindingContext())
    let grid = Grid.evenlySpaced(
      from: DecimalArgument(text: "-1", value: -1), to: DecimalArgument(text: "1", value: 1),
      count: rows)
    try GridOutput.write(
      functions, on: grid, orders: [0, 1], settings: settings, console: console, plan: plan,
      progress: policy)
    return (output.text, error.text)
  }

  /// The lines drawn for updates after `done` rows of `total`, then the erasure.
  private func drawn(_ done: [Int], of total: Int) -> String {
    done.map { "\r" + Progress.message(done: $0, total: total) + "\u{1B}[K" }.joined()
      + (done.isEmpty ? "" : Self.clear)
  }

  @Test("the message: percentage rounded down, counts grouped by thousands")
  func message() {
    #expect(
      Progress.message(done: 840_000, total: 2_000_001) == "activ: 41% (840,000 of 2,000,001 rows)")
    #expect(Progress.message(done: 2_000_001, total: 2_000_001).hasPrefix("activ: 100% ("))
    #expect(Progress.message(done: 0, total: 5) == "activ: 0% (0 of 5 rows)")
    #expect(Progress.grouped(0) == "0")
    #expect(Progress.grouped(999) == "999")
    #expect(Progress.grouped(1000) == "1,000")
    #expect(Progress.grouped(123_456_789) == "123,456,789")
    #expect(Progress.grouped(1_000_000_000) == "1,000,000,000")
  }

  @Test("a terminal stderr and redirected output: an update per chunk, erased at the end")
  func shownWhenRedirected() throws {
    let plain = try run(rows: 5000, errorIsTerminal: false)
    #expect(plain.stderr == "")
    let serial = try run(rows: 5000)
    #expect(serial.stdout == plain.stdout)
    #expect(serial.stderr == drawn(Array(stride(from: 512, to: 5000, by: 512)) + [5000], of: 5000))
    let parallel = try run(rows: 5000, plan: ParallelPlan(workers: 2, chunkRows: 1000))
    #expect(parallel.stdout == plain.stdout)
    #expect(parallel.stderr == drawn([2000, 4000, 5000], of: 5000))
    // The table layout counts the rows it evaluates.
    var settings = try OutputSettings(
      ArgumentParser.parse(Lexer.tokens(["--format", "table"]), for: GridCommand.evalSpec))
    settings.path = nil
    let error = MemorySink()
    var console = Console(output: MemorySink(), error: error) { () throws(SystemError) in [] }
    console.errorIsTerminal = true
    let ticker = Ticker(step: 1)
    try GridOutput.write(
      try SpecWords.functions("relu", context: BindingContext()),
      on: .evenlySpaced(
        from: DecimalArgument(text: "0", value: 0), to: DecimalArgument(text: "1", value: 1),
        count: 10000),
      orders: [0], settings: settings, console: console,
      progress: Progress.Policy(minimumRows: 1, interval: 0.125) { ticker.read() })
    #expect(error.text == drawn([4096, 8192], of: 10000))
  }

  @Test("at most one redraw per interval")
  func rateLimited() throws {
    // Readings 1/16 s apart, an interval of 1/8 s: every second chunk redraws.
    let half = try run(rows: 5000, step: 0.0625)
    #expect(half.stderr == drawn([1024, 2048, 3072, 4096, 5000], of: 5000))
    // A fast run never reaches the first interval: nothing drawn, nothing to erase.
    let fast = try run(rows: 5000, step: 0)
    #expect(fast.stderr == "")
  }

  @Test("nothing when stderr is no terminal, the output is the terminal, or the run is short")
  func hiddenOtherwise() throws {
    #expect(try run(rows: 5000, errorIsTerminal: false).stderr == "")
    #expect(try run(rows: 5000, outputIsTerminal: true).stderr == "")
    #expect(try run(rows: 999).stderr == "")
    #expect(try run(rows: 1000).stderr != "")
    try withTemporaryDirectory { dir in
      // Standard output is the terminal, but the rows go to a file.
      let toFile = try run(rows: 5000, outputIsTerminal: true, path: dir + "out.csv")
      #expect(toFile.stdout == "")
      #expect(toFile.stderr.hasSuffix(Self.clear))
      #expect(toFile.stderr.contains("activ: 100% (5,000 of 5,000 rows)"))
      #expect(readFile(dir + "out.csv") == (try run(rows: 5000, errorIsTerminal: false).stdout))
    }
  }

  @Test("a failed write erases the line before the error")
  func erasedBeforeError() {
    let error = MemorySink()
    #expect(
      throws: CLIError.writeFailed(target: "standard output", reason: SystemError.noSpace.message)
    ) {
      _ = try run(
        rows: 5000, output: MemorySink(failingAfter: 20_000, with: .noSpace), error: error)
    }
    #expect(error.text.hasPrefix("\ractiv: "))
    #expect(error.text.hasSuffix(Self.clear))
    // Through the whole program (2,000,001 rows, the real clock): any updates, the erasure, then
    // the error message on a clean line.
    let stderr = MemorySink()
    var console = Console(
      output: MemorySink(failingAfter: 15_000_000, with: .noSpace), error: stderr
    ) { () throws(SystemError) in [] }
    console.errorIsTerminal = true
    let status = Activ.run(["eval", "relu", "-1", "1", "--points", "2000001"], console: console)
    #expect(status == ExitCode.ioError.rawValue)
    let message = "error: cannot write to standard output: " + SystemError.noSpace.message + "\n"
    #expect(stderr.text.hasSuffix(message))
    let before = stderr.text.dropLast(message.count)
    #expect(before.isEmpty || before.hasSuffix(Self.clear), "\(before.suffix(80))")
  }
}
