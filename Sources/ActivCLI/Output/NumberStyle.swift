import Activations

/// How numbers are written: shortest round-trip (the default), or a fixed number of significant
/// digits. Neither depends on the locale.
enum NumberStyle: Equatable, Sendable {
  case shortest
  case significant(Int)

  func format(_ x: Double) -> String {
    switch self {
    case .shortest: return shortestDecimal(x)
    case .significant(let digits):
      return x.isFinite ? POSIX.formatSignificant(x, precision: digits) : shortestDecimal(x)
    }
  }
}

extension ByteBuffer {
  /// Appends `x` as ``shortestDecimal(_:)`` writes it.
  @inline(__always)
  func append(shortest x: Double) {
    append(reserving: DecimalFormatter.scratchLength) { DecimalFormatter.write(x, to: $0) }
  }

  /// Appends `x` in the given style.
  @inline(__always)
  func append(_ x: Double, style: NumberStyle) {
    switch style {
    case .shortest:
      append(shortest: x)
    case .significant(let digits):
      guard x.isFinite else { return append(shortest: x) }
      append(reserving: 64) { out in
        DecimalFormatter.writeSignificant(x, precision: digits, to: out)
          ?? POSIX.formatSignificant(x, precision: digits, into: out, capacity: 64)
      }
    }
  }
}
