// The numeric smoothness class: the jumps of f, f′ and f″ that `activ info` reports for an
// expression, and for a catalogue function in the tests that check its declared class.

extension Analysis {
  /// The smoothness class of `function` from numeric evidence alone (see ``Analysis``): C-1, C0,
  /// C1, or C2+ when no jump of f, f′ or f″ is found.
  package static func numericContinuity(of function: any Activation) -> Smoothness {
    var pairs: [(Double, Double)] = []
    for kink in function.kinks.map(\.x) + [0] {
      let h = 1e-3 * max(1, abs(kink))
      pairs.append((kink - h, kink + 1.37 * h))
    }
    let band = Scan.band
    for order in 0..<3 {
      let g = band.map { component(function, order, $0) }
      guard g.count >= 3 else { continue }
      for i in 0..<(g.count - 1) {
        let change = abs(g[i + 1] - g[i])
        let before = i > 0 ? abs(g[i] - g[i - 1]) : 0
        let after = i + 2 < g.count ? abs(g[i + 2] - g[i + 1]) : 0
        if change > 4 * before && change > 4 * after && change > 1e-9 {
          pairs.append((band[i] - 0.0037, band[i + 1] + 0.0029))
        }
      }
    }
    var worst = 3
    for (a, b) in pairs {
      for order in 0..<min(worst, 3) where jumps(function, order, a, b) {
        worst = min(worst, order)
      }
    }
    switch worst {
    case 0: return .discontinuous
    case 1: return .c(0)
    case 2: return .c(1)
    default: return .atLeast(2)
    }
  }

  /// f, f′ or f″ at x.
  static func component(_ function: any Activation, _ order: Int, _ x: Double) -> Double {
    switch order {
    case 0: return function.value(x)
    case 1: return function.derivative(x)
    default: return function.secondDerivative(x)
    }
  }

  /// Whether the `order`-th derivative g jumps inside [a, b]. Bisection keeps the half whose change
  /// differs more from the change over the equally wide interval just outside it (a jump, up or
  /// down, makes that difference; on a smooth g it is second order), until the width w is
  /// 1e-12·max(1, |x|). Then the change J over [lo − w, hi + w] is compared with the changes over
  /// the width-w intervals beyond: g jumps when |J| exceeds 8 times the larger of them plus
  /// 1e-13·max(1, |g|) (rounding). A smooth g changes about 3 times as much over 3w, a kink of g (a
  /// jump of its slope) at most 3 times the larger, a jump by far more. Sampling the ends beside
  /// the final interval, not at it, keeps a point convention (abs′(0) = 0 between −1 and 1) from
  /// hiding the jump, and a declared kink itself is never sampled: the next double up stands in for
  /// it (hardshrink(lambda=0) reports f′(0) = 0 although it is the identity).
  static func jumps(_ function: any Activation, _ order: Int, _ a: Double, _ b: Double) -> Bool {
    let kinks = Set(function.kinks.map(\.x))
    let g = { (x: Double) in component(function, order, kinks.contains(x) ? x.nextUp : x) }
    var (lo, hi) = (a, b)
    var (gLo, gHi) = (g(lo), g(hi))
    for _ in 0..<200 {
      if hi - lo <= 1e-12 * max(1, abs(lo)) { break }
      let half = (hi - lo) / 2
      let mid = lo + half
      guard mid > lo && mid < hi else { break }
      let gMid = g(mid)
      let left = abs((gMid - gLo) - (gLo - g(lo - half)))
      let right = abs((gHi - gMid) - (g(hi + half) - gHi))
      if left >= right {
        (hi, gHi) = (mid, gMid)
      } else {
        (lo, gLo) = (mid, gMid)
      }
    }
    let w = hi - lo
    let (outerLo, outerHi) = (g(lo - w), g(hi + w))
    guard outerLo.isFinite && outerHi.isFinite else { return outerLo.isNaN != outerHi.isNaN }
    let change = outerHi - outerLo
    let before = outerLo - g(lo - 2 * w)
    let after = g(hi + 2 * w) - outerHi
    let tolerance = 1e-13 * max(1, abs(outerLo), abs(outerHi))
    return abs(change) > 8 * max(abs(before), abs(after)) + tolerance
  }
}
