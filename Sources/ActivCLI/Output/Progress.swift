/// A one-line progress indicator on standard error for a long run of rows (`activ: 42% (840,000
/// of 2,000,001 rows)`), redrawn in place with `\r` at most every ``Policy/interval`` seconds and
/// erased (`\r` and clear-to-end-of-line) when the run ends or fails, so an error message starts
/// on a clean line and a finished run leaves nothing behind.
///
/// It appears only when standard error is a terminal and the output is not a terminal (a file
/// given with `-o`, or standard output redirected): never in a pipe on standard error, and never
/// mixed into rows being written to the same screen.
final class Progress {
  /// When a run shows progress and how often it is redrawn; tests pass their own.
  struct Policy: Sendable {
    /// Runs with fewer rows finish too soon to need it.
    var minimumRows = 2_000_000
    /// Seconds between redraws (at most 10 a second); the first comes after one interval.
    var interval = 0.1
    /// Seconds on a monotonic clock.
    var clock: @Sendable () -> Double = { POSIX.monotonicSeconds }

    static let standard = Policy()
  }

  private let total: Int
  private let sink: ByteSink
  private let policy: Policy
  private var lastDrawn: Double
  private var isShown = false

  private init(total: Int, sink: ByteSink, policy: Policy) {
    self.total = total
    self.sink = sink
    self.policy = policy
    lastDrawn = policy.clock()
  }

  /// A progress indicator for writing `rows` rows to `target`, or nil when the run is too short,
  /// standard error is not a terminal, or the output goes to a terminal.
  static func start(rows: Int, console: Console, target: OutputTarget, policy: Policy)
    -> Progress?
  {
    guard rows >= policy.minimumRows, console.errorIsTerminal, !target.isTerminal else {
      return nil
    }
    return Progress(total: rows, sink: console.error, policy: policy)
  }

  /// Notes that `done` rows are written; redraws the line if the interval has passed.
  func update(done: Int) {
    let now = policy.clock()
    guard now - lastDrawn >= policy.interval else { return }
    lastDrawn = now
    isShown = true
    draw("\r" + Progress.message(done: done, total: total) + "\u{1B}[K")
  }

  /// Erases the line, if one was drawn. Safe to call twice.
  func finish() {
    guard isShown else { return }
    isShown = false
    draw("\r\u{1B}[K")
  }

  /// `activ: 42% (840,000 of 2,000,001 rows)`: the percentage rounded down, so 100% means done.
  static func message(done: Int, total: Int) -> String {
    let percent = total > 0 ? done * 100 / total : 100
    return "activ: \(percent)% (\(grouped(done)) of \(grouped(total)) rows)"
  }

  /// `n` with a comma between groups of three digits (independent of the locale).
  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var result = n < 0 ? "-" : ""
    for (i, digit) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }

  /// Progress is a courtesy: a standard error that cannot be written to is not an error here
  /// (the error report, if any, meets the same stream).
  private func draw(_ text: String) {
    try? sink.write(bytes: Array(text.utf8))
  }
}
