/// The streams a run of activ uses, and what it knows of the terminal: the one place commands and
/// renderers learn whether output is a terminal, how wide it is and whether to colour it, so an
/// in-process run (a test) decides all of it. `input` reads all of standard input when a command
/// asks.
package struct Console {
  package var output: ByteSink
  package var error: ByteSink
  package var input: () throws(SystemError) -> [UInt8]
  /// Whether standard output is a terminal (false unless set; ``standard`` asks the system).
  package var outputIsTerminal = false
  /// Whether standard error is a terminal, where a long run shows ``Progress`` (false unless set;
  /// ``standard`` asks the system).
  package var errorIsTerminal = false
  /// The width in cells of the terminal on standard output, if it says (nil unless set).
  var terminalColumns: Int? = nil
  /// The environment variables that decide width and colour (`COLUMNS`, `NO_COLOR`, `TERM`); none
  /// unless set.
  var environment: (String) -> String? = { _ in nil }

  package init(
    output: ByteSink, error: ByteSink, input: @escaping () throws(SystemError) -> [UInt8]
  ) {
    self.output = output
    self.error = error
    self.input = input
  }

  /// The process's own standard streams, terminal and environment.
  package static var standard: Console {
    var console = Console(
      output: FileDescriptorSink(fd: POSIX.standardOutput),
      error: FileDescriptorSink(fd: POSIX.standardError),
      input: { () throws(SystemError) in try POSIX.readAll(POSIX.standardInput) })
    console.outputIsTerminal = POSIX.isTerminal(POSIX.standardOutput)
    console.errorIsTerminal = POSIX.isTerminal(POSIX.standardError)
    console.terminalColumns = POSIX.terminalColumns(POSIX.standardOutput)
    console.environment = POSIX.environmentVariable
    return console
  }

  /// The width in cells for text drawn on standard output: `COLUMNS` (a positive integer), else the
  /// terminal's width when standard output is a terminal, else nil (the caller's default).
  var outputColumns: Int? {
    if let text = environment("COLUMNS"), let value = Int(text), value > 0 { return value }
    if outputIsTerminal, let value = terminalColumns, value > 0 { return value }
    return nil
  }

  /// Whether to colour standard output. `.auto` colours only a terminal, with `NO_COLOR` unset or
  /// empty and `TERM` not `dumb`; an explicit `.always` overrides `NO_COLOR`, as no-color.org asks
  /// of flags.
  func colorsOutput(_ mode: ColorMode) -> Bool {
    switch mode {
    case .always: return true
    case .never: return false
    case .auto:
      let noColor = environment("NO_COLOR").map { !$0.isEmpty } ?? false
      return outputIsTerminal && !noColor && environment("TERM") != "dumb"
    }
  }
}

/// When to colour terminal output (`--color`).
enum ColorMode: String, CaseIterable, Sendable {
  case auto
  case always
  case never
}
