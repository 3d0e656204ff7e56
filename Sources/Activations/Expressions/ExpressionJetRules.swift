// The rules by which one operation forms its jet (f, f′, f″) from its operands': the chain,
// product, quotient and power rules, min and max with PyTorch's split at ties, and the built-ins.

extension Expression.Program {
  /// `derivative·factor`, zero when the derivative is exactly zero (whatever the factor).
  @inline(__always)
  static func term(_ derivative: Double, _ factor: Double) -> Double {
    derivative == 0 ? 0 : derivative * factor
  }

  /// f(u) from f, f′ and f″ at u.value. A term that is structurally zero is left out rather
  /// than added as +0, so f(x) keeps the signs of f′ and f″'s zeros.
  @inline(__always)
  static func chain(_ u: Expression.Jet, _ f: Double, _ f1: Double, _ f2: Double) -> Expression.Jet
  {
    var second = term(u.first, term(u.first, f2))
    if u.second != 0 { second = u.first == 0 ? u.second * f1 : second + u.second * f1 }
    return Expression.Jet(value: f, first: term(u.first, f1), second: second)
  }

  static func product(_ a: Expression.Jet, _ b: Expression.Jet, order: Int) -> Expression.Jet {
    let value = a.value * b.value
    if order == 0 { return Expression.Jet(value) }
    let cross = a.first == 0 || b.first == 0 ? 0 : a.first * b.first
    return Expression.Jet(
      value: value, first: term(a.first, b.value) + term(b.first, a.value),
      second: term(a.second, b.value) + 2 * cross + term(b.second, a.value))
  }

  static func quotient(_ a: Expression.Jet, _ b: Expression.Jet, order: Int) -> Expression.Jet {
    let value = a.value / b.value
    if order == 0 { return Expression.Jet(value) }
    // (a/b)′ = (a′ − v·b′)/b, (a/b)″ = (a″ − 2·v′·b′ − v·b″)/b.
    let first = (a.first - term(b.first, value)) / b.value
    let second = (a.second - 2 * term(b.first, first) - term(b.second, value)) / b.value
    return Expression.Jet(value: value, first: first, second: second)
  }

  static func integerPower(_ u: Expression.Jet, _ n: Int, order: Int) -> Expression.Jet {
    let value = Expression.Kernels.integerPower(u.value, n)
    if order == 0 || u.isFlat { return Expression.Jet(value) }
    let f1 = n == 0 ? 0 : Double(n) * Expression.Kernels.integerPower(u.value, n - 1)
    let f2 =
      order < 2 || n == 0 || n == 1
      ? 0 : Double(n) * Double(n - 1) * Expression.Kernels.integerPower(u.value, n - 2)
    return chain(u, value, f1, f2)
  }

  static func realPower(_ u: Expression.Jet, _ y: Double, order: Int) -> Expression.Jet {
    let logarithm = Expression.Kernels.logarithm(u.value)
    let value = Expression.Kernels.power(u.value, logarithm: logarithm, DoubleDouble(y)).value
    if order == 0 || u.isFlat { return Expression.Jet(value) }
    // y·u^(y−1) and y·(y−1)·u^(y−2), with y − 1 and y − 2 exact in double-double.
    let yMinusOne = DoubleDouble.sum(y, -1)
    let f1 = (Expression.Kernels.power(u.value, logarithm: logarithm, yMinusOne) * y).value
    var f2 = 0.0
    if order > 1 {
      let coefficient = yMinusOne * y
      f2 =
        (Expression.Kernels.power(u.value, logarithm: logarithm, DoubleDouble.sum(y, -2))
        * coefficient)
        .value
    }
    return chain(u, value, f1, f2)
  }

  /// a^b = e^(b·log a) with both varying: with h = b·log a, (a^b)′ = v·h′ and
  /// (a^b)″ = v·(h″ + h′²), h′ = b′·log a + b·a′/a, h″ = b″·log a + 2·b′·a′/a + b·(a″/a − (a′/a)²).
  ///
  /// A negative base is defined only at integer exponents (`(-2)^x` at x = 1 is −2, `x^x` at
  /// x = −1 is −1, each an exact integer power); NaN elsewhere. There the terms through the
  /// exponent (b′·log a, b″·log a) are NaN, log a being undefined: the function is undefined at
  /// the non-integer exponents on either side, so no derivative exists. When the exponent is
  /// locally constant (b′ = b″ = 0) those terms vanish and the derivatives are the integer power's.
  static func power(_ a: Expression.Jet, _ b: Expression.Jet, order: Int) -> Expression.Jet {
    let logarithm = Expression.Kernels.logarithm(a.value)
    let value =
      a.value < 0
      ? Expression.Kernels.negativeBasePower(a.value, b.value)
      : Expression.Kernels.power(a.value, logarithm: logarithm, DoubleDouble(b.value)).value
    if order == 0 || (a.isFlat && b.isFlat) { return Expression.Jet(value) }
    let l = logarithm.value
    let q1 = a.first == 0 ? 0 : a.first / a.value
    let h1 = term(b.first, l) + term(q1, b.value)
    let first = term(h1, value)
    guard order > 1 else { return Expression.Jet(value: value, first: first, second: 0) }
    let q2 = a.second == 0 ? 0 : a.second / a.value
    let cross = b.first == 0 || q1 == 0 ? 0 : b.first * q1
    let h2 = term(b.second, l) + 2 * cross + term(q2 - q1 * q1, b.value)
    return Expression.Jet(value: value, first: first, second: term(h2 + h1 * h1, value))
  }

  /// hypot(a, b) = √(a² + b²), with r_a = a/h and r_b = b/h: h′ = r_a·a′ + r_b·b′ and
  /// h″ = r_a·a″ + r_b·b″ + (r_b·a′ − r_a·b′)²/h (the last term without cancellation). At
  /// a = b = 0, where hypot(x, 0) = |x|, abs's convention: f′ = f″ = 0. Where h is infinite, an
  /// infinite operand's ratio is its sign (±√½ when both are) and a finite one's 0.
  static func hypotenuse(_ a: Expression.Jet, _ b: Expression.Jet, order: Int) -> Expression.Jet {
    let h = Libm.hypot(a.value, b.value)
    if order == 0 || (a.isFlat && b.isFlat) || h.isNaN { return Expression.Jet(h) }
    if h == 0 { return Expression.Jet(value: h, first: 0, second: 0) }
    let ra: Double
    let rb: Double
    if h.isInfinite {
      let both = a.value.isInfinite && b.value.isInfinite
      let scale = both ? 0.5.squareRoot() : 1
      ra = a.value.isInfinite ? (a.value < 0 ? -scale : scale) : 0
      rb = b.value.isInfinite ? (b.value < 0 ? -scale : scale) : 0
    } else {
      ra = a.value / h
      rb = b.value / h
    }
    let first = term(a.first, ra) + term(b.first, rb)
    guard order > 1 else { return Expression.Jet(value: h, first: first, second: 0) }
    let twist = term(a.first, rb) - term(b.first, ra)
    let curvature = twist == 0 ? 0 : twist * twist / h
    return Expression.Jet(
      value: h, first: first, second: term(a.second, ra) + term(b.second, rb) + curvature)
  }

  /// min or max, NaN if any operand is NaN; at a tie the derivatives are the mean of the tied
  /// operands' (torch.maximum's 1/2–1/2 for two, torch.amax's even split for more). Between
  /// zeros, max prefers +0 and min −0.
  static func extremum(
    _ r: UnsafeMutablePointer<Expression.Jet>, _ operands: ArraySlice<Int>, maximum: Bool,
    order: Int
  ) -> Expression.Jet {
    var best = r[operands[operands.startIndex]].value
    for index in operands {
      let v = r[index].value
      if v.isNaN { return .notANumber }
      let better =
        maximum
        ? v > best || (v == best && v.sign == .plus)
        : v < best || (v == best && v.sign == .minus)
      if better { best = v }
    }
    if order == 0 { return Expression.Jet(best) }
    var (first, second, ties) = (0.0, 0.0, 0.0)
    for index in operands where r[index].value == best {
      first += r[index].first
      second += r[index].second
      ties += 1
    }
    return Expression.Jet(value: best, first: first / ties, second: second / ties)
  }

  /// A one-argument built-in: f, f′ and f″ by the chain rule; abs, sign, floor and ceil by
  /// PyTorch's conventions at their kinks (abs′(0) = 0, the others' derivative 0).
  static func elementary(_ builtin: Expression.Builtin, _ u: Expression.Jet, order: Int)
    -> Expression.Jet
  {
    let v = u.value
    switch builtin {
    case .abs:
      let s: Double = v > 0 ? 1 : (v < 0 ? -1 : 0)
      if s == 0 || order == 0 { return Expression.Jet(abs(v)) }
      return Expression.Jet(value: abs(v), first: s * u.first, second: s * u.second)
    case .sign:
      return Expression.Jet(v > 0 ? 1 : (v < 0 ? -1 : v))
    case .floor:
      return Expression.Jet(v.rounded(.down))
    case .ceil:
      return Expression.Jet(v.rounded(.up))
    default:
      break
    }
    let flat = order == 0 || u.isFlat
    switch builtin {
    case .exp:
      let e = exponential(v).value
      return flat ? Expression.Jet(e) : chain(u, e, e, e)
    case .log, .ln:
      let l = Expression.Kernels.logarithm(v).value
      if flat { return Expression.Jet(l) }
      let d = v == 0 ? Double.infinity : 1 / v
      return chain(u, l, d, -(d * d))
    case .log1p:
      let l = Expression.Kernels.logOnePlus(v).value
      if flat { return Expression.Jet(l) }
      let d = v == -1 ? Double.infinity : 1 / (1 + v)
      return chain(u, l, d, -(d * d))
    case .expm1:
      let m = exponentialMinusOne(DoubleDouble(v)).value
      if flat { return Expression.Jet(m) }
      let e = exponential(v).value
      return chain(u, m, e, e)
    case .sqrt:
      let s = v.squareRoot()
      if flat { return Expression.Jet(s) }
      let d = s == 0 ? Double.infinity : 0.5 / s
      return chain(u, s, d, v == 0 ? -.infinity : -d / (2 * v))
    case .sin:
      let s = Libm.sin(v)
      return flat ? Expression.Jet(s) : chain(u, s, Libm.cos(v), -s)
    case .cos:
      let c = Libm.cos(v)
      return flat ? Expression.Jet(c) : chain(u, c, -Libm.sin(v), -c)
    case .tan:
      let t = Libm.tan(v)
      if flat { return Expression.Jet(t) }
      let d = 1 + t * t
      return chain(u, t, d, 2 * t * d)
    case .tanh:
      let t = hyperbolicTangent(DoubleDouble(v)).value
      if flat { return Expression.Jet(t) }
      let d = Expression.Kernels.hyperbolicSecantSquared(v)
      return chain(u, t, d, -2 * t * d)
    case .sinh:
      let s = Expression.Kernels.hyperbolicSine(v)
      return flat ? Expression.Jet(s) : chain(u, s, Expression.Kernels.hyperbolicCosine(v), s)
    case .cosh:
      let c = Expression.Kernels.hyperbolicCosine(v)
      return flat ? Expression.Jet(c) : chain(u, c, Expression.Kernels.hyperbolicSine(v), c)
    case .erf:
      let e = Libm.erf(v)
      if flat { return Expression.Jet(e) }
      let d = Expression.Kernels.gaussian(v)
      return chain(u, e, d, -2 * v * d)
    case .erfc:
      let e = Libm.erfc(v)
      if flat { return Expression.Jet(e) }
      let d = Expression.Kernels.gaussian(v)
      return chain(u, e, -d, 2 * v * d)
    case .log2, .log10:
      // log(v)/ln b in double-double, one rounding: exact at powers of b (log10(1000) = 3).
      let base = builtin == .log2 ? Expression.Kernels.ln2 : Expression.Kernels.ln10
      let l = (Expression.Kernels.logarithm(v) / base).value
      if flat { return Expression.Jet(l) }
      if v == 0 { return chain(u, l, .infinity, -.infinity) }
      // 1/(v·ln b) and −1/(v²·ln b), 1/ln b in double-double.
      let reciprocal = DoubleDouble(1) / base / v
      return chain(u, l, reciprocal.value, (-reciprocal / v).value)
    case .exp2:
      let e = exponential(Expression.Kernels.ln2 * v)
      if flat { return Expression.Jet(e.value) }
      let e1 = e * Expression.Kernels.ln2
      return chain(u, e.value, e1.value, (e1 * Expression.Kernels.ln2).value)
    case .atan:
      let t = Libm.atan(v)
      if flat { return Expression.Jet(t) }
      // 1/(1 + v²) and −2v/(1 + v²)², the square formed so it underflows to 0, not NaN.
      let d = abs(v) > 0x1p500 ? 1 / v / v : 1 / (1 + v * v)
      return chain(u, t, d, v.isInfinite ? 0 : -2 * (v * d) * d)
    case .asin, .acos:
      let a = builtin == .asin ? Libm.asin(v) : Libm.acos(v)
      if flat || a.isNaN { return Expression.Jet(a) }
      // ±1/√(1 − v²) and ±v/(1 − v²)^(3/2), with 1 − v² = (1 − v)(1 + v): ±inf at v = ±1.
      let d = 1 / ((1 - v).squareRoot() * (1 + v).squareRoot())
      let d2 = v * d * d * d
      return builtin == .asin ? chain(u, a, d, d2) : chain(u, a, -d, -d2)
    case .asinh:
      let a = Libm.asinh(v)
      if flat { return Expression.Jet(a) }
      // 1/√(1 + v²) = 1/hypot(1, v) and −v/(1 + v²)^(3/2), ordered so neither overflows.
      let d = 1 / Libm.hypot(1, v)
      return chain(u, a, d, -(v * d) * d * d)
    case .acosh:
      let a = Libm.acosh(v)
      if flat || a.isNaN { return Expression.Jet(a) }
      // 1/√(v² − 1) and −v/(v² − 1)^(3/2), with v² − 1 = (v − 1)(v + 1): inf at v = 1.
      let d = 1 / ((v - 1).squareRoot() * (v + 1).squareRoot())
      return chain(u, a, d, -(v * d) * d * d)
    case .atanh:
      let a = Libm.atanh(v)
      if flat || a.isNaN { return Expression.Jet(a) }
      // 1/(1 − v²) and 2v/(1 − v²)², with 1 − v² = (1 − v)(1 + v): inf at v = ±1.
      let d = 1 / ((1 - v) * (1 + v))
      return chain(u, a, d, 2 * v * d * d)
    case .abs, .sign, .floor, .ceil, .min, .max, .clamp, .where, .hypot:
      preconditionFailure("\(builtin) is compiled to its own operation")
    }
  }
}
