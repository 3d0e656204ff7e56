// Elementary functions for expressions that the catalogue has no kernel for, built on the
// double-double exponential: the logarithm, powers, sinh and cosh, and the Gaussian factor of
// erf′. Each is carried in double-double and rounded once, like the catalogue's functions; sin,
// cos, tan, erf and erfc come from libm (`Libm`).

extension Expression {
  enum Kernels {
    /// ln 2 in double-double.
    static let ln2 = DoubleDouble(0.6931471805599453, 2.3190468138462996e-17)
    /// ln 10 in double-double.
    static let ln10 = DoubleDouble(2.302585092994046, -2.1707562233822494e-16)
    /// 2/√π in double-double.
    static let twoOverRootPi = DoubleDouble(1.1283791670955126, 1.533545961316588e-17)

    /// log(x) in double-double: x = m·2ᵏ with m in [√½, √2], log x = k·ln 2 + log1p(m − 1),
    /// where m − 1 is exact (Sterbenz) and log1p comes from ``logOnePlusReduced(_:)``.
    static func logarithm(_ x: Double) -> DoubleDouble {
      guard x > 0, x.isFinite else {
        if x == 0 { return DoubleDouble(-.infinity) }
        return DoubleDouble(x == .infinity ? x : .nan)
      }
      var m = x.significand
      var k = Int(x.exponent)
      if m > 1.4142135623730951 {
        m *= 0.5
        k += 1
      }
      let y = logOnePlusReduced(m - 1)
      return k == 0 ? y : ln2 * Double(k) + y
    }

    /// log(1 + u) in double-double for |log(1 + u)| < 1/2: libm's log1p as a first guess, then
    /// one Newton step on expm1(y) = u, y ← y + (u − expm1(y))/(1 + expm1(y)), with the
    /// double-double expm1, whose series keeps full relative precision for small y.
    static func logOnePlusReduced(_ u: Double) -> DoubleDouble {
      if u == 0 { return DoubleDouble(u) }
      let y = Libm.log1p(u)
      let e = exponentialMinusOne(DoubleDouble(y))
      return DoubleDouble(y) + (DoubleDouble(u) + -e) / (e + 1)
    }

    /// log(1 + u) in double-double for any u: directly near 0, else log of the exact sum 1 + u.
    static func logOnePlus(_ u: Double) -> DoubleDouble {
      guard u > -1, u.isFinite else {
        if u == -1 { return DoubleDouble(-.infinity) }
        return DoubleDouble(u == .infinity ? u : .nan)
      }
      if u > -0.29 && u < 0.41 { return logOnePlusReduced(u) }
      let sum = DoubleDouble.sum(1, u)
      return logarithm(sum.hi) + sum.lo / sum.hi
    }

    /// xⁿ for an integer n by binary powering in double-double, with the binary exponent kept
    /// apart so no intermediate overflows or underflows, rounded once (into the subnormal range
    /// too): x³ = x·x·x and x⁻² = 1/(x·x), each correctly rounded but for the rarest ties.
    static func integerPower(_ x: Double, _ n: Int) -> Double {
      if n == 0 { return 1 }
      if n == 1 || x.isNaN { return x }
      let negative = x.sign == .minus && n & 1 == 1
      let magnitude = abs(x)
      if magnitude == 0 || magnitude.isInfinite {
        let large = (magnitude == 0) == (n < 0)
        let result: Double = large ? .infinity : 0
        return negative ? -result : result
      }
      var base = DoubleDouble(magnitude.significand)
      var baseExponent = Int(magnitude.exponent)
      var result = DoubleDouble(1)
      var resultExponent = 0
      var remaining = n.magnitude
      while true {
        if remaining & 1 == 1 {
          result = result * base
          resultExponent += baseExponent
          normalize(&result, &resultExponent)
        }
        remaining >>= 1
        if remaining == 0 { break }
        base = base * base
        baseExponent *= 2
        normalize(&base, &baseExponent)
      }
      if n < 0 {
        result = DoubleDouble(1) / result
        resultExponent = -resultExponent
      }
      let value: Double
      if resultExponent > 2100 {
        value = .infinity
      } else if resultExponent < -2200 {
        value = 0
      } else {
        value = Scaled(result, exponent: resultExponent).value
      }
      return negative ? -value : value
    }

    /// Moves the binary exponent of `x.hi` into `exponent`, leaving `x` in [1, 2).
    private static func normalize(_ x: inout DoubleDouble, _ exponent: inout Int) {
      let k = Int(x.hi.exponent)
      x = x.scaled(by: -k)
      exponent += k
    }

    /// xʸ = e^(y·log x) for x >= 0 given log x in double-double, y in double-double, with IEEE
    /// pow's values at x = 0 and x = inf; NaN for x < 0.
    static func power(_ x: Double, logarithm: DoubleDouble, _ y: DoubleDouble) -> Scaled {
      if x.isNaN || y.hi.isNaN || x < 0 { return Scaled(DoubleDouble(.nan)) }
      if x == 0 || x.isInfinite {
        if y.hi == 0 { return Scaled(DoubleDouble(1)) }
        let large = (x == 0) == (y.hi < 0)
        return Scaled(DoubleDouble(large ? .infinity : 0))
      }
      if x == 1 { return Scaled(DoubleDouble(1)) }
      return exponential(logarithm * y)
    }

    /// xʸ for x < 0: defined only for an integer y, where it is ±|x|ʸ (the sign of x for odd y,
    /// every y beyond 2⁵³ being even); NaN for a non-integer y, as IEEE pow.
    static func negativeBasePower(_ x: Double, _ y: Double) -> Double {
      guard y.isFinite, y == y.rounded() else { return .nan }
      if abs(y) <= 0x1p31 { return integerPower(x, Int(y)) }
      let magnitude = -x
      let result = power(magnitude, logarithm: logarithm(magnitude), DoubleDouble(y)).value
      return y.truncatingRemainder(dividingBy: 2) == 0 ? result : -result
    }

    /// sinh(v) in double-double: (E + E/(1 + E))/2 with E = eᵛ − 1 (no cancellation near 0),
    /// and eᵛ/2 scaled beyond 40, where e⁻ᵛ no longer counts.
    static func hyperbolicSine(_ v: Double) -> Double {
      if v == 0 || v.isNaN { return v }
      let magnitude = abs(v)
      let result: Double
      if magnitude > 40 {
        let e = exponential(magnitude)
        result = Scaled(e.mantissa, exponent: e.exponent - 1).value
      } else {
        let e = exponentialMinusOne(DoubleDouble(magnitude))
        result = ((e + e / (e + 1)) * 0.5).value
      }
      return v < 0 ? -result : result
    }

    /// cosh(v) = (eᵛ + e⁻ᵛ)/2 in double-double, eᵛ/2 scaled beyond 40.
    static func hyperbolicCosine(_ v: Double) -> Double {
      if v.isNaN { return v }
      let magnitude = abs(v)
      let e = exponential(magnitude)
      if magnitude > 40 { return Scaled(e.mantissa, exponent: e.exponent - 1).value }
      let d = e.doubleDouble
      return ((d + DoubleDouble(1) / d) * 0.5).value
    }

    /// sech²(v) = 4e/(1 + e)² with e = e^−2|v|, as ``Tanh`` computes its derivative.
    static func hyperbolicSecantSquared(_ v: Double) -> Double {
      if v.isNaN { return v }
      let e = exponential(DoubleDouble(-2 * abs(v)))
      let d = e.doubleDouble + 1
      return (e * 4 / (d * d)).value
    }

    /// erf′(v) = 2/√π·e^(−v²), with v² exact in double-double and the exponential scaled.
    static func gaussian(_ v: Double) -> Double {
      if v.isNaN { return v }
      return (exponential(-DoubleDouble.product(v, v)) * twoOverRootPi).value
    }
  }
}
