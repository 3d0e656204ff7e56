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
    /// hypot(a, b).
    case hypot(Int, Int)
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
          case .hypot: operation = .hypot(r[0], r[1])
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
      case .hypot(let a, let b):
        return hypotenuse(r[a], r[b], order: order)
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
  }
}
