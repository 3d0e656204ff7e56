// What a Scan says about the function: the range and extrema, f′(0), monotonicity, saturation,
// stationary points and the stretches the grid cannot decide (see ``Analysis`` for the method).

extension Scan {
  /// The infimum (lowest) or supremum and, when attained, the extremum.
  func bound(lowest: Bool) -> (Properties.Bound?, Properties.Extremum?) {
    let better = { (a: Double, b: Double) in lowest ? a < b : a > b }
    var best = lowest ? Double.infinity : -Double.infinity
    // Beside a kink, f's one-sided limit there: f at the next double, carried to the kink along
    // f′ (threshold(1, 2) tends to 1 from the right, not to f(1.0000000000000002)).
    var sides: [Double] = []
    for kink in function.kinks {
      for x in [kink.x.nextDown, kink.x.nextUp] {
        let v = function.value(x)
        let carried = v + function.derivative(x) * (kink.x - x)
        sides.append(carried.isFinite ? carried : v)
      }
      sides.append(function.value(kink.x))
    }
    let candidates = values + [limits.low, limits.high] + witnesses.map(function.value) + sides
    for v in candidates where !v.isNaN && better(v, best) { best = v }
    guard best.isFinite else { return (nil, nil) }
    best += 0  // −0 reads as 0
    let tolerance = 1e-12 * max(1, abs(best))
    var at: Double?
    for x in witnesses {
      let v = function.value(x)
      if abs(v - best) <= tolerance && (at == nil || abs(x) < abs(at!)) { at = x }
    }
    guard let x = at else { return (Properties.Bound(value: best, isAttained: false), nil) }
    // Refine: the best value among the witnesses within tolerance.
    var exact = (x: x, value: function.value(x))
    for w in witnesses {
      let v = function.value(w)
      if abs(v - best) <= tolerance && better(v, exact.value) { exact = (w, v) }
    }
    return (
      Properties.Bound(value: best, isAttained: true),
      Properties.Extremum(x: exact.x, value: exact.value)
    )
  }

  /// f′ at 0 and at ±1e-300.
  func derivativeAtZero() -> Properties.DerivativeAtZero {
    let left = function.derivative(-1e-300)
    let right = function.derivative(1e-300)
    let isKink = abs(left - right) > 1e-9 * max(1, abs(left), abs(right))
    return Properties.DerivativeAtZero(
      value: function.derivative(0), left: left, right: right, isKink: isKink)
  }

  /// Whether f′ keeps one sign and f never steps against it on the grid.
  func isMonotonic() -> Bool {
    let up = runs.contains { $0.sign > 0 }
    let down = runs.contains { $0.sign < 0 }
    if up && down { return false }
    var points = xs
    for kink in function.kinks { points += [kink.x.nextDown, kink.x, kink.x.nextUp] }
    points.sort()
    let f = points.map(function.value)
    for i in 0..<(f.count - 1) where !f[i].isNaN && !f[i + 1].isNaN {
      let step = f[i + 1] - f[i]
      let tolerance = 1e-12 * max(1, abs(f[i]), abs(f[i + 1]))
      if (down ? step : -step) > tolerance { return false }
      if !up && !down && abs(step) > tolerance {
        // A constant f′ = 0 everywhere but a jump: monotonic in the jump's direction only if all
        // jumps agree.
        let direction = step > 0
        for j in 0..<(f.count - 1) {
          let s = f[j + 1] - f[j]
          if abs(s) > tolerance && (s > 0) != direction { return false }
        }
        return true
      }
    }
    return true
  }

  /// Intervals where |f′| < the threshold.
  func saturation() -> [Properties.Interval] {
    let threshold = Analysis.saturationThreshold
    let saturated = { (d: Double) in abs(d) < threshold }
    var result: [Properties.Interval] = []
    var start: Double?
    for i in xs.indices {
      let now = saturated(slopes[i])
      let before = i > 0 ? saturated(slopes[i - 1]) : !now
      if now && !before {
        start = i == 0 ? -.infinity : bisectPredicate(xs[i - 1], xs[i], saturated, false)
      } else if !now && before, let s = start {
        result.append(Properties.Interval(s, bisectPredicate(xs[i - 1], xs[i], saturated, true)))
        start = nil
      }
      if i == 0 && now { start = -.infinity }
    }
    if let s = start { result.append(Properties.Interval(s, .infinity)) }
    // A bounded band with no flat stretch (f′ = 0 on an interval) in it is the neighbourhood of a
    // stationary point (silu's minimum, tanhshrink at 0): reported as such, not as saturation.
    let flat = runs.filter { $0.sign == 0 }.map(\.interval)
    return decided(
      result.filter { band in
        !band.lower.isFinite || !band.upper.isFinite
          || flat.contains { $0.lower < band.upper && $0.upper > band.lower }
      })
  }

  /// The zeros of f′ between a run where f increases and one where it decreases, and isolated
  /// zeros of f′ on the grid (tanhshrink at 0), outside the undecided intervals.
  func stationaryPoints() -> [Double] {
    var points: [Double] = []
    for r in runs.indices.dropLast()
    where runs[r].sign != 0 && runs[r + 1].sign == -runs[r].sign {
      points.append(runs[r].interval.upper)
    }
    for i in xs.indices.dropFirst().dropLast()
    where slopes[i] == 0 && slopes[i - 1] != 0 && slopes[i + 1] != 0 {
      points.append(xs[i])
    }
    return Array(Set(points.filter { !isUndecided($0) }.map { $0 + 0 })).sorted()
  }

  /// Whether x lies inside an undecided interval.
  func isUndecided(_ x: Double) -> Bool {
    undecided.contains { $0.lower <= x && x <= $0.upper }
  }

  /// `intervals` without their parts inside the undecided intervals.
  func decided(_ intervals: [Properties.Interval]) -> [Properties.Interval] {
    var result = intervals
    for gap in undecided {
      result = result.flatMap { i -> [Properties.Interval] in
        guard i.lower < gap.upper && i.upper > gap.lower else { return [i] }
        var parts: [Properties.Interval] = []
        if i.lower < gap.lower { parts.append(Properties.Interval(i.lower, gap.lower)) }
        if i.upper > gap.upper { parts.append(Properties.Interval(gap.upper, i.upper)) }
        return parts
      }
    }
    return result
  }

  /// Gaps of the grid where f′, sampled at 16 more points, changes between −, 0 and + more than
  /// once: an oscillation (sin x far out) or rounding noise (x·sin(1/x) far out, where f′ is 0
  /// or ±1e-25 at random) the grid does not resolve. Gaps at most 8 apart are joined; an outermost gap
  /// reaches to ±inf, as the sign is then not known to settle.
  func findUndecided() -> [Properties.Interval] {
    var result: [Properties.Interval] = []
    var lastGap = -100
    for i in xs.indices.dropLast() {
      let (a, b) = (xs[i], xs[i + 1])
      var changes = 0
      var previous = sign(function.derivative(a))
      for k in 1...17 {
        let x = k == 17 ? b : a + (b - a) * Double(k) / 17
        let d = function.derivative(x)
        guard !d.isNaN else { continue }
        if sign(d) != previous { changes += 1 }
        previous = sign(d)
      }
      guard changes > 1 else { continue }
      let lower = i == 0 ? -.infinity : a
      let upper = i + 1 == xs.count - 1 ? .infinity : b
      // Fewer than 8 resolved gaps between two unresolved ones are aliasing, not evidence.
      if !result.isEmpty && i - lastGap <= 8 {
        result[result.count - 1].upper = upper
      } else {
        result.append(Properties.Interval(lower, upper))
      }
      lastGap = i
    }
    return result
  }

  /// The change point of `predicate(f′(x))` between a and b, where it equals `atA` at a.
  func bisectPredicate(
    _ a: Double, _ b: Double, _ predicate: (Double) -> Bool, _ atA: Bool
  ) -> Double {
    var (lo, hi) = (a, b)
    for _ in 0..<200 {
      let mid = lo + (hi - lo) / 2
      guard mid > lo && mid < hi else { break }
      if predicate(function.derivative(mid)) == atA { lo = mid } else { hi = mid }
    }
    if let kink = kink(in: lo, hi) { return kink }
    if lo.nextUp < hi && (lo == 0 || hi == 0) { return 0 }  // as in bisect(_:_:_:)
    // lo and hi are adjacent doubles with the change between them: the one with the shorter
    // decimal is the exact threshold when that is a short decimal (relu2's 0.001/2 = 0.0005).
    let (short, long) = shortestDecimal(lo).count <= shortestDecimal(hi).count ? (lo, hi) : (hi, lo)
    if lo.nextUp >= hi && shortestDecimal(short).count < shortestDecimal(long).count {
      return short
    }
    return atA ? lo : hi
  }
}
