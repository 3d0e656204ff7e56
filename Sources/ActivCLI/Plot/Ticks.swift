import Activations

/// Tick positions and labels for one axis, for the SVG and the terminal plot alike.
///
/// **Step.** The smallest of {1, 2, 2.5, 5}·10ᵏ that puts at most `length / spacing` ticks in the
/// range (matplotlib's rule) and whose labels neither overlap each other (given their extents along
/// the axis and a gap) nor run past the room around the axis; an end tick whose label would still
/// leave that room is dropped. Tick i is the integer kᵢ times 10^E, kept as an integer, so labels
/// are exact decimals and never float noise.
///
/// **Labels** (U+2212 for minus, never `−0`, one number of decimals per axis):
/// - plain decimals when they are short: at most 6 integer digits and 7 characters in all
///   (`0.25`, `−300`, `140`, `999990`);
/// - otherwise, as matplotlib's ScalarFormatter does, a `note` written once at the axis end holds
///   what the labels leave out: an offset when the range is narrow and far from zero (|value| at
///   least 1000 times the span: `1000` to `1000.001` is labelled `0.0000` … `0.0010` with note
///   `+1000`) and a power-of-ten factor when the (offset-removed) values are still too long
///   (`3e-8` to `3.5e-8` is labelled `3.0` … `3.5` with note `×1e−8`; `−1e6` to `1e6` `−1.0` … `1.0`
///   with `×1e6`). Value = label × factor + offset; the note reads `×1e−8 +1000` when both apply.
///   The offset itself is plain when short, else scientific (`+1.5e300`).
struct AxisTicks: Equatable {
  var values: [Double]
  var labels: [String]
  /// What the labels leave out, written once at the axis end (`×1e6`, `+1000`, `×1e−8 +3e−5`), or
  /// nil when the labels are the values.
  var note: String? = nil

  /// The SVG axes' and terminal axes' room for labels: the axis length, the least distance between
  /// ticks, each label's size along the axis (an x label's width, a y label's height), the least
  /// gap between labels, and how far labels may reach before the axis start and past its end.
  struct Room {
    var length: Double
    var spacing: Double
    var extent: (String) -> Double = { _ in 0 }
    var gap: Double = 0
    var before: Double = .infinity
    var after: Double = .infinity
  }

  /// At most `maximumCount` ticks, labels taking no room.
  static func make(range: ClosedRange<Double>, maximumCount: Int) -> AxisTicks {
    make(range: range, room: Room(length: Double(maximumCount), spacing: 1))
  }

  static func make(range: ClosedRange<Double>, room: Room) -> AxisTicks {
    let (low, high) = (range.lowerBound, range.upperBound)
    let span = high - low
    let none = AxisTicks(values: [], labels: [])
    guard span > 0, span.isFinite, low.isFinite, high.isFinite else { return none }
    let maximumCount = max(2, Int(room.length / room.spacing))
    let spanExponent = PowersOfTen.exponent(of: span)
    var exponent = PowersOfTen.exponent(of: span / Double(maximumCount)) - 1
    while exponent <= spanExponent + 1 {
      for (mantissa, shift) in [(Int64(1), 0), (2, 0), (25, -1), (5, 0)] {
        let stepExponent = exponent + shift
        let step = Double(mantissa) * PowersOfTen.double(stepExponent)
        // Slack for the rounding of the quotients, which grows with their size.
        let slack = 1e-9 + max(abs(low), abs(high)) / step * 1e-15
        let first = (low / step - slack).rounded(.up)
        let last = (high / step + slack).rounded(.down)
        guard last - first + 1 <= Double(maximumCount), first <= last,
          max(abs(first), abs(last)) < 1e17
        else { continue }
        let integers = (Int64(first)...Int64(last)).map { $0 * mantissa }
        var ticks = ticks(integers, exponent: stepExponent)
        let position = { (value: Double) in (value - low) / span * room.length }
        let fits = zip(ticks.values, ticks.labels).adjacentPairs().allSatisfy { a, b in
          position(b.0) - position(a.0)
            >= (room.extent(a.1) + room.extent(b.1)) / 2 + room.gap
        }
        guard fits else { continue }
        // An end label that would leave the room around the axis goes, with its tick.
        if let label = ticks.labels.last,
          position(ticks.values.last!) + room.extent(label) / 2 > room.length + room.after
        {
          ticks.values.removeLast()
          ticks.labels.removeLast()
        }
        if let label = ticks.labels.first,
          position(ticks.values[0]) - room.extent(label) / 2 < -room.before
        {
          ticks.values.removeFirst()
          ticks.labels.removeFirst()
        }
        return ticks
      }
      exponent += 1
    }
    return none
  }

  /// The ticks kᵢ·10^exponent: their values, labels and note.
  static func ticks(_ integers: [Int64], exponent: Int) -> AxisTicks {
    let values = integers.map { value(of: $0, exponent: exponent) }
    var relative = integers
    var notes: [String] = []
    var offsetNote: String?
    if !isShort(integers, exponent: exponent), let first = integers.first, let last = integers.last
    {
      let largest = integers.map(\.magnitude).max()!
      let spanInteger = max(1, (last - first).magnitude)
      if largest / spanInteger >= 1000 {
        // Round the middle to the power of ten above the span: the offset keeps the shared digits.
        let unitExponent = digits(spanInteger)
        let unit = Int64(PowersOfTen.integer(unitExponent))
        let middle = first / 2 + last / 2
        var quotient = middle / unit
        let remainder = middle % unit
        if remainder.magnitude * 2 >= unit.magnitude { quotient += remainder.signum() }
        let offset = quotient * unit
        relative = integers.map { $0 - offset }
        let sign = offset < 0 ? "\u{2212}" : "+"
        offsetNote = sign + compact(offset.magnitude, exponent: exponent)
      }
    }
    var labels: [String]
    if isShort(relative, exponent: exponent) {
      labels = plainLabels(relative, exponent: exponent)
    } else {
      // The factor 10^p of the largest relative value: labels keep its leading digit.
      let largest = relative.map(\.magnitude).max()!
      let decimals = digits(largest) - 1
      labels = relative.map { decimal($0, decimals: decimals) }
      notes.append("×1e" + signed(decimals + exponent))
    }
    if let offsetNote { notes.append(offsetNote) }
    return AxisTicks(
      values: values, labels: labels, note: notes.isEmpty ? nil : notes.joined(separator: " "))
  }

  /// `integer·10^exponent` as a double, exactly when both parts allow.
  private static func value(of integer: Int64, exponent: Int) -> Double {
    if let exact = ScaledDecimal.double(mantissa: integer, exponent: exponent) { return exact }
    return exponent >= 0
      ? Double(integer) * PowersOfTen.double(exponent)
      : Double(integer) / PowersOfTen.double(-exponent)
  }

  /// Whether the plain labels of kᵢ·10^exponent have at most 6 integer digits and 7 characters.
  private static func isShort(_ integers: [Int64], exponent: Int) -> Bool {
    let largest = integers.map(\.magnitude).max() ?? 0
    let decimals = max(0, -exponent)
    let integerDigits = max(1, digits(largest) + exponent)
    let characters = integerDigits + (decimals > 0 ? decimals + 1 : 0)
    return integerDigits <= 6 && characters <= 7
  }

  /// kᵢ·10^exponent written plainly: integers (`0`, `20`, `−40`) or one number of decimals.
  private static func plainLabels(_ integers: [Int64], exponent: Int) -> [String] {
    integers.map { integer in
      guard exponent >= 0 else { return decimal(integer, decimals: -exponent) }
      guard integer != 0 else { return "0" }
      return (integer < 0 ? "\u{2212}" : "") + String(integer.magnitude)
        + String(repeating: "0", count: exponent)
    }
  }

  /// `integer·10^exponent` as a label (kept for callers and tests): plain decimals with
  /// max(0, −exponent) decimals and a real minus sign.
  static func label(_ integer: Int64, exponent: Int) -> String {
    plainLabels([integer], exponent: exponent)[0]
  }

  /// `integer / 10^decimals` with exactly `decimals` decimals and a real minus sign (no `−0`).
  private static func decimal(_ integer: Int64, decimals: Int) -> String {
    var text = String(integer.magnitude)
    if decimals > 0 {
      if text.count <= decimals {
        text = String(repeating: "0", count: decimals - text.count + 1) + text
      }
      text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
    }
    return integer < 0 ? "\u{2212}" + text : text
  }

  /// A positive `integer·10^exponent` as briefly as it is exact: plain when short, else
  /// `d.ddde±n` (`1000`, `0.5`, `1.5e300`, `3e−8`).
  private static func compact(_ integer: UInt64, exponent: Int) -> String {
    var mantissa = integer
    var power = exponent
    while mantissa != 0 && mantissa % 10 == 0 {
      mantissa /= 10
      power += 1
    }
    if isShort([Int64(mantissa)], exponent: power) {
      return plainLabels([Int64(mantissa)], exponent: power)[0]
    }
    let count = digits(mantissa)
    return decimal(Int64(mantissa), decimals: count - 1) + "e" + signed(power + count - 1)
  }

  /// The number of decimal digits of a positive integer (1 for 0).
  private static func digits(_ integer: UInt64) -> Int {
    var count = 1
    var rest = integer
    while rest >= 10 {
      rest /= 10
      count += 1
    }
    return count
  }

  /// An exponent with U+2212 for minus and no plus sign.
  private static func signed(_ exponent: Int) -> String {
    exponent < 0 ? "\u{2212}" + String(-exponent) : String(exponent)
  }
}

extension Sequence {
  /// Consecutive pairs: (a, b), (b, c), …
  fileprivate func adjacentPairs() -> [(Element, Element)] {
    let elements = Array(self)
    return zip(elements, elements.dropFirst()).map { ($0, $1) }
  }
}
