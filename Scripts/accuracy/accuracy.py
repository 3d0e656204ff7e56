#!/usr/bin/env python3
"""Measure activ's accuracy (f, f' and f'') on fresh random points against mpmath, next to JAX and
naive numpy.

One command (from the repository root) regenerates everything; it builds activ first:

    pip install -r Scripts/requirements.txt   # jax: CPU wheels from PyPI; numpy and jax optional
    python3 Scripts/accuracy/accuracy.py                 # the full run, a fresh random seed
    python3 Scripts/accuracy/accuracy.py --markdown      # the table of docs/accuracy.md
    python3 Scripts/accuracy/accuracy.py --seed 7 --only gelu --points 2000 --no-peers

For every spec of make_reference.SPECS (defaults and non-default parameters) it draws --points
fresh random points with make_reference.draw_point (about 45% log-uniform magnitudes over the
whole double range, subnormals included, on both signs; 45% uniform on [-40, 40], a third of
those on [-3, 3]; 10% within 64 ULPs, 1e-6 or a log-uniform relative distance of a special point),
and adds the hard points: make_reference's base and kink points (thresholds of exp, +-0, the
smallest subnormal, the largest doubles) and special_points (kinks, roots of f, f' and f'', the
points where f, f' or f'' underflows, leaves the normal range or overflows, found with mpmath once
per spec).  The seed is printed, so any run can be repeated with --seed.

The reference is make_reference.evaluate: mpmath at 60 and 80 digits, required to agree to 45
digits, in --jobs processes.  Each spec's points go through

* activ's CLI, ``activ eval SPEC --input - --grad --grad2 --no-header``, and
* the library, through ``.build/release/AccuracyHarness`` (Sources/AccuracyHarness),

which must agree bit for bit on f, f' and f'', and through the peers when they import (see
peers.py): JAX in float64 (jax.nn where it has the function, jit and autodiff) and numpy written
the obvious way, for f and f'.

Errors are measured against R, the correctly rounded true value (the double nearest to it):

* |c - R| / ulp(R) where |R| is a normal double (an integer when c and R share a binade);
  R = +-inf (the true value overflows) requires c = R exactly;
* |c - R| / 5e-324 where |R| is below the normal range: the "subnormal" column;
* a NaN or +-inf where the true value is finite is "inf".

activ is also checked for ("checks" column): "exact zero", an exact 0 where the true value is
exactly 0; "underflow sign", a true value that underflows must give a zero of its own sign
(silu(-800) = -0); "sign at ±0", f(-0) and f(+0) take the sign f has just beside 0 on that side
where f(0) = 0 and f is not identically 0 there (tanh(-0) = -0), f' and f'' likewise except at a
kink; "-0 for +0", any other exact zero (relu(-3), relu(-0), a derivative's convention at a kink)
must be +0, as the signed-zero tests expect; "nan/inf", NaN in gives NaN out and f, f', f'' at
+-inf are the true limits (their nearest doubles; the sign of a zero limit is not checked);
"lib≠cli", the CLI and the library differ.  Peers are not held to these, and their
derivatives are not compared exactly at kinks, where each framework picks its own one-sided slope.

Output: one table per spec and one per function (worst over its specs) with activ's worst value,
derivative and second-derivative errors and the x where they occur, the subnormal worst
(f/f'/f''), the CLI/library check, the other checks, JAX's and numpy's worst value and derivative
errors ("—" where a peer cannot compute the function), and activ's budget verdict; then every spec
out of budget with its worst points (x, activ's result, the correctly rounded result).
--markdown prints only the table of docs/accuracy.md (function x activ/JAX/numpy).  Progress goes
to stderr.
A full default run (~540,000 points) takes one to two minutes on two cores.

Budgets (activ): value <= 2 ULP, derivative <= 4 ULP, second derivative <= 8 ULP, subnormal <= 4
units of 5e-324; the piecewise-linear functions (PIECEWISE_LINEAR) exactly R everywhere (f'' is
exactly 0).  The exit status is 1 if activ is out of budget anywhere or the CLI and the library
disagree, 2 on a usage or setup error.
"""

import argparse
import math
import multiprocessing
import os
import random
import struct
import subprocess
import sys
import time
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "Scripts", "reference"))
sys.path.insert(0, HERE)

import make_reference as ref  # noqa: E402
import mpmath  # noqa: E402
from mpmath import mp, mpf  # noqa: E402

try:
    import peers  # noqa: E402  (needs numpy)
except ImportError:
    peers = None

DEFAULT_ACTIV = os.path.join(REPO, ".build", "release", "activ")
DEFAULT_HARNESS = os.path.join(REPO, ".build", "release", "AccuracyHarness")

MIN_NORMAL = ref.MIN_NORMAL
MIN_SUBNORMAL = 5e-324
FAR_OUT = mpf(2) ** 1100  # beyond every double: f there, rounded, is the limit at infinity

VALUE_BUDGET, DERIVATIVE_BUDGET, SECOND_BUDGET, SUBNORMAL_BUDGET = 2, 4, 8, 4
PIECEWISE_LINEAR = {
    "relu", "leaky_relu", "prelu", "rrelu", "relu6", "hard_sigmoid", "hard_tanh", "softshrink",
    "hardshrink", "threshold", "identity", "maxout", "frelu",
}
CHUNK = 250  # points per reference task
SHOW_OFFENDERS = 5  # worst out-of-budget points listed per spec and quantity


# ---------------------------------------------------------------------------
# Reference (runs in worker processes)


def nearest(v):
    """The double nearest the mpf v (ties to even; +-inf past the overflow threshold; a value
    below the subnormal range keeps its sign as +-0).  None where v is NaN."""
    if mp.isnan(v):
        return None
    return float(ref.fmt(v).split("\t")[0])


def prepare(spec):
    """Per spec, once: the special points, the limits at +-inf, and the sign f, f' and f'' have
    just beside +-0 (None where they are 0 there: no determined sign)."""
    mp.dps = ref.BASE_DPS
    act = ref.build(spec)
    stats = {"escalated": []}
    limits = {}
    for name, x in (("-inf", -FAR_OUT), ("inf", FAR_OUT)):
        limits[name] = tuple(nearest(g) for g in ref.evaluate(act, x, stats))
    beside_zero = {}
    for sign in (1.0, -1.0):
        with mp.workdps(ref.BASE_DPS):
            x = sign * mpf(2) ** -1100
            beside = (act.value(x), act.deriv(x), act.second(x))
        beside_zero[sign] = tuple(None if g == 0 else (1.0 if g > 0 else -1.0) for g in beside)
    return spec, ref.special_points(act), limits, beside_zero


ACTS = {}


def reference_chunk(task):
    """[(R_value, value_is_exact_zero, R_derivative, derivative_is_exact_zero, R_second,
    second_is_exact_zero)] for a chunk."""
    spec, index, xs = task
    mp.dps = ref.BASE_DPS
    act = ACTS.get(spec)
    if act is None:
        act = ACTS[spec] = ref.build(spec)
    stats = {"escalated": []}
    out = []
    for x in xs:
        v, d, s = ref.evaluate(act, x, stats)
        if act.analytic and x != 0 and (v == 0 or d == 0 or (s == 0 and not act.linear)):
            raise ref.CheckError(f"{spec}: exact zero at x={x!r} (total cancellation?)")
        out.append((nearest(v), v == 0, nearest(d), d == 0, nearest(s), s == 0))
    return spec, index, out


# ---------------------------------------------------------------------------
# Running activ


def run_lines(argv, stdin, what):
    """Run a program; return its stdout lines, or raise RuntimeError."""
    try:
        proc = subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise RuntimeError(f"{what}: {e}") from None
    if proc.returncode != 0:
        msg = proc.stderr.strip().splitlines()
        raise RuntimeError(f"{what}: exit {proc.returncode}: {msg[-1] if msg else '(no stderr)'}")
    return [line for line in proc.stdout.splitlines() if line.strip()]


def parse_rows(lines, inputs, what, columns):
    """[(f, f', f'')] from `x,f,f',f''` lines (columns results after x), checking that x echoes
    each input (sign of zero and NaN included)."""
    if len(lines) != len(inputs):
        raise RuntimeError(f"{what}: {len(lines)} output lines for {len(inputs)} inputs")
    out = []
    for line, x in zip(lines, inputs):
        fields = line.split(",")
        try:
            numbers = [float(t) for t in fields]
        except ValueError:
            raise RuntimeError(f"{what}: bad output line {line!r}") from None
        if len(numbers) != columns + 1:
            raise RuntimeError(f"{what}: bad output line {line!r}")
        if not same_bits(numbers[0], x):
            raise RuntimeError(f"{what}: output x {numbers[0]!r} does not match input {x!r}")
        out.append(tuple(numbers[1:]))
    return out


def run_activ(activ, harness, spec, xs):
    """((f, f', f'') from the CLI, the same from the library) at xs."""
    body = "".join(repr(x) + "\n" for x in xs)
    argv = [activ, "eval", spec, "--input", "-", "--grad", "--grad2", "--no-header"]
    cli = run_lines(argv, body, "activ")
    lib = run_lines([harness], spec + "\n" + body, "AccuracyHarness")
    return parse_rows(cli, xs, "activ", 3), parse_rows(lib, xs, "AccuracyHarness", 3)


def same_bits(a, b):
    return (math.isnan(a) and math.isnan(b)) or struct.pack("<d", a) == struct.pack("<d", b)


# ---------------------------------------------------------------------------
# Errors


def ulp_error(c, r):
    """(kind, error) of the computed double c against the correctly rounded result r:
    kind 'normal' (error in ULPs of r; r = +-inf must be met exactly) or 'subnormal' (|r| below
    the normal range; error in units of 5e-324).  A NaN or +-inf where r is finite is a 'normal'
    error of inf wherever r is, so the main columns show it."""
    if math.isinf(r):
        return "normal", (0.0 if c == r else math.inf)
    if not math.isfinite(c):
        return "normal", math.inf
    kind, unit = ("subnormal", MIN_SUBNORMAL) if abs(r) < MIN_NORMAL else ("normal", math.ulp(r))
    if c == r:
        return kind, 0.0
    # Exact when c and r are within a factor of 2 (Sterbenz), so small errors are exact
    # integers; a farther c is off by more than 2^51 ULPs anyway.
    error = abs(c - r) / unit
    return kind, (error if math.isfinite(error) else sys.float_info.max)


class Worst:
    """The largest error seen and where (the first point wins a tie)."""

    def __init__(self):
        self.err, self.x, self.got, self.want, self.spec = None, None, None, None, None

    def add(self, err, x, got=None, want=None, spec=None):
        if err is not None and (self.err is None or err > self.err):
            self.err, self.x, self.got, self.want, self.spec = err, x, got, want, spec

    def merge(self, other):
        self.add(other.err, other.x, other.got, other.want, other.spec)


class Quantity:
    """Errors of one computed quantity (value or derivative) of one spec."""

    def __init__(self, budget, sub_budget):
        self.budget, self.sub_budget = budget, sub_budget
        self.normal, self.subnormal = Worst(), Worst()
        self.offenders = []  # (err, kind, x, got, want) beyond budget
        self.problems = {}  # check name -> [x, ...]

    def add(self, x, got, want, spec):
        kind, err = ulp_error(got, want)
        if kind == "normal":
            worst, budget = self.normal, self.budget
        else:
            worst, budget = self.subnormal, self.sub_budget
        worst.add(err, x, got, want, spec)
        if err > budget:
            self.offenders.append((err, kind, x, got, want))

    def problem(self, name, x):
        self.problems.setdefault(name, []).append(x)

    def ok(self):
        return not self.offenders and not self.problems


def kink_doubles(spec):
    return {ref.to_double(k) for k in ref.build(spec).kinks}


def assess_activ(spec, xs, refs, got, beside_zero, pl):
    """(value, derivative, second derivative) Quantities of activ at the finite points."""
    if pl:
        budgets = [(0, 0), (0, 0), (0, 0)]
    else:
        budgets = [
            (VALUE_BUDGET, SUBNORMAL_BUDGET),
            (DERIVATIVE_BUDGET, SUBNORMAL_BUDGET),
            (SECOND_BUDGET, SUBNORMAL_BUDGET),
        ]
    quantities = [Quantity(*b) for b in budgets]
    kinks = kink_doubles(spec)
    for x, (rv, zv, rd, zd, rs, zs), computed in zip(xs, refs, got):
        for i, (r, exact_zero, c) in enumerate(
            ((rv, zv, computed[0]), (rd, zd, computed[1]), (rs, zs, computed[2]))
        ):
            if r is None:
                continue  # mathematically undefined: none expected
            q = quantities[i]
            q.add(x, c, r, spec)
            if exact_zero and c != 0:
                q.problem("exact zero", x)
            if r == 0 and c == 0:
                sign = math.copysign(1.0, c)
                if not exact_zero:
                    # A true value that underflows rounds to a zero of its own sign.
                    if sign != math.copysign(1.0, r):
                        q.problem("underflow sign", x)
                else:
                    want = None
                    if x == 0 and not (i >= 1 and 0.0 in kinks):
                        want = beside_zero[math.copysign(1.0, x)][i]
                    if want is not None:
                        if sign != want:
                            q.problem("sign at ±0", x)
                    elif sign < 0:
                        # No side gives a sign (relu(-3), relu(-0), a convention at a kink): +0.
                        q.problem("-0 for +0", x)
    return quantities


def assess_peer(spec, xs, refs, values, derivatives):
    """(worst value, worst derivative) of a peer where the correctly rounded result is normal
    (or the peer's result is not finite); derivatives exactly at kinks are skipped."""
    kinks = kink_doubles(spec)
    worst = (Worst(), Worst())
    for j, (x, (rv, _, rd, _, _, _)) in enumerate(zip(xs, refs)):
        for i, (r, c) in enumerate(((rv, values[j]), (rd, derivatives[j]))):
            if r is None or (i == 1 and x in kinks):
                continue
            kind, err = ulp_error(float(c), r)
            if kind == "normal":
                worst[i].add(err, x, float(c), r, spec)
    return worst


def check_specials(got, limits):
    """Problems at nan, -inf, inf (f, f', f'' there, in that order)."""
    problems = []
    (nv, nd, ns), lo, hi = got
    if not (math.isnan(nv) and math.isnan(nd) and math.isnan(ns)):
        problems.append(f"f, f', f''(nan) = {nv!r}, {nd!r}, {ns!r}: not NaN")
    for name, results in (("-inf", lo), ("inf", hi)):
        for label, c, want in zip(("f", "f'", "f''"), results, limits[name]):
            if c != want:
                problems.append(f"{label}({name}) = {c!r}, limit {want!r}")
    return problems


# ---------------------------------------------------------------------------
# Output


def fmt_err(e):
    if e is None:
        return "—"
    if math.isinf(e):
        return "inf"
    if e >= 1e5:
        return f"{e:.1e}"
    if e == int(e):
        return str(int(e))
    return f"{e:.1f}"


def activ_err(normal, subnormal):
    """fmt_err of activ's worst error where the result is normal; 0 where there is no normal
    result but every zero is exact (f'' of the piecewise-linear functions)."""
    if normal.err is None and subnormal.err == 0:
        return "0"
    return fmt_err(normal.err)


def fmt_x(worst):
    """Where the worst error occurs; blank when there is no error at all."""
    return "" if worst.x is None or worst.err == 0 else repr(worst.x)


def table(headers, rows, align):
    """A plain text table; align is a string of '<'/'>' per column."""
    widths = [max(len(str(r[i])) for r in [headers] + rows) for i in range(len(headers))]
    lines = []
    for r in [headers] + rows:
        cells = [f"{str(c):{a}{w}}" for c, a, w in zip(r, align, widths)]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


class SpecResult:
    def __init__(self, spec, n):
        self.spec, self.n = spec, n
        self.name = ref.function_name(spec)
        self.pl = self.name in PIECEWISE_LINEAR
        self.value = self.derivative = self.second = None  # Quantity
        self.mismatches = []  # x where the CLI and the library differ
        self.special_problems = []
        self.error = None  # activ could not be run
        self.peer = {}  # 'jax'/'numpy' -> (Worst value, Worst derivative) or None
        self.jax_label = None

    def quantities(self):
        return (("f", self.value), ("f'", self.derivative), ("f''", self.second))

    def checks(self):
        notes = []
        for label, q in self.quantities():
            for name, xs in (q.problems.items() if q else []):
                notes.append(f"{label} {name} x{len(xs)}")
        if self.mismatches:
            notes.append(f"lib≠cli x{len(self.mismatches)}")
        if self.special_problems:
            notes.append(f"nan/inf x{len(self.special_problems)}")
        return "; ".join(notes) or "ok"

    def reasons(self):
        """Short reasons activ is out of budget, for the table of docs/accuracy.md."""
        if self.error:
            return ["not run"]
        out = []
        for label, q in (("f", self.value), ("f′", self.derivative), ("f″", self.second)):
            kinds = {kind for _, kind, *_ in q.offenders}
            if "normal" in kinds:
                out.append(f"{label} > {q.budget} ULP")
            if "subnormal" in kinds:
                out.append(f"{label} subnormal > {q.sub_budget}")
            out += [f"{label} {name}" for name in q.problems]
        if self.mismatches:
            out.append("lib≠cli")
        if self.special_problems:
            out.append("nan/inf")
        return out

    def ok(self):
        return (
            self.error is None
            and self.value.ok()
            and self.derivative.ok()
            and self.second.ok()
            and not self.mismatches
            and not self.special_problems
        )


def peer_cells(results_or_worsts, key):
    """JAX/numpy value and derivative cells from a (Worst, Worst) or None."""
    w = results_or_worsts.get(key)
    if w is None:
        return ["—", "—"]
    return [fmt_err(w[0].err), fmt_err(w[1].err)]


def report(results, per_function, header_lines, elapsed):
    out = list(header_lines)
    out.append("")
    out.append("Per spec (value, deriv, 2nd: worst ULP of f, f', f'' where the correctly rounded")
    out.append("result is a normal double; subnormal: f/f'/f'' worst in units of 5e-324 below the")
    out.append("normal range)")
    rows = []
    for r in results:
        if r.error:
            rows.append([r.spec, r.n, "ERROR", r.error] + [""] * 13)
            continue
        rows.append(
            [
                r.spec,
                r.n,
                fmt_err(r.value.normal.err),
                fmt_x(r.value.normal),
                fmt_err(r.derivative.normal.err),
                fmt_x(r.derivative.normal),
                activ_err(r.second.normal, r.second.subnormal),
                fmt_x(r.second.normal),
                "/".join(fmt_err(q.subnormal.err) for _, q in r.quantities()),
                "ok" if not r.mismatches else f"{len(r.mismatches)} differ",
                r.checks(),
                *peer_cells(r.peer, "jax"),
                *peer_cells(r.peer, "numpy"),
                "ok" if r.ok() else "FAIL",
                r.jax_label or "",
            ]
        )
    headers = ["spec", "points", "value", "at x", "deriv", "at x", "2nd", "at x", "subnormal",
               "lib=cli", "checks", "JAX f", "JAX f'", "numpy f", "numpy f'", "budget", "JAX uses"]
    out.append(table(headers, rows, "<>>>>>>><<<>>>><<"))
    out.append("")
    out.append("Per function (worst over its specs)")
    rows = []
    for name, f in per_function.items():
        rows.append(
            [
                name,
                fmt_err(f["value"].err),
                where(f["value"], name),
                fmt_err(f["derivative"].err),
                where(f["derivative"], name),
                activ_err(f["second"], f["second_sub"]),
                where(f["second"], name),
                f"{fmt_err(f['value_sub'].err)}/{fmt_err(f['derivative_sub'].err)}/"
                f"{fmt_err(f['second_sub'].err)}",
                f["checks"],
                *peer_cells(f["peer"], "jax"),
                *peer_cells(f["peer"], "numpy"),
                "ok" if f["ok"] else "FAIL",
            ]
        )
    headers = ["function", "value", "at", "deriv", "at", "2nd", "at", "subnormal", "checks",
               "JAX f", "JAX f'", "numpy f", "numpy f'", "budget"]
    out.append(table(headers, rows, "<><><><<<>>>><"))
    failing = [r for r in results if not r.ok()]
    out.append("")
    if failing:
        out.append(f"Out of budget ({len(failing)} of {len(results)} specs):")
        for r in failing:
            out.extend(offender_lines(r))
    else:
        out.append(f"activ is within budget on all {len(results)} specs.")
    out.append("")
    out.append(f"wall time {elapsed:.0f} s")
    return "\n".join(out)


def where(worst, name):
    """fmt_x, and the spec where it is not the function's default."""
    if not fmt_x(worst):
        return ""
    return repr(worst.x) if worst.spec == name else f"{worst.x!r} {worst.spec}"


def offender_lines(r):
    lines = [f"  {r.spec}:"]
    if r.error:
        return lines + [f"    ERROR {r.error}"]
    for label, q in r.quantities():
        if q.offenders:
            budget = f"{q.budget} ULP, {q.sub_budget} subnormal units"
            lines.append(f"    {label}: {len(q.offenders)} points beyond {budget}; worst:")
            for err, kind, x, got, want in sorted(q.offenders, key=lambda o: -o[0])[:SHOW_OFFENDERS]:
                unit = "ULP" if kind == "normal" else "x 5e-324"
                lines.append(
                    f"      x = {x!r}: {got!r}, correctly rounded {want!r} ({fmt_err(err)} {unit})"
                )
        for name, xs in q.problems.items():
            shown = ", ".join(repr(x) for x in xs[:SHOW_OFFENDERS])
            more = f" and {len(xs) - SHOW_OFFENDERS} more" if len(xs) > SHOW_OFFENDERS else ""
            lines.append(f"    {label}: {name} wrong at x = {shown}{more}")
    for x, cli, lib in r.mismatches[:SHOW_OFFENDERS]:
        lines.append(f"    CLI {cli} but library {lib} at x = {x!r}")
    for p in r.special_problems:
        lines.append(f"    {p}")
    return lines


def shown_path(path):
    """A path relative to the repository if it is inside it."""
    path = os.path.abspath(path)
    return os.path.relpath(path, REPO) if path.startswith(REPO + os.sep) else path


def markdown(per_function, caption):
    lines = [
        "| function | activ f | activ f′ | activ f″ | JAX f | JAX f′ | numpy f | numpy f′ "
        "| activ budget |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, f in per_function.items():
        cells = [
            fmt_err(f["value"].err),
            fmt_err(f["derivative"].err),
            activ_err(f["second"], f["second_sub"]),
        ]
        cells += peer_cells(f["peer"], "jax") + peer_cells(f["peer"], "numpy")
        cells.append(", ".join(f["reasons"]) or "ok")
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return caption + "\n\n" + "\n".join(lines)


# ---------------------------------------------------------------------------


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = ap.add_argument
    add("--points", type=int, default=10000, metavar="N", help="fresh random points per spec (10000)")
    add("--seed", type=int, help="seed of the random points (default: a fresh one, printed)")
    add("--only", action="append", metavar="NAME", help="this function or exact spec only (repeatable)")
    add("--jobs", type=int, default=os.cpu_count() or 1, help="reference processes (the CPU count)")
    add("--markdown", action="store_true", help="print docs/accuracy.md's table, not the report")
    add("--no-peers", action="store_true", help="measure activ only")
    add("--no-build", action="store_true", help="do not run `swift build -c release` first")
    add("--activ", default=DEFAULT_ACTIV, help="the activ binary (.build/release/activ)")
    add("--harness", default=DEFAULT_HARNESS, help="the harness (.build/release/AccuracyHarness)")
    args = ap.parse_args(argv)
    if args.points < 0 or args.jobs < 1:
        ap.error("--points must be >= 0 and --jobs >= 1")
    start = time.monotonic()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 32)

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    specs = ref.SPECS
    if args.only:
        specs = [s for s in ref.SPECS if s in args.only or ref.function_name(s) in args.only]
        if not specs:
            ap.error(f"no spec matches {args.only}; the specs are make_reference.SPECS")

    if not args.no_build:
        log("swift build -c release")
        if subprocess.run(["swift", "build", "-c", "release"], cwd=REPO, stdout=sys.stderr).returncode:
            log("accuracy.py: the build failed")
            return 2
    for path in (args.activ, args.harness):
        if not os.access(path, os.X_OK):
            log(f"accuracy.py: {path} is missing; run `swift build -c release`")
            return 2
    # The specs' defaults come from this binary's catalogue, in the workers too.
    ref.catalogue.use(args.activ)

    # Reference values, in parallel over (spec, chunk).  Forked before JAX is imported.
    with multiprocessing.Pool(args.jobs) as pool:
        prepared = {s: rest for s, *rest in pool.map(prepare, specs)}
        base = ref.base_points()
        points = {}
        tasks = []
        for spec in specs:
            specials = prepared[spec][0]
            fresh = ref.random_points(specials, args.points, ref.spec_rng(seed, spec))
            points[spec] = ref.spec_points(ref.build(spec), base + specials + fresh)
            xs = points[spec]
            tasks += [(spec, i, xs[i : i + CHUNK]) for i in range(0, len(xs), CHUNK)]
        total = sum(len(p) for p in points.values())
        log(f"reference: {total} points over {len(specs)} specs (seed {seed}), {args.jobs} jobs")
        chunks = {spec: {} for spec in specs}
        reference_start = time.monotonic()
        for done, (spec, i, out) in enumerate(pool.imap_unordered(reference_chunk, tasks), 1):
            chunks[spec][i] = out
            if done % 100 == 0 or done == len(tasks):
                log(f"  {done}/{len(tasks)} chunks, {time.monotonic() - reference_start:.0f} s")
        reference_seconds = time.monotonic() - reference_start
    refs = {spec: [row for i in sorted(c) for row in c[i]] for spec, c in chunks.items()}

    numpy_version = jax_version = None
    if not args.no_peers and peers is not None:
        import numpy

        numpy_version = numpy.__version__
        jax_version = peers.jax_version()

    results = []
    for spec in specs:
        xs = points[spec]
        r = SpecResult(spec, len(xs))
        results.append(r)
        limits, beside_zero = prepared[spec][1], prepared[spec][2]
        try:
            cli, lib = run_activ(args.activ, args.harness, spec, xs + [math.nan, -math.inf, math.inf])
        except RuntimeError as e:
            r.error = str(e)
            log(f"{spec}: {e}")
            continue
        for x, c, l in zip(xs + [math.nan, -math.inf, math.inf], cli, lib):
            if not all(same_bits(a, b) for a, b in zip(c, l)):
                r.mismatches.append((x, c, l))
        n = len(xs)
        r.value, r.derivative, r.second = assess_activ(
            spec, xs, refs[spec], cli[:n], beside_zero, r.pl
        )
        r.special_problems = check_specials(cli[n:], limits)
        name, given = ref.parse_spec(spec)
        if numpy_version:
            got = peers.numpy_eval(name, given, xs)
            r.peer["numpy"] = None if got is None else assess_peer(spec, xs, refs[spec], *got)
        if jax_version:
            got = peers.jax_eval(name, given, xs)
            if got is not None:
                r.jax_label = got[2]
                r.peer["jax"] = assess_peer(spec, xs, refs[spec], got[0], got[1])
        log(f"{spec}: {'ok' if r.ok() else 'FAIL'}")

    per_function = OrderedDict()
    for r in results:
        f = per_function.setdefault(
            r.name,
            {"value": Worst(), "derivative": Worst(), "second": Worst(), "value_sub": Worst(),
             "derivative_sub": Worst(), "second_sub": Worst(), "peer": {}, "notes": [],
             "reasons": [], "ok": True},
        )
        f["ok"] = f["ok"] and r.ok()
        f["reasons"] += [reason for reason in r.reasons() if reason not in f["reasons"]]
        if r.error:
            f["notes"].append("error")
            continue
        f["value"].merge(r.value.normal)
        f["derivative"].merge(r.derivative.normal)
        f["second"].merge(r.second.normal)
        f["value_sub"].merge(r.value.subnormal)
        f["derivative_sub"].merge(r.derivative.subnormal)
        f["second_sub"].merge(r.second.subnormal)
        if r.checks() != "ok":
            f["notes"].append(r.checks())
        for key, w in r.peer.items():
            if w is None:
                continue
            mine = f["peer"].setdefault(key, (Worst(), Worst()))
            mine[0].merge(w[0])
            mine[1].merge(w[1])
    for f in per_function.values():
        f["checks"] = "; ".join(f["notes"]) or "ok"

    elapsed = time.monotonic() - start
    random_total = args.points * len(specs)
    header = [
        f"activ accuracy: {args.points} fresh random points per spec (seed {seed}; "
        f"--seed {seed} repeats this run) plus the hard points: {total} points, {len(specs)} specs",
        f"reference: mpmath {mpmath.__version__} at {ref.BASE_DPS} and {ref.CHECK_DPS} digits "
        f"(agreeing to 45), {reference_seconds:.0f} s on {args.jobs} processes",
        f"activ: {shown_path(args.activ)} (CLI) and {shown_path(args.harness)} (library)",
        "peers: not measured (--no-peers)"
        if args.no_peers
        else f"peers: {jax_version or 'JAX not installed'}; "
        f"{'numpy ' + numpy_version if numpy_version else 'numpy not installed'}",
        f"budgets: value <= {VALUE_BUDGET} ULP, derivative <= {DERIVATIVE_BUDGET} ULP, second "
        f"derivative <= {SECOND_BUDGET} ULP, subnormal <= {SUBNORMAL_BUDGET} x 5e-324; "
        f"piecewise-linear functions exact",
    ]
    if args.markdown:
        command = f"python3 Scripts/accuracy/accuracy.py --markdown --seed {seed}"
        if args.points != 10000:
            command += f" --points {args.points}"
        for only in args.only or []:
            command += f" --only '{only}'"
        caption = (
            f"Worst error in ULP where the correctly rounded result is a normal double (inf: a NaN "
            f"or ±inf where the true value is finite), over {random_total:,} fresh random points "
            f"({args.points:,} per spec, {len(specs)} specs) plus the hard points, against mpmath. "
            f"activ budget: value ≤ {VALUE_BUDGET} ULP, derivative ≤ {DERIVATIVE_BUDGET} ULP, "
            f"second derivative ≤ {SECOND_BUDGET} ULP, "
            f"≤ {SUBNORMAL_BUDGET} units of 5e-324 below the normal range, piecewise-linear "
            f"functions exact, and signed zeros, NaN and ±inf right (the plain report says where). "
            f"`{command}` ({jax_version or 'JAX not measured'}; "
            f"numpy {numpy_version or 'not measured'}):"
        )
        print(markdown(per_function, caption))
        for r in results:
            if not r.ok():
                log("\n".join(offender_lines(r)))
    else:
        print(report(results, per_function, header, elapsed))
    return 0 if all(r.ok() for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
