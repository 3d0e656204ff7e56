import Activations

/// The output options every command shares, read once from a parsed command line.
struct OutputSettings {
  var format: OutputFormat
  var numbers: NumberStyle
  var header: Bool
  var path: String?

  /// The output options of a command line; refuses `--no-header` with `--format json` (JSON's
  /// keys are the header).
  init(_ parsed: ParsedArguments, defaultFormat: OutputFormat = .csv) throws(CLIError) {
    format =
      parsed.value(SharedOptions.format).flatMap(OutputFormat.init(rawValue:)) ?? defaultFormat
    if format == .json && parsed.has(SharedOptions.noHeader) {
      throw .conflictingOptions(SharedOptions.noHeader.displayName, "--format json")
    }
    numbers =
      parsed.value(SharedOptions.precision).flatMap(Int.init).map(NumberStyle.significant)
      ?? .shortest
    header = !parsed.has(SharedOptions.noHeader)
    path = parsed.value(SharedOptions.output)
  }

  /// Opens the target, writes the records `body` produces, and commits; on any failure the target
  /// is abandoned, so a file is either complete or untouched.
  func write(
    header fields: [String], alignments: [RecordWriter.Alignment], console: Console,
    body: (RecordWriter) throws(CLIError) -> Void
  ) throws(CLIError) {
    try OutputTarget.writing(path, console: console) { target throws(CLIError) in
      let writer = try RecordWriter(
        format: format, target: target, header: header ? fields : nil, alignments: alignments)
      try body(writer)
      try writer.finish()
    }
  }
}
