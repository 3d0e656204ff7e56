import Activations

/// The output layouts every command offers.
enum OutputFormat: String, CaseIterable, Sendable {
  /// RFC 4180 CSV: comma-separated, fields with `,`, `"` or line breaks quoted.
  case csv
  /// Tab-separated, one record per line.
  case tsv
  /// Aligned columns for reading at a terminal.
  case table
  /// One JSON array of objects, one object per row, keyed by the header's column names:
  /// `[`, then one object per line (`,` between), then `]`. Numbers are JSON numbers in the CSV's
  /// digits; nan and ±inf, which JSON cannot write, are `null`.
  case json
}

/// How numbers are written: shortest round-trip (the default), or a fixed number of significant
/// digits. Neither depends on the locale.
enum NumberStyle: Equatable, Sendable {
  case shortest
  case significant(Int)

  func format(_ x: Double) -> String {
    switch self {
    case .shortest: return shortestDecimal(x)
    case .significant(let digits):
      return x.isFinite ? POSIX.formatSignificant(x, precision: digits) : shortestDecimal(x)
    }
  }
}

/// Writes records (a header and rows of fields) in the chosen format. CSV and TSV stream; the
/// table layout needs every row's width first, so it keeps the rows until `finish`.
final class RecordWriter {
  enum Alignment {
    case left
    case right
  }

  private let format: OutputFormat
  let target: OutputTarget
  private let alignments: [Alignment]
  private var pending: [[String]] = []
  /// JSON's keys: the header's column names.
  private let keys: [String]
  /// JSON rows written so far through ``write(json:)``.
  private var jsonRows = 0

  /// Starts the output: the header line, or for JSON the opening `[` (JSON needs the header, its
  /// keys; ``OutputSettings`` refuses `--no-header` with it).
  init(format: OutputFormat, target: OutputTarget, header: [String]?, alignments: [Alignment])
    throws(CLIError)
  {
    self.format = format
    self.target = target
    self.alignments = alignments
    keys = header ?? []
    if format == .json {
      target.writer.append(byte: UInt8(ascii: "["))
    } else if let header {
      try write(header)
    }
  }

  var isJSON: Bool { format == .json }

  /// Writes one JSON object (the format must be JSON) from values already in JSON syntax (a
  /// number, `null`, a string literal, an array…), one per key, in the header's order.
  func write(json values: [String]) throws(CLIError) {
    precondition(format == .json)
    let writer = target.writer
    writer.append(jsonRows == 0 ? "\n  {" : ",\n  {")
    for (i, value) in values.enumerated() {
      writer.append((i > 0 ? ", " : "") + jsonString(i < keys.count ? keys[i] : "") + ": " + value)
    }
    writer.append(byte: UInt8(ascii: "}"))
    jsonRows += 1
    try target.flushIfFull()
  }

  /// For CSV, TSV and JSON, how rows of numbers are formatted straight into bytes (numbers never
  /// need quoting); nil for the table layout, which measures every field.
  var numberLayout: NumberRows.Layout? {
    switch format {
    case .csv: return .delimited(UInt8(ascii: ","))
    case .tsv: return .delimited(UInt8(ascii: "\t"))
    case .table: return nil
    case .json: return .json(keys: keys)
    }
  }

  /// Writes a row of text fields: in JSON each becomes a string.
  func write(_ fields: [String]) throws(CLIError) {
    switch format {
    case .json:
      try write(json: fields.map(jsonString))
    case .table:
      pending.append(fields)
    case .csv, .tsv:
      let writer = target.writer
      for (i, field) in fields.enumerated() {
        if i > 0 { writer.append(byte: format == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t")) }
        writer.append(format == .csv ? csvField(field) : tsvField(field))
      }
      writer.append(byte: UInt8(ascii: "\n"))
      try target.flushIfFull()
    }
  }

  /// Writes what the table layout held back, or JSON's closing `]`; the caller then commits the
  /// target.
  func finish() throws(CLIError) {
    if format == .json {
      target.writer.append("\n]\n")
      return
    }
    guard format == .table, !pending.isEmpty else { return }
    let columns = pending.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in pending {
      for (i, field) in row.enumerated() { widths[i] = max(widths[i], field.count) }
    }
    let writer = target.writer
    for row in pending {
      var line = ""
      for (i, field) in row.enumerated() {
        let padding = String(repeating: " ", count: widths[i] - field.count)
        let isLast = i == row.count - 1
        if i > 0 { line += "  " }
        switch i < alignments.count ? alignments[i] : .left {
        case .right: line += padding + field
        case .left: line += isLast ? field : field + padding
        }
      }
      writer.append(line)
      writer.append(byte: UInt8(ascii: "\n"))
      try target.flushIfFull()
    }
    pending.removeAll()
  }

  private func csvField(_ field: String) -> String {
    guard
      field.utf8.contains(where: {
        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
      })
    else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private func tsvField(_ field: String) -> String {
    String(field.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
  }
}

extension String {
  /// Every occurrence of `target` replaced (activ keeps Foundation out of the CLI).
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(
      separator: replacement)
  }
}
