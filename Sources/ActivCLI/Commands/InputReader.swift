import Activations

/// Reads the numbers of `--input`: one per line, or one column of a CSV/TSV (the first, or the
/// one `--column` picks).
///
/// Blank lines and lines whose first non-space character is `#` are skipped; a UTF-8 byte-order
/// mark and CRLF line ends are accepted. The first remaining line is a header when its first
/// field is not a number (activ's own CSV starts `x,relu`): it is skipped, and its fields name the
/// columns for `--column NAME`. Besides decimals, `nan`, `inf` and `-inf` are accepted
/// (case-insensitive), since activ's own output can contain them. Anything else stops the run with
/// a data error naming the line, before any output is written. An input with no numbers gives
/// the header alone, as an empty pipe into a filter gives nothing.
enum InputReader {
  /// Which column `--column` picks: a 1-based index (all digits) or a header name.
  enum Column: Equatable, Sendable {
    case index(Int)
    case name(String)

    /// `--column`'s text: digits are an index (so a header named `2` is reached by its place),
    /// anything else a name.
    init(_ text: String) throws(CLIError) {
      if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
      {
        guard let n = Int(text), n >= 1 else {
          throw .badOptionValue(
            option: "--column", value: text, expected: "a column name or a number from 1")
        }
        self = .index(n)
      } else {
        guard !text.isEmpty else {
          throw .badOptionValue(
            option: "--column", value: text, expected: "a column name or a number from 1")
        }
        self = .name(text)
      }
    }
  }

  static func numbers(from path: String, column: Column? = nil, console: Console)
    throws(CLIError) -> [Double]
  {
    let input = try bytes(of: path, console: console)
    return try parse(input.bytes, source: input.source, column: column)
  }

  /// The bytes of an input file, or of standard input for `-` or no path, with the name messages
  /// give it (`<stdin>` for standard input); an unreadable one is refused naming it.
  static func bytes(of path: String?, console: Console) throws(CLIError)
    -> (bytes: [UInt8], source: String)
  {
    guard let path, path != "-" else {
      do {
        return (try console.input(), "<stdin>")
      } catch {
        throw .unreadableInput(path: "<stdin>", reason: error.message)
      }
    }
    do {
      return (try POSIX.readFile(path), path)
    } catch {
      throw .unreadableInput(path: path, reason: error.message)
    }
  }

  static func parse(_ bytes: [UInt8], source: String, column: Column? = nil) throws(CLIError)
    -> [Double]
  {
    var values: [Double] = []
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    var lineNumber = 0
    var seenFirst = false
    /// The 0-based field to read, once known.
    var index: Int? = nil
    if case .index(let n) = column { index = n - 1 }
    for rawLine in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = rawLine
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      if line.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
      if line.drop(while: { $0 == 32 || $0 == 9 }).first == UInt8(ascii: "#") { continue }
      let fields = line.split(
        omittingEmptySubsequences: false,
        whereSeparator: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\t") }
      ).map { field in
        String(
          decoding: field.drop { $0 == 32 }.reversed().drop { $0 == 32 }.reversed(), as: UTF8.self)
      }
      if !seenFirst {
        seenFirst = true
        if !fields[0].utf8.contains(0), DecimalNumeral.dataValue(fields[0]) == nil {
          // A header: skipped; its fields name the columns.
          switch column {
          case .name(let name):
            guard let found = fields.firstIndex(of: name) else {
              let names = fields.map { excerpt($0) }
              throw .inputColumn(
                source: source, line: lineNumber,
                problem: .unknownName(
                  name: name, columns: names, suggestion: closestMatch(to: name, among: names)))
            }
            index = found
          case .index(let n) where n > fields.count:
            throw .inputColumn(
              source: source, line: lineNumber,
              problem: .indexOutOfRange(index: n, count: fields.count))
          default: break
          }
          continue
        }
        if case .name(let name) = column {
          throw .inputColumn(source: source, line: lineNumber, problem: .noHeader(name: name))
        }
      }
      let at = index ?? 0
      guard at < fields.count else {
        throw .inputColumn(
          source: source, line: lineNumber,
          problem: .shortRow(index: at + 1, count: fields.count))
      }
      let text = fields[at]
      guard !text.utf8.contains(0), let value = DecimalNumeral.dataValue(text) else {
        // With the first column read, the whole line is shown as before; otherwise the field.
        let shown = at == 0 ? printable(line) : excerpt(text)
        throw .badInputLine(source: source, line: lineNumber, text: shown)
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

/// What is wrong with the column `--column` asks `--input` for.
enum InputColumnProblem: Equatable, Sendable {
  /// `--column NAME` and no header field is NAME.
  case unknownName(name: String, columns: [String], suggestion: String?)
  /// `--column N` and the header has fewer fields.
  case indexOutOfRange(index: Int, count: Int)
  /// `--column NAME` and the first line is data, not a header.
  case noHeader(name: String)
  /// A data row with fewer fields than the column read.
  case shortRow(index: Int, count: Int)

  var message: String {
    switch self {
    case .unknownName(let name, let columns, let suggestion):
      return "no column '\(excerpt(name))' in the header ("
        + columns.joined(separator: ", ") + ")" + didYouMean(suggestion)
    case .indexOutOfRange(let index, let count):
      return "--column \(index), but the header has \(count) column\(count == 1 ? "" : "s")"
    case .noHeader(let name):
      return "--column '\(excerpt(name))' names a column, but the input has no header line; "
        + "pick the column by its number, --column N"
    case .shortRow(let index, let count):
      return "this row has \(count) field\(count == 1 ? "" : "s"), so no column \(index)"
    }
  }
}
