// The only file in this module that touches the C library: every libm call goes through here, so a
// port to another platform (or a switch to our own kernels) changes one place.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#else
  #error("activ needs a C math library")
#endif

/// The libm functions activ uses, under names that cannot collide with the C ones.
enum Libm {
  static func exp(_ x: Double) -> Double { cExp(x) }
  static func expm1(_ x: Double) -> Double { cExpm1(x) }
  static func log1p(_ x: Double) -> Double { cLog1p(x) }
  static func tanh(_ x: Double) -> Double { cTanh(x) }
  static func erfc(_ x: Double) -> Double { cErfc(x) }
}

private func cExp(_ x: Double) -> Double { exp(x) }
private func cExpm1(_ x: Double) -> Double { expm1(x) }
private func cLog1p(_ x: Double) -> Double { log1p(x) }
private func cTanh(_ x: Double) -> Double { tanh(x) }
private func cErfc(_ x: Double) -> Double { erfc(x) }
