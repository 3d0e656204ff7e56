import Activations

/// Reads the numbers of `--input`: one per line, or the first column of a CSV/TSV.
///
/// Blank lines and lines whose first non-space character is `#` are skipped; a UTF-8 byte-order
/// mark and CRLF line ends are accepted. Besides decimals, `nan`, `inf` and `-inf` are accepted
/// (case-insensitive), since activ's own output can contain them. Anything else stops the run with
/// a data error naming the line, before any output is written. An input with no numbers gives
/// the header alone, as an empty pipe into a filter gives nothing.
enum InputReader {
  static func numbers(from path: String, console: Console) throws(CLIError) -> [Double] {
    let bytes: [UInt8]
    let source = path == "-" ? "<stdin>" : path
    do {
      bytes = path == "-" ? try console.input() : try POSIX.readFile(path)
    } catch {
      throw .unreadableInput(path: source, reason: error.message)
    }
    return try parse(bytes, source: source)
  }

  static func parse(_ bytes: [UInt8], source: String) throws(CLIError) -> [Double] {
    var values: [Double] = []
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    var lineNumber = 0
    for rawLine in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = rawLine
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      let field = line.prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "\t") }
      let trimmed = field.drop { $0 == 32 }.reversed().drop { $0 == 32 }.reversed()
      let text = String(decoding: trimmed, as: UTF8.self)
      if text.isEmpty && line.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
      if line.drop(while: { $0 == 32 || $0 == 9 }).first == UInt8(ascii: "#") { continue }
      guard !trimmed.contains(0), let value = DecimalNumeral.dataValue(text) else {
        throw .badInputLine(source: source, line: lineNumber, text: printable(line))
      }
      values.append(value)
    }
    return values
  }

  /// The line as it can be shown in one message line: control characters escaped, invalid
  /// UTF-8 replaced, long lines cut (``excerpt(_:limit:)``).
  static func printable(_ line: ArraySlice<UInt8>) -> String {
    excerpt(String(decoding: line, as: UTF8.self))
  }
}
