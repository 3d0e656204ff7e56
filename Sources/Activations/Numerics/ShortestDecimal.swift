/// The shortest decimal that reads back as exactly `x`, without a trailing ".0": `0.1`, `-3`,
/// `1e-05`, `-0`, `inf`, `nan`. Independent of the locale.
package func shortestDecimal(_ x: Double) -> String {
  let text = x.description
  if text.hasSuffix(".0") { return String(text.dropLast(2)) }
  return text
}
