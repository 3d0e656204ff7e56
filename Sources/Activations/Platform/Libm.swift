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

// atan, asin, acos, asinh, acosh, atanh and hypot for expressions: glibc's are within 1 ULP
// (atan, asin, acos and hypot correctly rounded in practice) and 2 ULP (the inverse hyperbolic
// ones); Tests/ActivationsTests/Fixtures/expression_functions.tsv measures them against mpmath.
extension Libm {
  static func atan(_ x: Double) -> Double { cAtan(x) }
  static func asin(_ x: Double) -> Double { cAsin(x) }
  static func acos(_ x: Double) -> Double { cAcos(x) }
  static func asinh(_ x: Double) -> Double { cAsinh(x) }
  static func acosh(_ x: Double) -> Double { cAcosh(x) }
  static func atanh(_ x: Double) -> Double { cAtanh(x) }
  static func hypot(_ x: Double, _ y: Double) -> Double { cHypot(x, y) }
}

private func cAtan(_ x: Double) -> Double { atan(x) }
private func cAsin(_ x: Double) -> Double { asin(x) }
private func cAcos(_ x: Double) -> Double { acos(x) }
private func cAsinh(_ x: Double) -> Double { asinh(x) }
private func cAcosh(_ x: Double) -> Double { acosh(x) }
private func cAtanh(_ x: Double) -> Double { atanh(x) }
private func cHypot(_ x: Double, _ y: Double) -> Double { hypot(x, y) }

private func cSin(_ x: Double) -> Double { sin(x) }
private func cCos(_ x: Double) -> Double { cos(x) }
private func cTan(_ x: Double) -> Double { tan(x) }
private func cErf(_ x: Double) -> Double { erf(x) }
private func cErfc(_ x: Double) -> Double { erfc(x) }
