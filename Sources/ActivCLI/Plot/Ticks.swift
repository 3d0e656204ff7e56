import Activations

/// Tick positions and labels for one axis.
///
/// The step is the smallest of {1, 2, 2.5, 5}·10ᵏ that puts at most `maximumCount` ticks in the
/// range (matplotlib's rule). Tick i is the integer n = i·S times 10^E for the step S·10^E, and its
/// label is that integer with the decimal point inserted, one number of decimals per axis
/// (0.0 0.5 1.0), a real minus sign (U+2212), and never "−0": `0.3`, not `0.30000000000000004`.
struct AxisTicks: Equatable {
  var values: [Double]
  var labels: [String]

  static func make(range: ClosedRange<Double>, maximumCount: Int) -> AxisTicks {
    let (low, high) = (range.lowerBound, range.upperBound)
    let span = high - low
    guard span > 0, span.isFinite else { return AxisTicks(values: [], labels: []) }
    var exponent = PowersOfTen.exponent(of: span / Double(max(1, maximumCount))) - 1
    while true {
      for (mantissa, shift) in [(Int64(1), 0), (2, 0), (25, -1), (5, 0)] {
        let stepExponent = exponent + shift
        let step = Double(mantissa) * PowersOfTen.double(stepExponent)
        let first = (low / step - 1e-9).rounded(.up)
        let last = (high / step + 1e-9).rounded(.down)
        guard last - first + 1 <= Double(maximumCount) else { continue }
        return ticks(
          from: Int64(first), to: Int64(last), mantissa: mantissa, exponent: stepExponent)
      }
      exponent += 1
    }
  }

  private static func ticks(from first: Int64, to last: Int64, mantissa: Int64, exponent: Int)
    -> AxisTicks
  {
    guard first <= last else { return AxisTicks(values: [], labels: []) }
    var values: [Double] = []
    var labels: [String] = []
    for n in first...last {
      let integer = n * mantissa
      values.append(
        ScaledDecimal.double(mantissa: integer, exponent: exponent) ?? Double(integer)
          * PowersOfTen.double(exponent))
      labels.append(label(integer, exponent: exponent))
    }
    return AxisTicks(values: values, labels: labels)
  }

  /// `integer·10^exponent` written with max(0, −exponent) decimals and a real minus sign.
  static func label(_ integer: Int64, exponent: Int) -> String {
    if exponent > 6 || exponent < -8 {
      let text = shortestDecimal(Double(integer) * PowersOfTen.double(exponent))
      return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }
    var digits = String(integer.magnitude)
    if exponent > 0 { digits += String(repeating: "0", count: exponent) }
    if exponent < 0 {
      let decimals = -exponent
      if digits.count <= decimals {
        digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
      }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    }
    return integer < 0 ? "\u{2212}" + digits : digits
  }
}
