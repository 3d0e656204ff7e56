#!/usr/bin/env python3
"""Writes Sources/Activations/Numerics/Tables.swift: the constants of activ's fast kernels.

Every table is computed here with mpmath (60 digits) and checked before it is written:

* 2^(j/128) for j = 0..127 as double-double (hi, lo), and ln 2/128 split so that k·hi is exact,
  for the table-driven exponential (`fastExponential` in Numerics/FastKernels.swift).
* GELU, |x| < 3: on 48 intervals of width 1/8, Phi(x) and f'(x) = Phi(x) + x·phi(x) as
  polynomials in d = x - centre (Chebyshev interpolation, near-minimax), the constant term in
  two doubles. On the intervals around the root r of f' (x ≈ -0.7518) the polynomial is
  f'(x)/(x - r), and the kernel multiplies by x - r formed from r in three doubles.
* GELU, 3 <= |x| < 38: with t = |x| and e = exp(-t^2/2), A(t) = t·Phi(-t)·e^(t^2/2) and
  B(t) = t/sqrt(2pi) - Phi(-t)·e^(t^2/2), so that f(-t) = -e·A(t), f'(-t) = -e·B(t),
  f(t) = t - e·A(t), f'(t) = 1 + e·B(t). Intervals: each binade of t cut into 16, indexed by the
  top bits of t's representation.

Each polynomial's relative error, evaluated exactly, is checked at 101 points per interval
against the function: below 2^-64 with the interpolant's coefficients, below 2^-55 with them
rounded to doubles as written.

  python3 Scripts/kernels/make_tables.py          # rewrite the Swift file
  python3 Scripts/kernels/make_tables.py --check  # fail if the file is stale

Needs mpmath (pip install -r Scripts/requirements.txt).
"""

import argparse
import struct
import sys
from pathlib import Path

import mpmath as mp

mp.mp.dps = 60
OUTPUT = Path(__file__).resolve().parents[2] / "Sources/Activations/Numerics/Tables.swift"
TOLERANCE = mp.mpf(2) ** -64
# Rounding c1, c2, ... to doubles costs up to ~2^-56 where the function changes fast relative to
# its size (Phi near -3); the kernel's own roundings are of the same order.
ROUNDED_TOLERANCE = mp.mpf(2) ** -55
COEFFICIENTS = 12  # degree 11


def double(x):
    return float(mp.mpf(x))


def split(x):
    """x as hi + lo, both doubles."""
    hi = double(x)
    return hi, double(mp.mpf(x) - hi)


def split3(x):
    hi = double(x)
    mid = double(mp.mpf(x) - hi)
    return hi, mid, double(mp.mpf(x) - hi - mid)


def truncated(x, bits):
    """x with its significand cut to `bits` bits."""
    m, e = mp.frexp(mp.mpf(x))
    return double(mp.floor(m * 2**bits) / 2**bits * mp.mpf(2) ** e)


def fit(f, centre, half_width, name):
    """Chebyshev interpolant of f(centre + d) on |d| <= half_width, as [c0 hi, c0 lo, c1, ...]."""
    coefficients = mp.chebyfit(lambda d: f(centre + d), [-half_width, half_width], COEFFICIENTS)
    coefficients = coefficients[::-1]  # lowest degree first
    hi, lo = split(coefficients[0])
    rounded = [mp.mpf(hi) + mp.mpf(lo)] + [mp.mpf(double(c)) for c in coefficients[1:]]
    worst = mp.mpf(0)
    worst_rounded = mp.mpf(0)
    for k in range(101):
        d = -half_width + 2 * half_width * k / 100
        exact = f(centre + d)
        worst = max(worst, abs(mp.polyval(coefficients[::-1], d) / exact - 1))
        worst_rounded = max(worst_rounded, abs(mp.polyval(rounded[::-1], d) / exact - 1))
    if worst > TOLERANCE or worst_rounded > ROUNDED_TOLERANCE:
        sys.exit(
            f"{name}: relative error {mp.nstr(worst, 3)} ({mp.nstr(worst_rounded, 3)} with the "
            f"coefficients rounded) at centre {centre} exceeds 2^-64 (2^-55)"
        )
    return [hi, lo] + [double(c) for c in coefficients[1:]]


def swift_array(name, values, comment, per_line=3):
    lines = [f"  /// {comment}", f"  static let {name}: [Double] = ["]
    for i in range(0, len(values), per_line):
        lines.append("    " + ", ".join(repr(v) for v in values[i : i + per_line]) + ",")
    lines.append("  ]")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    ln2 = mp.log(2)
    step_hi = truncated(ln2 / 128, 35)
    step_lo = double(ln2 / 128 - step_hi)
    exp2 = []
    for j in range(128):
        exp2 += split(mp.mpf(2) ** (mp.mpf(j) / 128))

    c = 1 / mp.sqrt(2 * mp.pi)

    def phi_cdf(x):
        return mp.ncdf(x)

    def gelu_prime(x):
        return mp.ncdf(x) + x * mp.npdf(x)

    root = mp.findroot(gelu_prime, mp.mpf("-0.7517915246935645"))
    rooted = range(15, 21)  # [-1.125, -0.5)

    central = []
    for i in range(48):
        centre = mp.mpf(-3) + (mp.mpf(i) + mp.mpf(0.5)) / 8
        central += fit(phi_cdf, centre, mp.mpf(1) / 16, "Phi")
        if i in rooted:
            central += fit(lambda x: gelu_prime(x) / (x - root), centre, mp.mpf(1) / 16, "f'/(x-r)")
        else:
            central += fit(gelu_prime, centre, mp.mpf(1) / 16, "f'")

    def scaled_tail(t):
        return mp.ncdf(-t) * mp.exp(t * t / 2)

    def a_of(t):
        return t * scaled_tail(t)

    def b_of(t):
        return t * c - scaled_tail(t)

    # Intervals: t in [2^e·(1 + k/16), 2^e·(1 + (k+1)/16)), from the one holding 3 to the one
    # holding 38; index = (bit pattern >> 48) − that of 3.
    def key(t):
        return struct.unpack("<Q", struct.pack("<d", t))[0] >> 48

    first, last = key(3.0), key(38.0)
    tail = []
    for k in range(first, last + 1):
        lower = struct.unpack("<d", struct.pack("<Q", k << 48))[0]
        upper = struct.unpack("<d", struct.pack("<Q", (k + 1) << 48))[0]
        centre = (mp.mpf(lower) + mp.mpf(upper)) / 2
        half = (mp.mpf(upper) - mp.mpf(lower)) / 2
        tail += fit(a_of, centre, half, "A") + [double(centre)]
        tail += fit(b_of, centre, half, "B")

    r = split3(root)
    text = "\n\n".join(
        [
            "// Generated by Scripts/kernels/make_tables.py (mpmath, 60 digits); do not edit.\n"
            "// Constants of the fast kernels in FastKernels.swift and GELU.swift; see the script for\n"
            "// what each table holds and how it is checked.\n\n"
            "enum Tables {\n"
            f"  /// ln 2/128 = exponentStepHi + exponentStepLo, the first with 35 significant bits.\n"
            f"  static let exponentStepHi = {step_hi!r}\n"
            f"  static let exponentStepLo = {step_lo!r}",
            swift_array("powersOfTwo", exp2, "2^(j/128) for j = 0..<128 as (hi, lo) pairs.", 2),
            swift_array(
                "geluCentral",
                central,
                "GELU on [-3, 3): per interval of width 1/8 from -3, Phi then f' (f'/(x - r) on "
                "intervals 15..<21), each [c0 hi, c0 lo, c1, ..., c11] in d = x - centre: 26 "
                "doubles.",
            ),
            "  /// The intervals of geluCentral whose f' polynomial is f'/(x - r).\n"
            f"  static let geluRootedIntervals = {rooted.start}..<{rooted.stop}\n"
            "  /// The root r of GELU's f' in three doubles.\n"
            f"  static let geluDerivativeRoot = (\n    {r[0]!r}, {r[1]!r}, {r[2]!r}\n  )\n"
            "  /// The bit pattern of 3.0 shifted right by 48: geluTail's first interval.\n"
            f"  static let geluTailFirstKey = {first}\n"
            f"  static let geluTailIntervals = {last - first + 1}",
            swift_array(
                "geluTail",
                tail,
                "GELU for 3 <= t < 38: per interval, A as [c0 hi, c0 lo, c1, ..., c11] in "
                "d = t - centre, the centre, then B likewise: 27 doubles.",
            ),
        ]
    )
    text += "\n}\n"
    if args.check:
        if OUTPUT.read_text() != text:
            sys.exit(f"{OUTPUT} is stale: run {Path(__file__).name}")
        return
    OUTPUT.write_text(text)
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
