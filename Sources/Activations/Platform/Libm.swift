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

/// The libm functions activ uses, under names that cannot collide with the C ones. Everything
/// else (exp, expm1, tanh, erfc) is activ's own double-double kernel; `log1p` is only a first
/// guess that one Newton step refines.
enum Libm {
  static func log1p(_ x: Double) -> Double { cLog1p(x) }
}

private func cLog1p(_ x: Double) -> Double { log1p(x) }
