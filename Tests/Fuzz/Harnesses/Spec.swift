// libFuzzer harness: the spec parser and binder, `Catalogue.bindAll`.
//
// The input is a spec (`elu(alpha=0.5)`, `swish(beta=0.5|1|2)`). Besides not crashing, every
// function bound must bind again from its label to the same label, and evaluate without trapping.
import Activations

let points: [Double] = [0, -0.0, 1, -1, 0.5, -2.5, 3, 1e-300, -1e300, .infinity, -.infinity, .nan]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpec(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let functions: [BoundActivation]
  do {
    functions = try Catalogue.bindAll(text)
  } catch {
    _ = error.description
    return 0
  }
  precondition(!functions.isEmpty && functions.count <= Catalogue.maximumSweep)
  for function in functions {
    let label = function.label
    do {
      let again = try Catalogue.bind(label)
      precondition(again.label == label, "\(label) binds back as \(again.label)")
    } catch {
      fatalError("the label \(label) of \(text) does not bind: \(error.description)")
    }
    for x in points {
      _ = function.value(x)
      _ = function.derivative(x)
      _ = function.secondDerivative(x)
    }
  }
  return 0
}
