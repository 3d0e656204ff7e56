/// Powers of ten for everything that reads, steps or writes decimals: the number reader, the grid,
/// the plot's ticks and labels, the shortest-decimal formatter and the property scan. One place,
/// so every caller gets the same rounding.
package enum PowersOfTen {
  /// 10ⁿ as an integer, for 0 ≤ n ≤ 19 (10¹⁹ is the largest that fits in 64 bits).
  @inlinable @inline(__always)
  package static func integer(_ n: Int) -> UInt64 {
    var result: UInt64 = 1
    for _ in 0..<n { result &*= 10 }
    return result
  }

  /// 10ⁿ as a double: exact for |n| ≤ 22, where every factor and the product are exact doubles,
  /// so 10⁻ⁿ = 1/10ⁿ is correctly rounded there; beyond, one rounding per factor.
  @inlinable
  package static func double(_ n: Int) -> Double {
    var value = 1.0
    for _ in 0..<abs(n) { value *= 10 }
    return n >= 0 ? value : 1 / value
  }

  /// ⌊log₁₀ x⌋ for a positive finite x, by exact scaling loops (no libm); 0 otherwise.
  package static func exponent(of x: Double) -> Int {
    guard x > 0, x.isFinite else { return 0 }
    var exponent = 0
    var value = x
    while value >= 10 {
      value /= 10
      exponent += 1
    }
    while value < 1 {
      value *= 10
      exponent -= 1
    }
    return exponent
  }
}
