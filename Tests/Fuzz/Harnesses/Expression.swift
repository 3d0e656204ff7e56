// libFuzzer harness: the expression parser, compiler and evaluator.
//
// The input is an expression (`x*tanh(softplus(x))`). Besides not crashing: the normalized text
// parses back to the same expression (when it is short enough), and the one-point API, `jet` and
// the batch `evaluate` agree bit for bit.
import Activations

let points: [Double] = [
  0, -0.0, 1, -1, 0.5, -2.5, 3, 20, -40, 1e-300, -1e300, .infinity, -.infinity, .nan,
]

func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let expression: Expression
  do {
    expression = try Expression.parse(text)
  } catch {
    _ = error.description
    _ = error.caretLines(for: text)
    return 0
  }
  let printed = expression.text
  if printed.utf8.count <= Expression.maximumLength {
    do {
      let again = try Expression.parse(printed)
      precondition(again == expression, "\(text) prints as \(printed), which parses differently")
    } catch {
      fatalError("\(text) prints as \(printed), which does not parse: \(error.description)")
    }
  }
  let batch = expression.evaluate(points)
  for (i, x) in points.enumerated() {
    let jet = expression.jet(x)
    let value = expression.value(x)
    let first = expression.derivative(x)
    let second = expression.secondDerivative(x)
    precondition(same(jet.value, value) && same(batch.values[i], value), "\(text): f(\(x))")
    precondition(same(jet.first, first) && same(batch.first[i], first), "\(text): f′(\(x))")
    precondition(same(jet.second, second) && same(batch.second[i], second), "\(text): f″(\(x))")
  }
  return 0
}
