import Activations

/// The x range of `eval`, `grad`, `table` and `plot`: the two numbers MIN MAX after the specs,
/// -5 5 when none are written, and MIN < MAX.
struct XRange {
  var low: DecimalArgument
  var high: DecimalArgument

  /// The range when none is written.
  static let standard = XRange(
    low: DecimalArgument(text: "-5", value: -5), high: DecimalArgument(text: "5", value: 5))

  /// The help line for the `MIN MAX` positionals.
  static let help = PositionalSpec(
    name: "MIN MAX",
    help: "The range, both ends included (default -5 5). Negative numbers need no quoting.")

  /// Splits the positionals of `SPEC... [MIN MAX]`: trailing number-shaped words are the range
  /// (two of them, or an error that says so), everything before them is a spec. The range is nil
  /// when none is written.
  static func split(_ words: [String], command: String) throws(CLIError) -> (
    specs: [String], range: XRange?
  ) {
    var specs = words
    // An empty word after the first reads as a missing number (`eval relu -1 ""`), not a spec.
    let trailing = words.indices.reversed().prefix { i in
      DecimalNumeral.isNumberShaped(words[i]) || (i > 0 && words[i].isEmpty)
    }.count
    switch trailing {
    case 0:
      return (specs, nil)
    case 1:
      throw .missingArgument(
        command: command, name: "both MIN and MAX (got only '\(words.last!)')")
    default:
      // Number-shaped words before the range are expressions (`2*x`) unless they are plain numbers.
      let extra = words.suffix(trailing).dropLast(2)
      if !extra.isEmpty && extra.allSatisfy({ DecimalNumeral($0) != nil || $0.isEmpty }) {
        throw .tooManyNumbers(command: command, numbers: Array(words.suffix(trailing)))
      }
      let range = XRange(
        low: try DecimalArgument(words[words.count - 2], name: "MIN"),
        high: try DecimalArgument(words[words.count - 1], name: "MAX"))
      specs.removeLast(2)
      return (specs, range)
    }
  }

  /// The written range, or ``standard`` when there is none; refuses MIN >= MAX.
  static func checked(_ written: XRange?) throws(CLIError) -> XRange {
    let range = written ?? standard
    guard range.low.value < range.high.value else {
      throw .emptyRange(min: range.low.text, max: range.high.text)
    }
    return range
  }
}
