#!/usr/bin/env python3
"""The roots and Taylor coefficients of activ's RootExpansion constants, from mpmath.

Usage (from the repository root):

    python3 Scripts/reference/roots.py            # print every constant as Swift
    python3 Scripts/reference/roots.py --check    # compare them with the Swift sources

It needs mpmath (Scripts/requirements.txt) and the built activ, whose catalogue gives the specs'
defaults (make_reference.py; --activ PATH for another binary).

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

# (Swift constant, spec, order of the expanded derivative, rough root, expanded in).  --check finds
# each constant in whichever file under Sources/Activations declares its type.
EXPANSIONS = [
    ("Swish.gateRoot", "silu", 1, -1.28, "v = beta*x: h(v), swish' = h(v)"),
    ("Swish.gateSecondRoot", "silu", 2, 2.4, "|v|: h'(v), swish'' = beta h'(v)"),
    ("Mish.derivativeRoot", "mish", 1, -1.19, "x: mish'"),
    ("Mish.secondRootLeft", "mish", 2, -2.26, "x: mish''"),
    ("Mish.secondRootRight", "mish", 2, 1.49, "x: mish''"),
    ("GELU.derivativeRoot", "gelu", 1, -0.75, "x: gelu'"),
    ("GELU.tanhDerivativeRoot", "gelu(approximate=tanh)", 1, -0.75, "x: gelu'"),
    ("GELU.tanhSecondRoot", "gelu(approximate=tanh)", 2, 1.42, "|x|: gelu''"),
]
SOURCES = os.path.join(REPO, "Sources", "Activations")
TOP_LEVEL = re.compile(
    r"^(?:(?:public|package|internal|fileprivate|private|final)\s+)*"
    r"(?:struct|enum|extension|class|protocol|func|let|var)\s+(\w+)",
    re.M,
)


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


def swift_constant(name):
    """(file, root parts, coefficients) of `static let NAME = RootExpansion(...)` inside the
    declaration (or an extension) of NAME's type in the Swift sources, or None."""
    owner, short = name.split(".")
    constant = re.compile(
        r"static let " + re.escape(short) + r" = RootExpansion\(\s*root:\s*\(([^)]*)\),\s*"
        r"coefficients:\s*\(([^)]*)\)"
    )
    for directory, _, files in sorted(os.walk(SOURCES)):
        for file in sorted(f for f in files if f.endswith(".swift")):
            path = os.path.join(directory, file)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            starts = list(TOP_LEVEL.finditer(text))
            for i, start in enumerate(starts):
                if start.group(1) != owner:
                    continue
                end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
                m = constant.search(text, start.start(), end)
                if m:
                    numbers = [
                        [float(t) for t in group.replace("\n", " ").split(",") if t.strip()]
                        for group in m.groups()
                    ]
                    return os.path.relpath(path, REPO), tuple(numbers[0]), tuple(numbers[1])
    return None


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
    ap.add_argument(
        "--activ",
        metavar="PATH",
        help="the activ binary whose catalogue gives the defaults (default: $ACTIV, else "
        ".build/release/activ in the repository)",
    )
    args = ap.parse_args(argv)
    if args.activ:
        ref.catalogue.use(args.activ)
    failed = False
    for name, spec, order, guess, variable in EXPANSIONS:
        root, parts, coefficients = expansion(spec, order, guess)
        primes = "'" * order
        comment = f"{spec}{primes} about its root {mp.nstr(root, 20)} (mpmath), in {variable}"
        found = swift_constant(name)
        if args.check:
            ok = found is not None and found[1] == parts and all(
                abs(a - b) <= 4e-16 * abs(b) for a, b in zip(found[2], coefficients)
            )
            print(f"{'ok  ' if ok else 'DIFF'} {name:26} {mp.nstr(root, 25)}")
            if not ok:
                failed = True
                print(f"     Swift:   {found}\n     mpmath:  {parts}, {coefficients}")
        else:
            print(f"// {name}" + (f" ({found[0]})" if found else ""))
            print(swift(name, parts, coefficients, comment))
            print()
    if not args.check:
        roots = ", ".join(mp.nstr(r, 20) for r in meta_acon_roots())
        print(f"// meta_acon'' (p1=1, p2=0) vanishes at {roots}:")
        print("// not tabulated (they move with p1 - p2; activ uses triple-double there)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
