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
    var trailing = words.indices.reversed().prefix { i in
      DecimalNumeral.isNumberShaped(words[i]) || (i > 0 && words[i].isEmpty)
    }.count
    // The first word is a spec when it is no plain number (`eval -- -x^2`, `eval 2*x 0 1`).
    if trailing == words.count, let first = words.first, DecimalNumeral(first) == nil {
      trailing -= 1
    }
    // A word of two numbers with a colon is a range written wrong wherever it is.
    for word in words { try refuseColon(word) }
    // Plain numbers among the specs: a range written before the functions, or a constant.
    let misplaced = words.dropLast(trailing).filter { DecimalNumeral($0) != nil }
    switch trailing {
    case 0:
      try refuseNumbers(misplaced, range: [], words: words, command: command)
      return (specs, nil)
    case 1:
      try refuseNumbers(misplaced, range: [words.last!], words: words, command: command)
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
      try refuseNumbers(misplaced, range: Array(words.suffix(2)), words: words, command: command)
      return (specs, range)
    }
  }

  /// Refuses plain numbers among the specs: with the range they complete to two numbers, a range
  /// written before (or among) the functions, answered with the command line that puts it after
  /// them; otherwise a number where a SPEC goes (``SpecWords`` says how to write a constant).
  private static func refuseNumbers(
    _ numbers: [String], range: [String], words: [String], command: String
  ) throws(CLIError) {
    guard let first = numbers.first else { return }
    guard numbers.count + range.count == 2 else { throw .numberAsSpec(first) }
    let functions = words.filter { !numbers.contains($0) && !range.contains($0) }
    let fix = (["activ", command] + (functions + numbers + range).map(shellWord))
    throw .misplacedRange(fix: fix.joined(separator: " "))
  }

  /// Refuses `LO:HI` (`-3:3`, `0:1`) where one number of a range goes: two numbers are wanted.
  static func refuseColon(_ word: String, option: String? = nil) throws(CLIError) {
    guard let colon = word.firstIndex(of: ":") else { return }
    let low = String(word[..<colon])
    let high = String(word[word.index(after: colon)...])
    guard DecimalNumeral(low) != nil, DecimalNumeral(high) != nil else { return }
    throw .colonRange(option: option, text: word, low: low, high: high)
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
