// The syntax tree of an expression, stored flat: nodes in postfix order (every child before its
// parent, children left to right), so the last node is the root, compilation is one
// pass over the array, and no recursion over the tree (to print, compare or free it) can overflow
// the stack however long the expression.

extension Expression {
  /// The built-in functions of the expression language (catalogue functions are separate).
  enum Builtin: String, CaseIterable, Sendable {
    case exp, log, log1p, expm1, sqrt, abs, sin, cos, tan, tanh, sinh, cosh, erf, erfc, sign, floor
    case ceil, min, max, clamp
    case `where`
    case ln, log2, log10, exp2, atan, asin, acos, asinh, acosh, atanh, hypot

    /// The builtin a name refers to: case-insensitive, `_` ignored (as catalogue names).
    static func named(_ name: String) -> Builtin? {
      Builtin(rawValue: normalizedName(name))
    }

    /// How many arguments it takes: an exact count, or a minimum for min and max.
    var arity: (count: Int, orMore: Bool) {
      switch self {
      case .min, .max: return (2, true)
      case .clamp, .where: return (3, false)
      case .hypot: return (2, false)
      default: return (1, false)
      }
    }
  }

  /// The named constants.
  enum Constant: String, CaseIterable, Sendable {
    case pi
    case e

    var value: Double {
      switch self {
      case .pi: return Double.pi
      case .e: return 2.718281828459045
      }
    }
  }

  /// The infix operators, tightest last.
  enum Operator: String, Sendable {
    case or
    case and
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"

    /// Binding strength: or 1, and 2, comparisons 3, + − 4, * / 5, (unary minus 6), ^ 7.
    var precedence: Int {
      switch self {
      case .or: return 1
      case .and: return 2
      case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual: return 3
      case .add, .subtract: return 4
      case .multiply, .divide: return 5
      case .power: return 7
      }
    }

    var isComparison: Bool { precedence == 3 }
    var isLogical: Bool { precedence < 3 }

    /// The operator as printed: spaced at the loose levels, tight at * / ^.
    var printed: String {
      switch self {
      case .multiply, .divide, .power: return rawValue
      default: return " " + rawValue + " "
      }
    }
  }

  /// One node of the flat syntax tree.
  struct Node: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
      case number(Double)
      case variable
      case constant(Constant)
      case negate
      case infix(Operator)
      case builtin(Builtin)
      /// A catalogue function: its canonical name, its canonical parameters as written in its
      /// label (`alpha=0.5`), and its slot in the tree's function list.
      case catalogue(name: String, parameters: [String], slot: Int)
    }

    var kind: Kind
    /// Indices of the children, all smaller than this node's own index.
    var children: [Int]

    /// Printing level: a child whose level is too low for its place is parenthesized.
    var level: Int {
      switch kind {
      case .infix(let op): return op.precedence
      case .negate: return 6
      default: return 8
      }
    }
  }

  /// A parsed expression: its nodes in postfix order and the bound catalogue functions they call.
  struct Tree: Sendable {
    var nodes: [Node] = []
    var functions: [any Activation] = []

    var root: Int { nodes.count - 1 }

    /// Appends a node, returning its index.
    mutating func add(_ kind: Node.Kind, _ children: [Int] = []) -> Int {
      nodes.append(Node(kind: kind, children: children))
      return nodes.count - 1
    }

    /// The tree printed with the fewest parentheses that parse back to the same tree: a left
    /// operand is parenthesized when it binds more loosely than its operator, a right operand also
    /// when it binds equally (the operators are left-associative), except for the right-associative
    /// `^`, whose base must be a primary and whose exponent may be a signed power. Iterative: an
    /// explicit stack of what remains to be written.
    func printed() -> String {
      enum Item {
        case node(Int)
        case text(String)
      }
      var output = ""
      var stack: [Item] = [.node(root)]
      func push(_ child: Int, parenthesized: Bool, onto stack: inout [Item]) {
        if parenthesized {
          stack.append(.text(")"))
          stack.append(.node(child))
          stack.append(.text("("))
        } else {
          stack.append(.node(child))
        }
      }
      while let item = stack.popLast() {
        guard case .node(let index) = item else {
          if case .text(let text) = item { output += text }
          continue
        }
        let node = nodes[index]
        switch node.kind {
        case .number(let value):
          output += shortestDecimal(value)
        case .variable:
          output += "x"
        case .constant(let constant):
          output += constant.rawValue
        case .negate:
          output += "-"
          push(node.children[0], parenthesized: nodes[node.children[0]].level < 6, onto: &stack)
        case .infix(let op):
          let (left, right) = (nodes[node.children[0]].level, nodes[node.children[1]].level)
          let leftParentheses =
            op == .power ? left <= 7 : (op.isComparison ? left <= 3 : left < op.precedence)
          let rightParentheses = op == .power ? right < 6 : right <= op.precedence
          push(node.children[1], parenthesized: rightParentheses, onto: &stack)
          stack.append(.text(op.printed))
          push(node.children[0], parenthesized: leftParentheses, onto: &stack)
        case .builtin(let function):
          output += function.rawValue + "("
          stack.append(.text(")"))
          for (position, child) in node.children.enumerated().reversed() {
            stack.append(.node(child))
            if position > 0 { stack.append(.text(", ")) }
          }
        case .catalogue(let name, let parameters, _):
          output += name + "("
          stack.append(.text(parameters.map { ", " + $0 }.joined() + ")"))
          stack.append(.node(node.children[0]))
        }
      }
      return output
    }

    /// The tree as an S-expression with every operator explicit, `(+ x (* 2 x))`,
    /// `(neg (^ x 2))`, `(elu x alpha=0.5)`: for tests that pin how text parses. Builds every
    /// subtree's string, so it is meant for small trees.
    func structure() -> String {
      var parts: [String] = []
      for node in nodes {
        let children = node.children.map { parts[$0] }
        let head: String
        switch node.kind {
        case .number(let value): head = shortestDecimal(value)
        case .variable: head = "x"
        case .constant(let constant): head = constant.rawValue
        case .negate: head = "neg"
        case .infix(let op): head = op.rawValue
        case .builtin(let function): head = function.rawValue
        case .catalogue(let name, let parameters, _):
          head = ([name] + [children[0]] + parameters).joined(separator: " ")
          parts.append("(" + head + ")")
          continue
        }
        parts.append(
          children.isEmpty ? head : "(" + ([head] + children).joined(separator: " ") + ")")
      }
      return parts.last ?? ""
    }
  }
}
