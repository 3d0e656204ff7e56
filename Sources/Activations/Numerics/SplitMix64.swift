/// Steele, Lea and Flood's SplitMix64: a tiny, fast, seedable generator whose output is the same on
/// every platform, so activ's random draws (RReLU's slopes) are reproducible anywhere.
package struct SplitMix64: Sendable {
  private var state: UInt64

  package init(seed: UInt64) {
    state = seed
  }

  /// The finalizer of SplitMix64: a bijective 64-bit mix with good avalanche.
  package static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  package mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    return SplitMix64.mix(state)
  }

  /// A uniform draw from [0, 1) with 53 random bits.
  package mutating func nextUnitInterval() -> Double {
    Double(next() >> 11) * 0x1p-53
  }
}
