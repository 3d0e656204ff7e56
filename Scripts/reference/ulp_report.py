#!/usr/bin/env python3
"""Measure activ's accuracy in ULP against the mpmath reference fixture.

Usage (from the repository root, after `swift build -c release`; mpmath from
Scripts/requirements.txt):

    python3 Scripts/reference/ulp_report.py
    python3 Scripts/reference/ulp_report.py --activ path/to/activ --only gelu --only relu
    python3 Scripts/reference/ulp_report.py --fail-above 4     # exit 1 if any f, f' error > 4 ULP
    python3 Scripts/reference/ulp_report.py --fail-above 4 --second-fail-above 8

For every spec in the fixture (Tests/ActivationsTests/Fixtures/reference.tsv,
see make_reference.py) activ is run once as

    activ eval 'SPEC' --input - --grad --grad2 --no-header

with the spec's x values on stdin, one per line in Python repr() form.  activ
must print one line ``x,f(x),f'(x),f''(x)`` per input, in order.

ULP error of a computed double c against the reference r:
R = nearest double to r; ulp = spacing of doubles at R (math.ulp, i.e. the gap
above |R|; 5e-324 when |R| < 2.2250738585072014e-308); error = |c - r| / ulp,
evaluated in mpmath, so fractional (a correctly rounded result is <= 0.5).
If r is +-inf, c must equal it exactly; any mismatch involving a non-finite
value counts as an infinite error.

Output: one line per spec with the worst value, derivative and second-derivative
errors and the x where each occurs, then one line per function name (worst over
its specs).  The exit status is 1 if activ failed for a spec, or if
--fail-above (f and f') or --second-fail-above (f'') is given and some error
exceeds it.
"""

import argparse
import math
import os
import subprocess
import sys
from collections import OrderedDict

from mpmath import mp, mpf

mp.dps = 60

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_FIXTURE = os.path.join(REPO, "Tests", "ActivationsTests", "Fixtures", "reference.tsv")
DEFAULT_ACTIV = os.path.join(REPO, ".build", "release", "activ")
MIN_NORMAL = 2.2250738585072014e-308
INF_ERR = mpf("inf")


def parse_ref(nearest, offset):
    """Reference value as an mpf: the nearest double plus offset ULPs of it."""
    if nearest in ("inf", "-inf"):
        return mpf(nearest)
    hi = float(nearest)
    spacing = 5e-324 if abs(hi) < MIN_NORMAL else math.ulp(hi)
    return mpf(hi) + mpf(float(offset)) * mpf(spacing)


HEADER = (
    "spec\tx\tvalue\tvalue_ulp_offset\tderivative\tderivative_ulp_offset"
    "\tsecond\tsecond_ulp_offset"
)


def read_fixture(path):
    """{spec: [(x, value_mpf, deriv_mpf, second_mpf), ...]} in file order."""
    specs = OrderedDict()
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line == HEADER:
                continue
            fields = line.split("\t")
            if len(fields) != 8:
                sys.exit(f"{path}:{lineno}: expected 8 tab-separated fields")
            spec, x, v, vr, d, dr, s, sr = fields
            specs.setdefault(spec, []).append(
                (float(x), parse_ref(v, vr), parse_ref(d, dr), parse_ref(s, sr))
            )
    return specs


def ulp_error(c, r):
    """|c - r| in units of the spacing of doubles at round(r); mpf or inf."""
    if mp.isinf(r):
        return mpf(0) if c == float(r) else INF_ERR
    if not math.isfinite(c):
        return INF_ERR
    R = float(r)  # mpmath converts with round-to-nearest
    ulp = 5e-324 if abs(R) < MIN_NORMAL else math.ulp(R)
    return abs(mpf(c) - r) / ulp


def run_lines(argv, stdin, xs, columns):
    """Run a program once; return [(x, ...)] floats, columns per line, or raise RuntimeError."""
    try:
        proc = subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=120)
    except OSError as e:
        raise RuntimeError(f"cannot run {argv[0]}: {e}") from None
    except subprocess.TimeoutExpired:
        raise RuntimeError("timed out") from None
    if proc.returncode != 0:
        msg = proc.stderr.strip().splitlines()
        raise RuntimeError(f"exit {proc.returncode}: {msg[-1] if msg else '(no stderr)'}")
    out = []
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        fields = [t.strip() for t in line.split(",")]
        if len(fields) != columns:
            raise RuntimeError(f"bad output line {line!r}")
        try:
            out.append(tuple(float(t) for t in fields))
        except ValueError:
            raise RuntimeError(f"unparsable output line {line!r}") from None
    if len(out) != len(xs):
        raise RuntimeError(f"{len(out)} output lines for {len(xs)} inputs")
    for x, row in zip(xs, out):
        # x must echo back exactly (including the sign of zero).
        if not (row[0] == x and math.copysign(1, row[0]) == math.copysign(1, x)):
            raise RuntimeError(f"output x {row[0]!r} does not match input {x!r}")
    return out


def run_activ(activ, spec, xs):
    """Run activ once; return [(x, f, df, d2f)] floats, or raise RuntimeError."""
    stdin = "".join(repr(x) + "\n" for x in xs)
    argv = [activ, "eval", spec, "--input", "-", "--grad", "--grad2", "--no-header"]
    return run_lines(argv, stdin, xs, 4)


def fmt_ulp(e):
    if e == INF_ERR:
        return "inf"
    if e < 1000:
        return f"{float(e):.3f}"
    return f"{float(e):.3g}"


class Worst:
    """Largest error seen so far and where (first occurrence wins ties)."""

    def __init__(self):
        self.err, self.x, self.spec = mpf(-1), None, None

    def add(self, err, x, spec):
        if err > self.err:
            self.err, self.x, self.spec = err, x, spec

    def merge(self, other):
        self.add(other.err, other.x, other.spec)


def function_name(spec):
    return spec.split("(", 1)[0]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--activ", default=DEFAULT_ACTIV, help="activ binary (default: .build/release/activ)")
    ap.add_argument("--fixture", default=DEFAULT_FIXTURE, help="reference TSV")
    ap.add_argument(
        "--only",
        action="append",
        metavar="NAME_OR_SPEC",
        help="restrict to this function name or exact spec (repeatable)",
    )
    ap.add_argument(
        "--fail-above", type=float, metavar="ULP", help="exit 1 if any f or f' error exceeds ULP"
    )
    ap.add_argument(
        "--second-fail-above", type=float, metavar="ULP", help="exit 1 if any f'' error exceeds ULP"
    )
    args = ap.parse_args(argv)

    fixture = read_fixture(args.fixture)
    if args.only:
        wanted = set(args.only)
        fixture = OrderedDict(
            (s, rows) for s, rows in fixture.items() if s in wanted or function_name(s) in wanted
        )
        if not fixture:
            sys.exit(f"no spec in the fixture matches {sorted(wanted)}")

    width = max(len(s) for s in fixture)
    header = (
        f"{'spec':<{width}}  {'n':>4}  {'value ulp':>10}  {'at x':<24}  {'deriv ulp':>10}  "
        f"{'at x':<24}  {'2nd ulp':>10}  {'at x':<24}"
    )
    print(header)
    print("-" * len(header))

    failed = False
    per_function = OrderedDict()
    for spec, rows in fixture.items():
        xs = [x for x, _, _, _ in rows]
        try:
            got = run_activ(args.activ, spec, xs)
        except RuntimeError as e:
            print(f"{spec:<{width}}  {len(rows):>4}  ERROR: {e}")
            failed = True
            continue
        wv, wd, ws = Worst(), Worst(), Worst()
        for (x, rv, rd, rs), (_, cv, cd, cs) in zip(rows, got):
            wv.add(ulp_error(cv, rv), x, spec)
            wd.add(ulp_error(cd, rd), x, spec)
            ws.add(ulp_error(cs, rs), x, spec)
        print(
            f"{spec:<{width}}  {len(rows):>4}  {fmt_ulp(wv.err):>10}  {wv.x!r:<24}  "
            f"{fmt_ulp(wd.err):>10}  {wd.x!r:<24}  {fmt_ulp(ws.err):>10}  {ws.x!r:<24}"
        )
        worsts = per_function.setdefault(function_name(spec), (Worst(), Worst(), Worst()))
        for mine, this in zip(worsts, (wv, wd, ws)):
            mine.merge(this)

    print()
    name_w = max([len(n) for n in per_function] + [8])
    print(
        f"{'function':<{name_w}}  {'value ulp':>10}  {'at':<40}  {'deriv ulp':>10}  {'at':<40}  "
        f"{'2nd ulp':>10}  {'at':<40}"
    )
    print("-" * (name_w + 162))
    worst_overall = worst_second = mpf(0)
    for name, (fv, fd, fs) in per_function.items():
        at_v = f"{fv.spec} x={fv.x!r}"
        at_d = f"{fd.spec} x={fd.x!r}"
        at_s = f"{fs.spec} x={fs.x!r}"
        print(
            f"{name:<{name_w}}  {fmt_ulp(fv.err):>10}  {at_v:<40}  "
            f"{fmt_ulp(fd.err):>10}  {at_d:<40}  {fmt_ulp(fs.err):>10}  {at_s:<40}"
        )
        worst_overall = max(worst_overall, fv.err, fd.err)
        worst_second = max(worst_second, fs.err)

    if args.fail_above is not None and worst_overall > args.fail_above:
        print(f"\nFAIL: worst error {fmt_ulp(worst_overall)} ULP exceeds {args.fail_above}", file=sys.stderr)
        failed = True
    if args.second_fail_above is not None and worst_second > args.second_fail_above:
        print(
            f"\nFAIL: worst f'' error {fmt_ulp(worst_second)} ULP exceeds {args.second_fail_above}",
            file=sys.stderr,
        )
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
