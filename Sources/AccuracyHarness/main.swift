// A tiny driver for Scripts/accuracy/accuracy.py: evaluates one catalogue spec through the
// Activations library directly, without the CLI, so the script can check that the library and
// `activ eval --input` agree bit for bit.
//
// stdin: the spec on the first line (`elu(alpha=0.5)`), then one x per line in Swift's `Double`
// syntax (`-1.5`, `5e-324`, `nan`, `inf`, `-inf`; Python's repr() of a float reads back exactly).
// stdout: `x,value,derivative,second derivative` per x (f, f′, f″), each the shortest decimal that
// reads back as the same double.
// A bad spec exits 64 and a bad number 65, with a message on stderr.

import Activations

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

private func fail(_ message: String, status: Int32) -> Never {
  let bytes = Array("AccuracyHarness: \(message)\n".utf8)
  _ = write(2, bytes, bytes.count)
  exit(status)
}

guard let spec = readLine() else { fail("expected a spec on the first line", status: 64) }
let function: BoundActivation
do {
  function = try Catalogue.bind(spec)
} catch {
  fail("bad spec '\(spec)': \(error)", status: 64)
}
while let line = readLine() {
  guard let x = Double(line) else { fail("not a number: '\(line)'", status: 65) }
  let value = function.value(x)
  let derivative = function.derivative(x)
  let second = function.secondDerivative(x)
  print(
    shortestDecimal(x), shortestDecimal(value), shortestDecimal(derivative),
    shortestDecimal(second), separator: ",")
}
