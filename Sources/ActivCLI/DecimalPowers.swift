/// Powers of ten for the grid, the ticks and the terminal labels, in one place.
extension Double {
  /// ⌊log₁₀(self)⌋ for a positive finite value, by exact scaling loops (no libm); 0 otherwise.
  var decimalExponent: Int {
    guard self > 0, isFinite else { return 0 }
    var exponent = 0
    var value = self
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

  /// 10ⁿ; exact for |n| ≤ 22, where every factor and the product are exact doubles.
  static func powerOfTen(_ n: Int) -> Double {
    var value = 1.0
    for _ in 0..<abs(n) { value *= 10 }
    return n >= 0 ? value : 1 / value
  }
}
