// The only file in this module that touches the C math library: every libm call goes through
// here, so a port to another platform (or a switch to our own kernels) changes one place. (Threads
// for the batch API are in Threads.swift beside it.)

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#else
  #error("activ needs a C math library")
#endif

/// The libm functions activ uses, under names that cannot collide with the C ones. Everything
/// else (exp, expm1, tanh, erfc) is activ's own kernel (double-double, or the fast table-driven
/// kernels of FastKernels.swift); `log1p` is only a first guess that one Newton step refines.
enum Libm {
  static func log1p(_ x: Double) -> Double { cLog1p(x) }
}

private func cLog1p(_ x: Double) -> Double { log1p(x) }

// Expressions (`Sources/Activations/Expressions`): the elementary functions activ has no
// double-double kernel for. glibc's sin, cos and tan are correctly rounded in practice; erf and
// erfc are within a few ULP.
extension Libm {
  static func sin(_ x: Double) -> Double { cSin(x) }
  static func cos(_ x: Double) -> Double { cCos(x) }
  static func tan(_ x: Double) -> Double { cTan(x) }
  static func erf(_ x: Double) -> Double { cErf(x) }
  static func erfc(_ x: Double) -> Double { cErfc(x) }
}

private func cSin(_ x: Double) -> Double { sin(x) }
private func cCos(_ x: Double) -> Double { cos(x) }
private func cTan(_ x: Double) -> Double { tan(x) }
private func cErf(_ x: Double) -> Double { erf(x) }
private func cErfc(_ x: Double) -> Double { erfc(x) }
