import Activations

/// The positionals of the commands that take `SPEC... [MIN MAX]`: trailing numbers are the range
/// (two of them, or an error that says so), everything before them is a spec.
func specsAndRange(_ words: [String], command: String) throws(CLIError) -> (
  specs: [String], range: (Bound, Bound)?
) {
  var specs = words
  // An empty word after the first reads as a missing number (`eval relu -1 ""`), not a spec.
  let trailing = words.indices.reversed().prefix { i in
    looksLikeNumber(words[i]) || (i > 0 && words[i].isEmpty)
  }.count
  switch trailing {
  case 0:
    return (specs, nil)
  case 1:
    throw .missingArgument(command: command, name: "both MIN and MAX (got only '\(words.last!)')")
  default:
    // Number-shaped words before the range are expressions (`2*x`) unless they are plain numbers.
    let extra = words.suffix(trailing).dropLast(2)
    if !extra.isEmpty && extra.allSatisfy({ parseDecimal($0) != nil || $0.isEmpty }) {
      throw .tooManyNumbers(command: command, numbers: Array(words.suffix(trailing)))
    }
    let range = (
      try bound(words[words.count - 2], name: "MIN"), try bound(words[words.count - 1], name: "MAX")
    )
    specs.removeLast(2)
    return (specs, range)
  }
}

/// A range bound: a finite decimal.
func bound(_ text: String, name: String) throws(CLIError) -> Bound {
  guard let value = parseDecimal(text) else { throw .badNumber(name: name, text: text) }
  return Bound(text: text, value: value)
}

/// Whether a positional is meant as a number (so a range can be told from specs): it starts with
/// a digit, a sign or a point, or is a non-finite word.
func looksLikeNumber(_ word: String) -> Bool {
  guard let first = word.utf8.first else { return false }
  if (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: "-")
    || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
  {
    return true
  }
  return ["inf", "infinity", "nan"].contains(word.lowercased())
}
