/// The candidate closest to a misspelt `word`, for "did you mean" hints: the smallest
/// Damerau–Levenshtein distance (case-insensitive, `_` and `-` ignored), if it is small enough to
/// be a plausible typo (at most a third of the word's length, and at most 3), or a candidate that
/// starts with the word.
package func closestMatch(to word: String, among candidates: [String]) -> String? {
  let target = Array(normalizedName(word).utf8)
  guard !target.isEmpty else { return nil }
  var best: (String, Int)?
  for candidate in candidates {
    let distance = editDistance(target, Array(normalizedName(candidate).utf8))
    if best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
  }
  guard let (name, distance) = best else { return nil }
  if distance <= min(3, max(1, target.count / 3)) { return name }
  return candidates.first { normalizedName($0).hasPrefix(String(decoding: target, as: UTF8.self)) }
}

/// A name folded for lookup: lower case, with `_` and `-` removed (`Hard-Swish` → `hardswish`).
package func normalizedName(_ name: String) -> String {
  String(name.lowercased().filter { $0 != "_" && $0 != "-" })
}

/// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
private func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous2 = [Int](repeating: 0, count: b.count + 1)
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        current[j] = min(current[j], previous2[j - 2] + 1)
      }
    }
    (previous2, previous, current) = (previous, current, previous2)
  }
  return previous[b.count]
}

/// User text as a message shows it: control characters escaped (NUL as `\0`, others as `\xNN`) and
/// anything past `limit` characters cut with "…", so a message stays one short line whatever was
/// typed or piped in.
package func excerpt(_ text: String, limit: Int = 60) -> String {
  var result = ""
  var count = 0
  for scalar in text.unicodeScalars {
    if count == limit { return result + "…" }
    count += 1
    switch scalar.value {
    case 0: result += "\\0"
    case 1..<32, 127:
      let hex = String(scalar.value, radix: 16)
      result += "\\x" + (hex.count == 1 ? "0" + hex : hex)
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result
}
