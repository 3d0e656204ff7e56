// The compiled form of an expression: a flat list of operations on registers of jets, in the
// tree's postfix order, evaluated without allocating anything per point.
//
// Forward-mode differentiation to second order: every register holds a jet (f, f′, f″) of x,
// and each operation forms its jet from its operands' by the chain rule,
// f(g)′ = f′(g)·g′ and f(g)″ = f″(g)·g′² + f′(g)·g″, with the product, quotient and power rules
// likewise. A derivative that is exactly zero contributes nothing to a term (it is a constant's,
// or a locally constant function's like floor), so 0·inf never turns x/2 or 2·x into NaN at
// x = inf; a zero value times an infinite derivative stays NaN, as in autograd.

extension Expression {
  struct Jet: Sendable {
    var value: Double
    var first: Double
    var second: Double

    static let zero = Jet(value: 0, first: 0, second: 0)
    static let notANumber = Jet(value: .nan, first: .nan, second: .nan)

    /// A constant (or a value whose derivatives were not asked for).
    init(_ value: Double) {
      self.value = value
      first = 0
      second = 0
    }

    init(value: Double, first: Double, second: Double) {
      self.value = value
      self.first = first
      self.second = second
    }

    /// Whether both derivatives are exactly zero: the jet of a constant, or of a locally constant
    /// function.
    var isFlat: Bool { first == 0 && second == 0 }
  }

  /// One step of the program; the operands are registers.
  enum Operation: Sendable {
    case negate(Int)
    case add(Int, Int)
    case subtract(Int, Int)
    case multiply(Int, Int)
    case divide(Int, Int)
    /// base^n for a constant integer n.
    case integerPower(Int, Int)
    /// base^y for a constant non-integer y.
    case realPower(Int, Double)
    /// base^exponent, both varying.
    case power(Int, Int)
    /// A one-argument built-in (exp … ceil).
    case builtin(Builtin, Int)
    /// The catalogue function in `functions[slot]`.
    case catalogue(Int, slot: Int)
    /// min or max over `operands[first..<first + count]`.
    case minimum(first: Int, count: Int)
    case maximum(first: Int, count: Int)
    case clamp(Int, Int, Int)
    case select(Int, Int, Int)
    /// A comparison: 1 for true, 0 for false, NaN when an operand is NaN.
    case compare(Operator, Int, Int)
    case and(Int, Int)
    case or(Int, Int)
  }

  struct Program: Sendable {
    /// The initial registers: register 0 holds x, constants hold their values.
    var template: [Jet]
    var operations: [Operation]
    var targets: [Int]
    /// Operand lists of min and max.
    var operands: [Int]
    var functions: [any Activation]
    var result: Int

    /// Compiles a tree: one register per node, constant subtrees folded to their values (with
    /// zero derivatives), `^` with a constant exponent specialised to integer or real powers,
    /// and `e^u` evaluated as exp(u).
    init(compiling tree: Tree) {
      var template = [Jet(value: 0, first: 1, second: 0)]
      var operations: [Operation] = []
      var targets: [Int] = []
      var operands: [Int] = []
      let functions = tree.functions
      var register = [Int](repeating: 0, count: tree.nodes.count)
      var isConstant = [Bool](repeating: false, count: tree.nodes.count)
      for (index, node) in tree.nodes.enumerated() {
        let r = node.children.map { register[$0] }
        let operation: Operation
        switch node.kind {
        case .variable:
          register[index] = 0
          continue
        case .number(let value):
          register[index] = template.count
          template.append(Jet(value))
          isConstant[index] = true
          continue
        case .constant(let constant):
          register[index] = template.count
          template.append(Jet(constant.value))
          isConstant[index] = true
          continue
        case .negate:
          operation = .negate(r[0])
        case .infix(let op):
          switch op {
          case .add: operation = .add(r[0], r[1])
          case .subtract: operation = .subtract(r[0], r[1])
          case .multiply: operation = .multiply(r[0], r[1])
          case .divide: operation = .divide(r[0], r[1])
          case .and: operation = .and(r[0], r[1])
          case .or: operation = .or(r[0], r[1])
          case .power:
            if case .constant(.e) = tree.nodes[node.children[0]].kind {
              operation = .builtin(.exp, r[1])
            } else if isConstant[node.children[1]] {
              let y = template[r[1]].value
              if y == y.rounded(), abs(y) <= 0x1p31 {
                operation = .integerPower(r[0], Int(y))
              } else {
                operation = .realPower(r[0], y)
              }
            } else {
              operation = .power(r[0], r[1])
            }
          default: operation = .compare(op, r[0], r[1])
          }
        case .builtin(let builtin):
          switch builtin {
          case .min, .max:
            let first = operands.count
            operands += r
            operation =
              builtin == .min
              ? .minimum(first: first, count: r.count) : .maximum(first: first, count: r.count)
          case .clamp: operation = .clamp(r[0], r[1], r[2])
          case .where: operation = .select(r[0], r[1], r[2])
          default: operation = .builtin(builtin, r[0])
          }
        case .catalogue(_, _, let slot):
          operation = .catalogue(r[0], slot: slot)
        }
        let target = template.count
        template.append(.zero)
        register[index] = target
        if node.children.allSatisfy({ isConstant[$0] }) {
          // Fold: evaluate once; a constant's derivatives are zero whatever f′ is there.
          let folded = template.withUnsafeMutableBufferPointer { registers in
            Program.execute(
              operation, registers.baseAddress!, order: 0, operands: operands,
              functions: functions)
          }
          template[target] = Jet(folded.value)
          isConstant[index] = true
        } else {
          operations.append(operation)
          targets.append(target)
        }
      }
      self.template = template
      self.operations = operations
      self.targets = targets
      self.operands = operands
      self.functions = functions
      result = register[tree.root]
    }

    /// Runs `body` with a register file initialised from the template (on the stack when small).
    func withRegisters<R>(_ body: (UnsafeMutablePointer<Jet>) -> R) -> R {
      withUnsafeTemporaryAllocation(of: Jet.self, capacity: template.count) { buffer in
        let registers = buffer.baseAddress!
        template.withUnsafeBufferPointer { initial in
          registers.initialize(from: initial.baseAddress!, count: initial.count)
        }
        return body(registers)
      }
    }

    /// The jet at x to the given order (0: the value, 1: and f′, 2: and f″). NaN in gives NaN
    /// out, and a NaN value has NaN derivatives.
    func run(_ registers: UnsafeMutablePointer<Jet>, _ x: Double, order: Int) -> Jet {
      if x.isNaN { return .notANumber }
      registers[0] = Jet(value: x, first: 1, second: 0)
      for index in operations.indices {
        registers[targets[index]] = Program.execute(
          operations[index], registers, order: order, operands: operands, functions: functions)
      }
      let jet = registers[result]
      return jet.value.isNaN ? .notANumber : jet
    }

    /// One operation's jet.
    static func execute(
      _ operation: Operation, _ r: UnsafeMutablePointer<Jet>, order: Int, operands: [Int],
      functions: [any Activation]
    ) -> Jet {
      switch operation {
      case .negate(let a):
        return Jet(value: -r[a].value, first: -r[a].first, second: -r[a].second)
      case .add(let a, let b):
        let (u, v) = (r[a], r[b])
        return Jet(value: u.value + v.value, first: u.first + v.first, second: u.second + v.second)
      case .subtract(let a, let b):
        let (u, v) = (r[a], r[b])
        return Jet(value: u.value - v.value, first: u.first - v.first, second: u.second - v.second)
      case .multiply(let a, let b):
        return product(r[a], r[b], order: order)
      case .divide(let a, let b):
        return quotient(r[a], r[b], order: order)
      case .integerPower(let a, let n):
        return integerPower(r[a], n, order: order)
      case .realPower(let a, let y):
        return realPower(r[a], y, order: order)
      case .power(let a, let b):
        return power(r[a], r[b], order: order)
      case .builtin(let builtin, let a):
        return elementary(builtin, r[a], order: order)
      case .catalogue(let a, let slot):
        let u = r[a]
        let function = functions[slot]
        let value = function.value(u.value)
        if order == 0 || u.isFlat { return Jet(value) }
        let second = order > 1 ? function.secondDerivative(u.value) : 0
        return chain(u, value, function.derivative(u.value), second)
      case .minimum(let first, let count):
        return extremum(r, operands[first..<first + count], maximum: false, order: order)
      case .maximum(let first, let count):
        return extremum(r, operands[first..<first + count], maximum: true, order: order)
      case .clamp(let a, let low, let high):
        let (u, lower, upper) = (r[a], r[low], r[high])
        if u.value.isNaN || lower.value.isNaN || upper.value.isNaN { return .notANumber }
        // torch.clamp: the input's gradient where lower <= u <= upper (ends included); below
        // or above, the bound's. With lower > upper the result is upper, as torch's.
        let raised = u.value < lower.value ? lower : u
        return raised.value > upper.value ? upper : raised
      case .select(let condition, let a, let b):
        let c = r[condition].value
        if c.isNaN { return .notANumber }
        return c != 0 ? r[a] : r[b]
      case .compare(let op, let a, let b):
        let (u, v) = (r[a].value, r[b].value)
        if u.isNaN || v.isNaN { return .notANumber }
        let holds: Bool
        switch op {
        case .less: holds = u < v
        case .lessOrEqual: holds = u <= v
        case .greater: holds = u > v
        case .greaterOrEqual: holds = u >= v
        case .equal: holds = u == v
        default: holds = u != v
        }
        return Jet(holds ? 1 : 0)
      case .and(let a, let b):
        let (u, v) = (r[a].value, r[b].value)
        if u.isNaN || v.isNaN { return .notANumber }
        return Jet(u != 0 && v != 0 ? 1 : 0)
      case .or(let a, let b):
        let (u, v) = (r[a].value, r[b].value)
        if u.isNaN || v.isNaN { return .notANumber }
        return Jet(u != 0 || v != 0 ? 1 : 0)
      }
    }

    /// `derivative·factor`, zero when the derivative is exactly zero (whatever the factor).
    @inline(__always)
    static func term(_ derivative: Double, _ factor: Double) -> Double {
      derivative == 0 ? 0 : derivative * factor
    }

    /// f(u) from f, f′ and f″ at u.value. A term that is structurally zero is left out rather
    /// than added as +0, so f(x) keeps the signs of f′ and f″'s zeros.
    @inline(__always)
    static func chain(_ u: Jet, _ f: Double, _ f1: Double, _ f2: Double) -> Jet {
      var second = term(u.first, term(u.first, f2))
      if u.second != 0 { second = u.first == 0 ? u.second * f1 : second + u.second * f1 }
      return Jet(value: f, first: term(u.first, f1), second: second)
    }

    static func product(_ a: Jet, _ b: Jet, order: Int) -> Jet {
      let value = a.value * b.value
      if order == 0 { return Jet(value) }
      let cross = a.first == 0 || b.first == 0 ? 0 : a.first * b.first
      return Jet(
        value: value, first: term(a.first, b.value) + term(b.first, a.value),
        second: term(a.second, b.value) + 2 * cross + term(b.second, a.value))
    }

    static func quotient(_ a: Jet, _ b: Jet, order: Int) -> Jet {
      let value = a.value / b.value
      if order == 0 { return Jet(value) }
      // (a/b)′ = (a′ − v·b′)/b, (a/b)″ = (a″ − 2·v′·b′ − v·b″)/b.
      let first = (a.first - term(b.first, value)) / b.value
      let second = (a.second - 2 * term(b.first, first) - term(b.second, value)) / b.value
      return Jet(value: value, first: first, second: second)
    }

    static func integerPower(_ u: Jet, _ n: Int, order: Int) -> Jet {
      let value = Kernels.integerPower(u.value, n)
      if order == 0 || u.isFlat { return Jet(value) }
      let f1 = n == 0 ? 0 : Double(n) * Kernels.integerPower(u.value, n - 1)
      let f2 =
        order < 2 || n == 0 || n == 1
        ? 0 : Double(n) * Double(n - 1) * Kernels.integerPower(u.value, n - 2)
      return chain(u, value, f1, f2)
    }

    static func realPower(_ u: Jet, _ y: Double, order: Int) -> Jet {
      let logarithm = Kernels.logarithm(u.value)
      let value = Kernels.power(u.value, logarithm: logarithm, DoubleDouble(y)).value
      if order == 0 || u.isFlat { return Jet(value) }
      // y·u^(y−1) and y·(y−1)·u^(y−2), with y − 1 and y − 2 exact in double-double.
      let yMinusOne = DoubleDouble.sum(y, -1)
      let f1 = (Kernels.power(u.value, logarithm: logarithm, yMinusOne) * y).value
      var f2 = 0.0
      if order > 1 {
        let coefficient = yMinusOne * y
        f2 =
          (Kernels.power(u.value, logarithm: logarithm, DoubleDouble.sum(y, -2)) * coefficient)
          .value
      }
      return chain(u, value, f1, f2)
    }

    /// a^b = e^(b·log a) with both varying: with h = b·log a, (a^b)′ = v·h′ and
    /// (a^b)″ = v·(h″ + h′²), h′ = b′·log a + b·a′/a, h″ = b″·log a + 2·b′·a′/a + b·(a″/a − (a′/a)²).
    static func power(_ a: Jet, _ b: Jet, order: Int) -> Jet {
      let logarithm = Kernels.logarithm(a.value)
      let value = Kernels.power(a.value, logarithm: logarithm, DoubleDouble(b.value)).value
      if order == 0 || (a.isFlat && b.isFlat) { return Jet(value) }
      let l = logarithm.value
      let q1 = a.first == 0 ? 0 : a.first / a.value
      let h1 = term(b.first, l) + term(q1, b.value)
      let first = term(h1, value)
      guard order > 1 else { return Jet(value: value, first: first, second: 0) }
      let q2 = a.second == 0 ? 0 : a.second / a.value
      let cross = b.first == 0 || q1 == 0 ? 0 : b.first * q1
      let h2 = term(b.second, l) + 2 * cross + term(q2 - q1 * q1, b.value)
      return Jet(value: value, first: first, second: term(h2 + h1 * h1, value))
    }

    /// min or max, NaN if any operand is NaN; at a tie the derivatives are the mean of the tied
    /// operands' (torch.maximum's 1/2–1/2 for two, torch.amax's even split for more). Between
    /// zeros, max prefers +0 and min −0.
    static func extremum(
      _ r: UnsafeMutablePointer<Jet>, _ operands: ArraySlice<Int>, maximum: Bool, order: Int
    ) -> Jet {
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
      if order == 0 { return Jet(best) }
      var (first, second, ties) = (0.0, 0.0, 0.0)
      for index in operands where r[index].value == best {
        first += r[index].first
        second += r[index].second
        ties += 1
      }
      return Jet(value: best, first: first / ties, second: second / ties)
    }

    /// A one-argument built-in: f, f′ and f″ by the chain rule; abs, sign, floor and ceil by
    /// PyTorch's conventions at their kinks (abs′(0) = 0, the others' derivative 0).
    static func elementary(_ builtin: Builtin, _ u: Jet, order: Int) -> Jet {
      let v = u.value
      switch builtin {
      case .abs:
        let s: Double = v > 0 ? 1 : (v < 0 ? -1 : 0)
        if s == 0 || order == 0 { return Jet(abs(v)) }
        return Jet(value: abs(v), first: s * u.first, second: s * u.second)
      case .sign:
        return Jet(v > 0 ? 1 : (v < 0 ? -1 : v))
      case .floor:
        return Jet(v.rounded(.down))
      case .ceil:
        return Jet(v.rounded(.up))
      default:
        break
      }
      let flat = order == 0 || u.isFlat
      switch builtin {
      case .exp:
        let e = exponential(v).value
        return flat ? Jet(e) : chain(u, e, e, e)
      case .log:
        let l = Kernels.logarithm(v).value
        if flat { return Jet(l) }
        let d = v == 0 ? Double.infinity : 1 / v
        return chain(u, l, d, -(d * d))
      case .log1p:
        let l = Kernels.logOnePlus(v).value
        if flat { return Jet(l) }
        let d = v == -1 ? Double.infinity : 1 / (1 + v)
        return chain(u, l, d, -(d * d))
      case .expm1:
        let m = exponentialMinusOne(DoubleDouble(v)).value
        if flat { return Jet(m) }
        let e = exponential(v).value
        return chain(u, m, e, e)
      case .sqrt:
        let s = v.squareRoot()
        if flat { return Jet(s) }
        let d = s == 0 ? Double.infinity : 0.5 / s
        return chain(u, s, d, v == 0 ? -.infinity : -d / (2 * v))
      case .sin:
        let s = Libm.sin(v)
        return flat ? Jet(s) : chain(u, s, Libm.cos(v), -s)
      case .cos:
        let c = Libm.cos(v)
        return flat ? Jet(c) : chain(u, c, -Libm.sin(v), -c)
      case .tan:
        let t = Libm.tan(v)
        if flat { return Jet(t) }
        let d = 1 + t * t
        return chain(u, t, d, 2 * t * d)
      case .tanh:
        let t = hyperbolicTangent(DoubleDouble(v)).value
        if flat { return Jet(t) }
        let d = Kernels.hyperbolicSecantSquared(v)
        return chain(u, t, d, -2 * t * d)
      case .sinh:
        let s = Kernels.hyperbolicSine(v)
        return flat ? Jet(s) : chain(u, s, Kernels.hyperbolicCosine(v), s)
      case .cosh:
        let c = Kernels.hyperbolicCosine(v)
        return flat ? Jet(c) : chain(u, c, Kernels.hyperbolicSine(v), c)
      case .erf:
        let e = Libm.erf(v)
        if flat { return Jet(e) }
        let d = Kernels.gaussian(v)
        return chain(u, e, d, -2 * v * d)
      case .erfc:
        let e = Libm.erfc(v)
        if flat { return Jet(e) }
        let d = Kernels.gaussian(v)
        return chain(u, e, -d, 2 * v * d)
      case .abs, .sign, .floor, .ceil, .min, .max, .clamp, .where:
        preconditionFailure("\(builtin) is compiled to its own operation")
      }
    }
  }
}
