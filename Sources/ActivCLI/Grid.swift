import Activations

/// A decimal written as an integer mantissa and a power of ten, `mantissa·10^exponent`, so grid
/// points can be formed exactly and rounded once: `-2.95` is `-295·10⁻²`.
struct ScaledDecimal: Equatable {
  var mantissa: Int64
  var exponent: Int

  /// Integers this small convert to `Double` exactly.
  static let exactLimit = DecimalNumeral.exactLimit

  /// The digits of a decimal such as `-2.95` or `1e-3` as written; nil if it is not a number or
  /// has more digits than fit exactly.
  init?(_ text: String) {
    guard let exact = DecimalNumeral(text)?.exact else { return nil }
    self.init(mantissa: exact.mantissa, exponent: exact.exponent)
  }

  init(mantissa: Int64, exponent: Int) {
    self.mantissa = mantissa
    self.exponent = exponent
  }

  /// The nearest double to `mantissa·10^exponent`, when one IEEE operation on exact operands gives
  /// it (|mantissa| < 2⁵³, |exponent| <= 22); nil otherwise.
  static func double(mantissa: Int64, exponent: Int) -> Double? {
    guard abs(mantissa) < exactLimit, abs(exponent) <= 22 else { return nil }
    let m = Double(mantissa)
    let power = PowersOfTen.double(abs(exponent))
    return exponent >= 0 ? m * power : m / power
  }

  /// This value at a smaller exponent (more digits), if the mantissa still fits.
  func rescaled(to newExponent: Int) -> Int64? {
    guard newExponent <= exponent, exponent - newExponent <= 18 else { return nil }
    let (scaled, overflow) = mantissa.multipliedReportingOverflow(
      by: Int64(PowersOfTen.integer(exponent - newExponent)))
    return overflow || abs(scaled) >= ScaledDecimal.exactLimit ? nil : scaled
  }
}

/// The x values a command evaluates at: a count and a way to get the i-th point without storing
/// them all, so `--points 100000001` streams in constant memory.
struct Grid: Sendable {
  /// The most points one run writes: 10⁹ (about 20 GB of CSV), so a typo cannot start a run that
  /// never ends; larger runs can be split by range.
  static let maximumPoints = 1_000_000_000

  let count: Int
  let point: @Sendable (Int) -> Double

  /// Points from a list (`--input`).
  init(values: [Double]) {
    count = values.count
    point = { values[$0] }
  }

  private init(count: Int, point: @escaping @Sendable (Int) -> Double) {
    self.count = count
    self.point = point
  }

  /// The default grid: MIN, the multiples of a round step (1, 2 or 5 × 10ᵏ, chosen so there are
  /// about 100 intervals) strictly between MIN and MAX, then MAX. Multiples are formed as
  /// `n·m·10ᵏ` with one rounding, so they print as short decimals (-2.95, never
  /// -2.9500000000000002).
  /// On a range of at most 101 doubles (`1 1.0000000000000002`) it is every double of the range,
  /// and it never repeats an x.
  static func automatic(from low: Double, to high: Double) -> Grid {
    if let count = distinctDoubles(from: low, to: high), count <= 101 {
      return Grid(values: Array(sequence(first: low) { $0 < high ? $0.nextUp : nil }))
    }
    let span = high - low
    guard span.isFinite, span > 0 else {
      return evenlySpaced(
        from: DecimalArgument(text: shortestDecimal(low), value: low),
        to: DecimalArgument(text: shortestDecimal(high), value: high),
        count: 101)
    }
    let (stepMantissa, stepExponent) = roundStep(span / 100)
    let step = ScaledDecimal.double(mantissa: stepMantissa, exponent: stepExponent) ?? span / 100
    let first = (low / step).rounded(.down)
    let last = (high / step).rounded(.up)
    // Far from zero relative to its width, the range's multiples of a round step are not exact
    // decimals any more; fall back to 101 evenly spaced points.
    guard abs(first) < 1e12, abs(last) < 1e12 else {
      let even = evenlySpaced(
        from: DecimalArgument(text: shortestDecimal(low), value: low),
        to: DecimalArgument(text: shortestDecimal(high), value: high),
        count: 101)
      var values: [Double] = []
      for i in 0..<even.count where values.last.map({ even.point(i) > $0 }) ?? true {
        values.append(even.point(i))
      }
      return Grid(values: values)
    }
    var values = [low]
    var n = Int64(first)
    while n <= Int64(last) {
      let x =
        ScaledDecimal.double(mantissa: n * stepMantissa, exponent: stepExponent) ?? Double(n) * step
      if x > low && x < high && x > values.last! { values.append(x) }
      n += 1
    }
    values.append(high)
    return Grid(values: values)
  }

  /// How many doubles lie in [low, high] (0 and -0 counted once), or nil when more than an Int
  /// holds or an end is not finite.
  static func distinctDoubles(from low: Double, to high: Double) -> Int? {
    guard low.isFinite, high.isFinite, low <= high else { return nil }
    func ordinal(_ x: Double) -> Int64 {
      let magnitude = Int64(bitPattern: abs(x).bitPattern)
      return x < 0 ? -magnitude : magnitude
    }
    let (difference, overflow) = ordinal(high).subtractingReportingOverflow(ordinal(low))
    guard !overflow, difference < Int64(Int.max) else { return nil }
    return Int(difference) + 1
  }

  /// Refuses a grid whose x values would not all be distinct (a `--points` or `--step` finer than
  /// the doubles of the range): `advice` says what to change. Points `spacing` apart, at least two
  /// units in the last place of the range's larger end, cannot repeat; closer ones are checked.
  func refuseRepeats(
    from low: DecimalArgument, to high: DecimalArgument, spacing: Double, advice: (Int) -> String
  ) throws(CLIError) {
    guard let distinct = Grid.distinctDoubles(from: low.value, to: high.value) else { return }
    let ulp = max(low.value.ulp, high.value.ulp)
    var repeats = count > distinct
    if !repeats && !(spacing >= 2 * ulp) {
      var previous = point(0)
      for i in 1..<max(count, 1) {
        let x = point(i)
        if !(x > previous) {
          repeats = true
          break
        }
        previous = x
      }
    }
    guard repeats else { return }
    throw .repeatedGridPoints(
      count: count, min: low.text, max: high.text, distinct: String(distinct),
      advice: advice(distinct))
  }

  /// The round step nearest (in ratio) to `raw`: (mantissa, exponent) with mantissa 1, 2 or 5.
  static func roundStep(_ raw: Double) -> (Int64, Int) {
    let exponent = PowersOfTen.exponent(of: raw.isFinite && raw > 0 ? raw : 1)
    var best: (Int64, Int) = (1, exponent)
    var bestRatio = Double.infinity
    for e in [exponent, exponent + 1] {
      for m: Int64 in [1, 2, 5] {
        let candidate = Double(m) * PowersOfTen.double(e)
        let ratio = max(candidate / raw, raw / candidate)
        if ratio < bestRatio {
          bestRatio = ratio
          best = (m, e)
        }
      }
    }
    return best
  }

  /// `count` evenly spaced points, both ends included. When MIN and MAX are short decimals the
  /// i-th point is the exact rational (MIN·(N−1−i) + MAX·i)/(N−1) rounded once; otherwise
  /// MIN + i·h, with MAX itself as the last point.
  static func evenlySpaced(from low: DecimalArgument, to high: DecimalArgument, count: Int) -> Grid
  {
    let intervals = Int64(count - 1)
    if let a = ScaledDecimal(low.text), let b = ScaledDecimal(high.text) {
      let exponent = min(a.exponent, b.exponent)
      if let am = a.rescaled(to: exponent), let bm = b.rescaled(to: exponent),
        exponent <= 0, exponent >= -18,
        max(abs(am), abs(bm)).multipliedReportingOverflow(by: intervals).overflow == false,
        max(abs(am), abs(bm)) * intervals < ScaledDecimal.exactLimit
      {
        let (denominator, overflow) = intervals.multipliedReportingOverflow(
          by: Int64(PowersOfTen.integer(-exponent)))
        if !overflow && denominator < ScaledDecimal.exactLimit {
          let d = Double(denominator)
          return Grid(count: count) { i in
            let i64 = Int64(i)
            return Double(am * (intervals - i64) + bm * i64) / d
          }
        }
      }
    }
    // Each end divided separately, so the step cannot overflow even for −1e308 … 1e308.
    let h = high.value / Double(intervals) - low.value / Double(intervals)
    return Grid(count: count) { i in
      i == count - 1 ? high.value : low.value.addingProduct(Double(i), h)
    }
  }

  /// MIN, MIN+H, … up to and including the last point <= MAX. When MIN, H and MAX are short
  /// decimals, point i is the exact decimal MIN + i·H rounded once, and the count is exact
  /// (MAX is included when (MAX − MIN)/H is a whole number); otherwise MIN + i·H in floating point.
  static func stepped(from low: DecimalArgument, step: DecimalArgument, to high: DecimalArgument)
    throws(CLIError) -> Grid
  {
    let span = (high.value - low.value) / step.value
    guard span < Double(maximumPoints) else {
      throw .tooManyPoints(count: shortestDecimal((span + 1).rounded(.down)), limit: maximumPoints)
    }
    if let a = ScaledDecimal(low.text), let s = ScaledDecimal(step.text),
      let b = ScaledDecimal(high.text)
    {
      let exponent = min(a.exponent, s.exponent, b.exponent)
      if let am = a.rescaled(to: exponent), let sm = s.rescaled(to: exponent),
        let bm = b.rescaled(to: exponent), sm > 0,
        ScaledDecimal.double(mantissa: bm, exponent: exponent) != nil
      {
        let count = Int((bm - am) / sm) + 1
        return Grid(count: count) { i in
          ScaledDecimal.double(mantissa: am + Int64(i) * sm, exponent: exponent)!
        }
      }
    }
    let count = Int(span.rounded(.down)) + 1
    return Grid(count: count) { i in low.value.addingProduct(Double(i), step.value) }
  }
}

/// A number from the command line (a range end, `--step`): its text, for exact decimal
/// arithmetic, and its value.
struct DecimalArgument {
  var text: String
  var value: Double

  init(text: String, value: Double) {
    self.text = text
    self.value = value
  }

  /// A finite decimal, or a `badNumber` error naming the argument (`MIN`).
  init(_ text: String, name: String) throws(CLIError) {
    guard let value = DecimalNumeral(text)?.value else {
      throw .badNumber(name: name, text: text)
    }
    self.init(text: text, value: value)
  }
}
