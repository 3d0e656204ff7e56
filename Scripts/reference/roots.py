#!/usr/bin/env python3
"""The roots and Taylor coefficients of activ's RootExpansion constants, from mpmath.

Usage (from the repository root):

    python3 Scripts/reference/roots.py            # print every constant as Swift
    python3 Scripts/reference/roots.py --check    # compare them with the Swift sources

Where f' or f'' of a catalogue function has an irrational root at which its terms cancel
(silu' at -1.278..., silu'' at +-2.399..., mish'' at -2.256... and 1.490...), activ evaluates it
within 2^-20 of the root as the Taylor polynomial c1 d + c2 d^2 + c3 d^3 + c4 d^4 about the root,
d = x - root (Sources/Activations/Numerics/RootExpansion.swift).  This script finds each root with
mpmath at 80 digits (findroot from a rough guess on the analytic f' or f'' of make_reference.py,
the same formulas the fixture is made from), writes it as a triple-double hi + mid + lo (each part
the double nearest what the previous parts leave), and the coefficients c_k = g^(k)(root)/k! of
the expanded function g (f' or f'') as doubles.

Even functions are expanded in |v| about their positive root (swish'' = beta h'(beta x) with
h'(v) = h'(-v); the tanh-GELU's f''), so one expansion serves both roots.

Roots that are not tabulated, and why:

* gelu'' = phi(x) (2 - x^2) vanishes at +-sqrt 2, where 2 - x^2 is exact in double-double: no
  expansion needed.  sigmoid'', tanh'' and tanhshrink'' vanish only at 0, as products.
* acon_c'' = beta (p1 - p2)^2 h'(v), v = beta (p1 - p2) x: swish's h' expansion, in v.
* meta_acon'' has three roots that move with p1 - p2 (printed below for the defaults): activ
  evaluates its cancelling bracket in triple-double there instead (MetaAcon.secondDerivative).

--check exits 1 if a constant in the Swift sources differs from the one computed here.
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import make_reference as ref  # noqa: E402
from mpmath import mp, mpf  # noqa: E402

DPS = 80

# (Swift file, Swift constant, spec, order of the expanded derivative, rough root, expanded in)
EXPANSIONS = [
    ("Logistic.swift", "Swish.gateRoot", "silu", 1, -1.28, "v = beta*x: h(v), swish' = h(v)"),
    ("Logistic.swift", "Swish.gateSecondRoot", "silu", 2, 2.4, "|v|: h'(v), swish'' = beta h'(v)"),
    ("Softplus.swift", "Mish.derivativeRoot", "mish", 1, -1.19, "x: mish'"),
    ("Softplus.swift", "Mish.secondRootLeft", "mish", 2, -2.26, "x: mish''"),
    ("Softplus.swift", "Mish.secondRootRight", "mish", 2, 1.49, "x: mish''"),
    ("GELU.swift", "GELU.derivativeRoot", "gelu", 1, -0.75, "x: gelu'"),
    ("GELU.swift", "GELU.tanhDerivativeRoot", "gelu(approximate=tanh)", 1, -0.75, "x: gelu'"),
    ("GELU.swift", "GELU.tanhSecondRoot", "gelu(approximate=tanh)", 2, 1.42, "|x|: gelu''"),
]


def derivative_of_order(act, order):
    return act.deriv if order == 1 else act.second


def triple(r):
    """hi + mid + lo, each the double nearest what the previous parts leave of r."""
    with mp.workdps(DPS):
        hi = float(r)
        mid = float(r - hi)
        lo = float(r - hi - mid)
    return hi, mid, lo


def expansion(spec, order, guess):
    """(root as an mpf, (hi, mid, lo), (c1, c2, c3, c4))."""
    g = derivative_of_order(ref.build(spec), order)
    with mp.workdps(DPS):
        root = mp.findroot(g, mpf(guess), tol=mpf(10) ** (-DPS + 5))
        if abs(g(root)) > mpf(10) ** (-DPS + 10):
            raise SystemExit(f"roots.py: {spec} order {order}: no root near {guess}")
        coefficients = tuple(float(mp.diff(g, root, k) / mp.factorial(k)) for k in range(1, 5))
    return root, triple(root), coefficients


def swift(name, parts, coefficients, comment):
    hi, mid, lo = parts
    c = coefficients
    return (
        f"  /// {comment}\n"
        f"  static let {name.split('.')[-1]} = RootExpansion(\n"
        f"    root: ({hi!r}, {mid!r}, {lo!r}),\n"
        f"    coefficients: (\n"
        f"      {c[0]!r}, {c[1]!r}, {c[2]!r}, {c[3]!r}\n"
        f"    ))"
    )


def swift_constant(path, name):
    """(root parts, coefficients) of `static let NAME = RootExpansion(...)` in a Swift file."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    short = name.split(".")[-1]
    m = re.search(
        r"static let " + re.escape(short) + r" = RootExpansion\(\s*root:\s*\(([^)]*)\),\s*"
        r"coefficients:\s*\(([^)]*)\)",
        text,
    )
    if not m:
        return None
    numbers = [
        [float(t) for t in group.replace("\n", " ").split(",") if t.strip()] for group in m.groups()
    ]
    return tuple(numbers[0]), tuple(numbers[1])


def meta_acon_roots():
    """The roots of meta_acon'' at the default parameters, found by a sign scan and bisection."""
    g = ref.build("meta_acon").second
    with mp.workdps(DPS):
        grid = [mpf(i) / 8 for i in range(-80, 81)]
        values = [g(x) for x in grid]
        return [
            mp.findroot(g, (grid[i], grid[i + 1]), solver="anderson")
            for i in range(len(grid) - 1)
            if values[i] * values[i + 1] < 0
        ]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the Swift sources")
    args = ap.parse_args(argv)
    failed = False
    for file, name, spec, order, guess, variable in EXPANSIONS:
        root, parts, coefficients = expansion(spec, order, guess)
        primes = "'" * order
        comment = f"{spec}{primes} about its root {mp.nstr(root, 20)} (mpmath), in {variable}"
        if args.check:
            path = os.path.join(REPO, "Sources", "Activations", "Functions", file)
            found = swift_constant(path, name)
            ok = found is not None and found[0] == parts and all(
                abs(a - b) <= 4e-16 * abs(b) for a, b in zip(found[1], coefficients)
            )
            print(f"{'ok  ' if ok else 'DIFF'} {name:26} {mp.nstr(root, 25)}")
            if not ok:
                failed = True
                print(f"     Swift:   {found}\n     mpmath:  {parts}, {coefficients}")
        else:
            print(f"// {file}")
            print(swift(name, parts, coefficients, comment))
            print()
    if not args.check:
        roots = ", ".join(mp.nstr(r, 20) for r in meta_acon_roots())
        print(f"// meta_acon'' (p1=1, p2=0) vanishes at {roots}:")
        print("// not tabulated (they move with p1 - p2; activ uses triple-double there)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
