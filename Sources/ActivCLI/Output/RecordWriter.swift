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

/// Writes records (a header and rows of fields) in the chosen format. CSV, TSV and JSON stream in
/// their ``RecordLayout``; the table layout needs every row's width first, so it keeps the rows
/// until `finish`.
final class RecordWriter {
  enum Alignment {
    case left
    case right
  }

  private let format: OutputFormat
  let target: OutputTarget
  /// How CSV, TSV and JSON records are laid out; nil for the table layout.
  let layout: RecordLayout?
  private let alignments: [Alignment]
  private var pending: [[String]] = []
  /// Records written so far through the layout (JSON puts a `,` before all but the first).
  private var records = 0

  /// Starts the output: the header line, or for JSON the opening `[` (JSON needs the header, its
  /// keys; ``OutputSettings`` refuses `--no-header` with it).
  init(format: OutputFormat, target: OutputTarget, header: [String]?, alignments: [Alignment])
    throws(CLIError)
  {
    self.format = format
    self.target = target
    self.alignments = alignments
    switch format {
    case .csv: layout = .delimited(UInt8(ascii: ","))
    case .tsv: layout = .delimited(UInt8(ascii: "\t"))
    case .table: layout = nil
    case .json: layout = .json(keys: header ?? [])
    }
    target.writer.buffer.append(layout?.opening ?? [])
    if let header, format != .json { try write(header) }
  }

  var isJSON: Bool { format == .json }

  /// Writes one JSON object (the format must be JSON) from values already in JSON syntax (a
  /// number, `null`, a string literal, an array…), one per key, in the header's order.
  func write(json values: [String]) throws(CLIError) {
    precondition(format == .json)
    try writeRecord(values)
  }

  /// Writes a row of text fields: in JSON each becomes a string.
  func write(_ fields: [String]) throws(CLIError) {
    switch format {
    case .json: try writeRecord(fields.map(jsonString))
    case .table: pending.append(fields)
    case .csv: try writeRecord(fields.map(csvField))
    case .tsv: try writeRecord(fields.map(tsvField))
    }
  }

  private func writeRecord(_ fields: [String]) throws(CLIError) {
    layout!.append(record: fields, index: records, to: target.writer.buffer)
    records += 1
    try target.flushIfFull()
  }

  /// Writes what the table layout held back, or JSON's closing `]`; the caller then commits the
  /// target.
  func finish() throws(CLIError) {
    target.writer.buffer.append(layout?.closing ?? [])
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
