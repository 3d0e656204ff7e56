import Activations

/// The CSV form of the feature maps of `activ apply`, read and written: rows of one channel (H
/// lines of W numbers), channels separated by one blank line.
///
/// Reading also accepts values separated by spaces or tabs instead of commas (numpy's `savetxt`
/// writes spaces): the first row with more than one value decides for the whole file, and a
/// later row separated the other way is a data error naming its line. Output is always CSV.
///
/// Reading accepts a UTF-8 byte-order mark, CRLF line ends, spaces around values, lines starting
/// with `#` (skipped), blank lines at the end, and `nan`/`inf` as in `--input`. Anything else
/// that does not make C equal channels of H×W numbers is a data error naming the line, the
/// column, the channel and the row.
enum FeatureMapCSV {
  /// How the values of a row are separated: commas (CSV), or runs of spaces and tabs (numpy's
  /// `savetxt`, a TSV).
  enum Separator { case comma, whitespace }

  static func read(from path: String?, console: Console) throws(CLIError) -> FeatureMap {
    let input = try InputReader.bytes(of: path, console: console)
    return try parse(input.bytes, source: input.source)
  }

  static func parse(_ bytes: [UInt8], source: String) throws(CLIError) -> FeatureMap {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    var values: [Double] = []
    var width: Int? = nil
    var height: Int? = nil
    var channel = 1
    var rowsInChannel = 0
    /// A blank line before the first row or after the one that ended a channel: an empty
    /// channel, unless only blank lines follow to the end.
    var extraBlank: Int? = nil
    var lineNumber = 0
    /// How values are separated, and the line that decided it: the first row with more than one
    /// value (a row of one value fits either).
    var separator: (Separator, Int)? = nil

    func endChannel(at line: Int) throws(CLIError) {
      if let height, rowsInChannel != height {
        throw .badFeatureMap(
          source: source, line: line,
          problem: .channelHeight(channel: channel, rows: rowsInChannel, expected: height))
      }
      height = rowsInChannel
    }

    for rawLine in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = rawLine
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      let content = line.drop { $0 == 32 || $0 == 9 }
      if content.first == UInt8(ascii: "#") { continue }
      if content.isEmpty {
        if rowsInChannel > 0 {
          try endChannel(at: lineNumber)
          channel += 1
          rowsInChannel = 0
        } else if extraBlank == nil {
          extraBlank = lineNumber
        }
        continue
      }
      if let extraBlank {
        throw .badFeatureMap(
          source: source, line: extraBlank, problem: .emptyChannel(channel: channel))
      }
      rowsInChannel += 1
      let hasComma = line.contains(UInt8(ascii: ","))
      let inner = line.drop { $0 == 32 || $0 == 9 }.reversed().drop { $0 == 32 || $0 == 9 }
      let hasGap = inner.contains { $0 == 32 || $0 == 9 }
      if separator == nil && (hasComma || hasGap) {
        separator = (hasComma ? .comma : .whitespace, lineNumber)
      }
      if let (kind, first) = separator, kind == .comma ? !hasComma && hasGap : hasComma {
        throw .badFeatureMap(
          source: source, line: lineNumber,
          problem: .mixedSeparators(
            found: kind == .comma ? "spaces or tabs" : "commas",
            expected: kind == .comma ? "commas" : "spaces or tabs", firstLine: first))
      }
      let fields: [ArraySlice<UInt8>] =
        separator?.0 == .comma
        ? line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        : line.split(whereSeparator: { $0 == 32 || $0 == 9 })
      var count = 0
      for field in fields {
        count += 1
        let trimmed = field.drop { $0 == 32 || $0 == 9 }.reversed().drop { $0 == 32 || $0 == 9 }
          .reversed()
        guard !trimmed.isEmpty else {
          throw .badFeatureMap(
            source: source, line: lineNumber, problem: .emptyValue(column: count))
        }
        guard !trimmed.contains(0),
          let value = DecimalNumeral.dataValue(String(decoding: trimmed, as: UTF8.self))
        else {
          throw .badFeatureMap(
            source: source, line: lineNumber,
            problem: .notANumber(
              column: count, text: InputReader.printable(ArraySlice(trimmed))))
        }
        values.append(value)
      }
      if let width, count != width {
        throw .badFeatureMap(
          source: source, line: lineNumber,
          problem: .raggedRow(channel: channel, row: rowsInChannel, count: count, expected: width))
      }
      width = count
    }
    guard let width else { throw .badFeatureMap(source: source, line: 1, problem: .noData) }
    if rowsInChannel > 0 {
      try endChannel(at: lineNumber)
    } else {
      // The input ended with blank lines after the last channel: they close it, nothing more.
      channel -= 1
    }
    return FeatureMap(channels: channel, height: height!, width: width, values: values)
  }

  /// Writes the map in the layout it was read in.
  static func write(_ map: FeatureMap, numbers: NumberStyle, to target: OutputTarget)
    throws(CLIError)
  {
    let writer = target.writer
    for c in 0..<map.channels {
      if c > 0 { writer.append(byte: UInt8(ascii: "\n")) }
      for h in 0..<map.height {
        for w in 0..<map.width {
          if w > 0 { writer.append(byte: UInt8(ascii: ",")) }
          writer.buffer.append(map[c, h, w], style: numbers)
        }
        writer.append(byte: UInt8(ascii: "\n"))
        try target.flushIfFull()
      }
    }
  }
}
