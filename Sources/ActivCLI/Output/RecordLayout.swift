/// How CSV, TSV and JSON lay a record's fields out as bytes: the one place their framing is
/// written, shared by records of text (``RecordWriter``) and rows of numbers (``NumberRows``). The
/// fields arrive already in their syntax (a CSV field quoted, a JSON value); the aligned table
/// layout measures every field first, so it is not one of these.
enum RecordLayout: Sendable, Equatable {
  /// The fields separated by this byte (CSV's comma, TSV's tab), a newline after each record.
  case delimited(UInt8)
  /// A JSON array of objects keyed by the column names: `[`, then each record on its own line as
  /// `{"x": 1, "mish": 0.86…}`, with `,` between records, then a newline and `]`.
  case json(JSONFraming)

  /// The JSON layout for these keys.
  static func json(keys: [String]) -> RecordLayout {
    .json(JSONFraming(keys: keys))
  }

  /// What ends a delimited record.
  static let newline = UInt8(ascii: "\n")

  /// What comes before the first record.
  var opening: [UInt8] {
    if case .json = self { return JSONFraming.opening }
    return []
  }

  /// What comes after the last record.
  var closing: [UInt8] {
    if case .json = self { return JSONFraming.closing }
    return []
  }

  /// Appends record `index` (counted from 0) of `fields`, each already in the format's syntax
  /// (for JSON one value per key).
  func append(record fields: [String], index: Int, to buffer: ByteBuffer) {
    switch self {
    case .delimited(let separator):
      for (i, field) in fields.enumerated() {
        if i > 0 { buffer.append(byte: separator) }
        buffer.append(field)
      }
      buffer.append(byte: Self.newline)
    case .json(let framing):
      precondition(fields.count == framing.keyPrefixes.count + 1, "one JSON value per key")
      buffer.append(framing.recordStart(index))
      for (i, field) in fields.enumerated() {
        if i > 0 { buffer.append(framing.keyPrefixes[i - 1]) }
        buffer.append(field)
      }
      buffer.append(byte: JSONFraming.recordEnd)
    }
  }
}

/// The bytes around JSON records: the array's brackets, and what goes before each value of a
/// record (the record's opening with the first key, then `, "key": `) and after its last.
struct JSONFraming: Sendable, Equatable {
  /// What comes before the first record.
  static let opening = Array("[".utf8)
  /// What comes after the last record (an empty array is `[`, newline, `]`).
  static let closing = Array("\n]\n".utf8)
  /// What ends a record.
  static let recordEnd = UInt8(ascii: "}")

  /// Before the first value of a record: the first record's, the others' (after a `,`).
  private let firstRecordStart: [UInt8]
  private let nextRecordStart: [UInt8]
  /// Before value i of a record, for i ≥ 1: `, "key": `.
  let keyPrefixes: [[UInt8]]

  init(keys: [String]) {
    let start = Array("\n  {".utf8)
    let first = keys.first.map(Self.keyPrefix) ?? []
    firstRecordStart = start + first
    nextRecordStart = Array(",".utf8) + start + first
    keyPrefixes = keys.dropFirst().map { Array(", ".utf8) + Self.keyPrefix($0) }
  }

  private static func keyPrefix(_ key: String) -> [UInt8] {
    Array((jsonString(key) + ": ").utf8)
  }

  /// What opens record `index` (counted from 0) up to its first value.
  @inline(__always)
  func recordStart(_ index: Int) -> [UInt8] {
    index == 0 ? firstRecordStart : nextRecordStart
  }
}

extension ByteBuffer {
  /// Appends JSON's `null`, what activ writes for nan and ±inf.
  @inline(__always)
  func appendNull() {
    append(reserving: 4) { out in
      out[0] = UInt8(ascii: "n")
      out[1] = UInt8(ascii: "u")
      out[2] = UInt8(ascii: "l")
      out[3] = UInt8(ascii: "l")
      return 4
    }
  }
}

/// A JSON string literal: quotes, backslashes and control characters escaped.
func jsonString(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    case "\n": result += "\\n"
    case "\t": result += "\\t"
    default:
      if scalar.value < 0x20 {
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
  }
  return result + "\""
}
