import Activations

/// A function a command evaluates or draws: a bound catalogue spec (or a member of a sweep) or an
/// expression, with the name its columns and legend entries carry.
struct NamedFunction: Sendable {
  var label: String
  var function: any Activation

  init(label: String, function: any Activation) {
    self.label = label
    self.function = function
  }

  init(_ named: (label: String, function: any Activation)) {
    self.init(label: named.label, function: named.function)
  }

  var kinks: [Kink] { function.kinks }

  /// f, f′ or f″ at x, by derivative order.
  func evaluate(_ x: Double, order: Int) -> Double {
    switch order {
    case 0: return function.value(x)
    case 1: return function.derivative(x)
    default: return function.secondDerivative(x)
    }
  }

  /// f, f′, f″ at x for the given orders, from one ``Activation/jet(_:)`` when more than one is
  /// wanted (an expression then runs its program once, not once per order).
  func evaluate(_ x: Double, orders: [Int], into row: inout [Double]) {
    guard orders.count > 1 else {
      row.append(evaluate(x, order: orders[0]))
      return
    }
    let jet = function.jet(x)
    for order in orders {
      row.append(order == 0 ? jet.value : (order == 1 ? jet.first : jet.second))
    }
  }

  /// The column name for a derivative order: `gelu`, `gelu_grad`, `gelu_grad2`.
  func columnName(order: Int) -> String {
    label + ["", "_grad", "_grad2"][min(order, 2)]
  }

  /// The legend name for a derivative order: `gelu`, `gelu′`, `gelu″`.
  func legendName(order: Int) -> String {
    label + ["", "\u{2032}", "\u{2033}"][min(order, 2)]
  }
}
