#!/usr/bin/env python3
"""Reference values for the expression language's elementary functions and powers, from mpmath.

Each row is an expression in x as activ accepts it, a point x (a double), and the true f(x),
f'(x) and f''(x) at that exact double, written as make_reference.py writes them: the nearest
double and the true value's offset from it in ULPs (so a test measures errors to a fraction of an
ULP). The derivatives are the closed forms, written here from the textbook definitions (not from
activ's Swift); at a domain edge they are the one-sided limits (asin'(1) = inf), outside the
domain every field is nan.

Usage: pip install mpmath
       python3 Scripts/reference/make_expression_fixtures.py \\
           -o Tests/ActivationsTests/Fixtures/expression_functions.tsv
"""

import argparse
import math
import random

import mpmath
from mpmath import mp, mpf

mp.dps = 60
SEED = 20261208
NAN = float("nan")
INF = mpf("inf")
with mp.workprec(64):
    OVERFLOW = mpf(2) ** 1024 - mpf(2) ** 970


def inv(v):
    """1/v, with 1/0 = +inf (a one-sided limit from the domain)."""
    return INF if v == 0 else 1 / v


def atan(x):
    d = 1 / (1 + x * x)
    return mpmath.atan(x), d, -2 * x * d * d


def asin(x, sign=1):
    if abs(x) > 1:
        return None
    if abs(x) == 1:
        v = mpmath.asin(x) if sign == 1 else mpmath.acos(x)
        return v, sign * INF, sign * (INF if x > 0 else -INF)
    s = mpmath.sqrt(1 - x * x)
    v = mpmath.asin(x) if sign == 1 else mpmath.acos(x)
    return v, sign / s, sign * x / s**3


def acos(x):
    return asin(x, -1)


def asinh(x):
    s = mpmath.sqrt(1 + x * x)
    return mpmath.asinh(x), 1 / s, -x / s**3


def acosh(x):
    if x < 1:
        return None
    if x == 1:
        return mpf(0), INF, -INF
    s = mpmath.sqrt(x * x - 1)
    return mpmath.acosh(x), 1 / s, -x / s**3


def atanh(x):
    if abs(x) > 1:
        return None
    if abs(x) == 1:
        return (INF if x > 0 else -INF), INF, (INF if x > 0 else -INF)
    d = 1 / (1 - x * x)
    return mpmath.atanh(x), d, 2 * x * d * d


def logb(base):
    def f(x):
        if x < 0:
            return None
        lb = mpf(1) if base == "e" else mpmath.log(base)
        if x == 0:
            return -INF, INF, -INF
        return mpmath.log(x) / lb, 1 / (x * lb), -1 / (x * x * lb)

    return f


def exp2(x):
    e = mpmath.power(2, x)
    l2 = mpmath.log(2)
    return e, e * l2, e * l2 * l2


def hypot_with(c):
    def f(x):
        h = mpmath.sqrt(x * x + c * c)
        if h == 0:
            return mpf(0), mpf(0), mpf(0)  # abs's convention at the kink
        return h, x / h, c * c / h**3

    return f


def negative_two_to_x(x):
    # (-2)^x: defined at integer x only; the derivative through the exponent needs log(-2).
    if x != int(x):
        return None
    return mpf(-2) ** int(x), NAN, NAN


def x_to_x(x):
    if x < 0:
        if x != int(x):
            return None
        return mpf(x) ** int(x), NAN, NAN
    if x == 0:
        return "skip"  # 0^0 = 1 by IEEE, log 0 makes the derivatives undefined: not tabled
    v = mpf(x) ** x
    h1 = mpmath.log(x) + 1
    return v, v * h1, v * (h1 * h1 + 1 / x)


def cube(x):
    return x**3, 3 * x * x, 6 * x


FUNCTIONS = [
    ("ln(x)", logb("e"), "log"),
    ("log2(x)", logb(2), "log"),
    ("log10(x)", logb(10), "log"),
    ("exp2(x)", exp2, "exp"),
    ("atan(x)", atan, "any"),
    ("asin(x)", asin, "unit"),
    ("acos(x)", acos, "unit"),
    ("asinh(x)", asinh, "any"),
    ("acosh(x)", acosh, "above1"),
    ("atanh(x)", atanh, "unit"),
    ("hypot(x, 0.75)", hypot_with(mpf("0.75")), "any"),
    ("hypot(x, 0)", hypot_with(mpf(0)), "any"),
    ("x**3", cube, "any"),
    ("(-2)^x", negative_two_to_x, "integers"),
    ("x^x", x_to_x, "integers"),
]

EDGES = [0.0, -0.0, 1.0, -1.0, math.nextafter(1, 0), -math.nextafter(1, 0), math.nextafter(1, 2),
         -math.nextafter(1, 2), 0.5, -0.5, 2.0, -2.0, 3.0, 8.0, 1000.0, 1e-300, 5e-324, 1e-10,
         -1e-10, 0.1, 10.0, 1e10, 1e300, -1e300, 1.7976931348623157e308, 1.000001, 0.999999]


def points(kind, rng):
    pts = list(EDGES)
    if kind == "integers":
        return [float(i) for i in range(-6, 7)] + [0.5, -0.5, -1.5, 2.5]
    if kind == "exp":
        pts += [-1074.0, -1075.0, 1023.0, 1024.0, 1023.5, -1022.5, 0.75, -3.0]
        pts += [rng.uniform(-1100, 1100) for _ in range(40)]
        return pts
    for _ in range(40):
        m = math.pow(10, rng.uniform(-12, 12))
        if kind == "unit":
            m = rng.uniform(-1, 1)
        elif kind == "above1":
            m = 1 + math.pow(10, rng.uniform(-12, 12))
        pts += [m, -m]
    return pts


def significand_is_odd(c):
    if abs(c) < 2.2250738585072014e-308:
        return round(abs(c) / 5e-324) % 2 == 1
    return int(abs(math.frexp(c)[0]) * 2**53) % 2 == 1


def fmt(v):
    """The double nearest v and v's offset from it in ULPs (make_reference.py's encoding)."""
    if isinstance(v, float) and math.isnan(v):
        return "nan\t0.0"
    v = mpf(v)
    if mpmath.isinf(v) or abs(v) >= OVERFLOW:
        return ("inf" if v > 0 else "-inf") + "\t0.0"
    guess = float(v)
    candidates = [math.nextafter(guess, -math.inf), guess, math.nextafter(guess, math.inf)]
    candidates = [c for c in candidates if math.isfinite(c)]
    hi = min(candidates, key=lambda c: (abs(v - mpf(c)), significand_is_odd(c)))
    spacing = 5e-324 if abs(hi) < 2.2250738585072014e-308 else math.ulp(hi)
    offset = (v - mpf(hi)) / mpf(spacing)
    assert abs(offset) <= mpf(1) / 2
    return f"{hi!r}\t{float(offset)!r}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    rng = random.Random(SEED)
    lines = [
        "# generated by Scripts/reference/make_expression_fixtures.py "
        f"(mpmath {mpmath.__version__}, {mp.dps} digits); do not edit",
        "spec\tx\tvalue\tvalue_ulp_offset\tderivative\tderivative_ulp_offset"
        "\tsecond\tsecond_ulp_offset",
    ]
    for spec, function, kind in FUNCTIONS:
        seen = set()
        for x in points(kind, rng):
            key = (x, math.copysign(1, x))
            if key in seen:
                continue
            seen.add(key)
            result = function(mpf(x))
            if result == "skip":
                continue
            if result is None:
                result = (NAN, NAN, NAN)
            lines.append("\t".join([spec, repr(x)] + [fmt(v) for v in result]))
    with open(args.output, "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
