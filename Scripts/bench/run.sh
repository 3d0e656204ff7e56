#!/usr/bin/env bash
# Command-line speed of activ, side by side with the tools a user would otherwise write, in one
# run on this machine, as ratios against the project's speed targets (docs/performance.md):
#   - eval gelu on 2,000,001 points of [-10, 10] with --grad (x, f, f' as CSV, to /dev/null):
#     at least 5x faster than a C loop with printf("%.17g") (gelu_peer.c, cc -O2) and at least
#     30x faster than numpy + scipy with np.savetxt (numpy_peer.py);
#   - start-up (eval relu 0 1 --points 2) at most 3 ms;
#   - max RSS of eval relu -1 1 --points 100000001 under 20 MB, and `| head -1` returning at once;
#   - plot gelu mish relu --svg at most 20 ms.
# Every time is the best wall time of several runs (besttime.c: fork, exec, wait4), output to
# /dev/null. Also shows eval relu/hard_sigmoid (the output path without an expensive function).
# At the end runs Scripts/bench/library.sh (the library's batch API against JAX) if it exists.
#
#   bash Scripts/bench/run.sh          (REPEATS=3 runs of each large job; STARTUP_RUNS=300)
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats=${REPEATS:-3}
startup_runs=${STARTUP_RUNS:-300}
points=2000001

echo "== build (release)"
swift build -c release 2>&1 | tail -1
activ=$PWD/.build/release/activ

work=$(mktemp -d "${TMPDIR:-/tmp}/activ-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cc=${CC:-cc}
"$cc" -O2 -Wall -o "$work/besttime" Scripts/bench/besttime.c
"$cc" -O2 -Wall -o "$work/gelu_peer" Scripts/bench/gelu_peer.c -lm
have_numpy=1
python3 -c 'import numpy, scipy' 2> /dev/null || have_numpy=0

# best RUNS COMMAND...: "SECONDS MAXRSS_KB" of the best run.
best() { "$work/besttime" "$@"; }
seconds() { best "$@" | cut -d' ' -f1; }

echo "== timing (best of $repeats; start-up best of $startup_runs)"
t_gelu=$(seconds "$repeats" "$activ" eval gelu -10 10 --points $points --grad)
t_relu=$(seconds "$repeats" "$activ" eval relu -10 10 --points $points --grad)
t_hard=$(seconds "$repeats" "$activ" eval hard_sigmoid -10 10 --points $points --grad)
t_c=$(seconds "$repeats" "$work/gelu_peer" $points)
if ((have_numpy)); then
  t_numpy=$(seconds "$repeats" python3 Scripts/bench/numpy_peer.py $points)
else
  t_numpy=
  echo "numpy or scipy missing (pip install -r Scripts/requirements.txt): the numpy row is skipped"
fi
t_start=$(seconds "$startup_runs" "$activ" eval relu 0 1 --points 2)
read -r t_big rss_big < <(best 1 "$activ" eval relu -1 1 --points 100000001)
t_plot=$(seconds 20 "$activ" plot gelu mish relu --svg "$work/plot.svg")
t_plot_cheap=$(seconds 20 "$activ" plot relu hard_sigmoid identity --svg "$work/plot.svg")

# `| head -1` on the 10^8-point run: activ must stop at once (EPIPE) and exit 0.
start=$(date +%s%N)
set +o pipefail
"$activ" eval relu -1 1 --points 100000001 | head -1 > /dev/null
head_status=${PIPESTATUS[0]}
set -o pipefail
t_head=$(awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.6f", ns / 1e9 }')

echo
awk -v gelu="$t_gelu" -v relu="$t_relu" -v hard="$t_hard" -v c="$t_c" -v numpy="$t_numpy" \
  -v start="$t_start" -v big="$t_big" -v rss="$rss_big" -v plot="$t_plot" \
  -v plot_cheap="$t_plot_cheap" -v head_t="$t_head" -v head_status="$head_status" '
  function row(what, measured, target, ratio, ok) {
    printf "| %-52s | %14s | %-12s | %9s | %-4s |\n", what, measured, target, ratio, ok
  }
  function pass(condition) { return condition ? "pass" : "FAIL" }
  BEGIN {
    row("target", "measured", "goal", "ratio", "")
    print "|------------------------------------------------------|----------------|--------------|-----------|------|"
    row("eval gelu --grad, 2,000,001 points (activ)", sprintf("%.3f s", gelu), "", "", "")
    row("  C peer: libm + printf(\"%.17g\"), cc -O2", sprintf("%.3f s", c), ">= 5x", sprintf("%.1fx", c / gelu), pass(c / gelu >= 5))
    if (numpy != "")
      row("  numpy peer: scipy erfc + np.savetxt", sprintf("%.3f s", numpy), ">= 30x", sprintf("%.1fx", numpy / gelu), pass(numpy / gelu >= 30))
    row("eval relu --grad, 2,000,001 points (output path)", sprintf("%.3f s", relu), "", sprintf("%.1fx C", c / relu), "")
    row("eval hard_sigmoid --grad, 2,000,001 points", sprintf("%.3f s", hard), "", sprintf("%.1fx C", c / hard), "")
    row("start-up: eval relu 0 1 --points 2", sprintf("%.2f ms", start * 1000), "<= 3 ms", sprintf("%.2f", start * 1000 / 3), pass(start * 1000 <= 3))
    row("max RSS: eval relu -1 1 --points 100000001", sprintf("%.1f MB", rss / 1024), "< 20 MB", sprintf("%.2f", rss / 1024 / 20), pass(rss / 1024 < 20))
    row("  its time (to /dev/null)", sprintf("%.2f s", big), "", "", "")
    row("  piped to head -1: time, exit status", sprintf("%.3f s, %d", head_t, head_status), "< 0.5 s, 0", "", pass(head_t < 0.5 && head_status == 0))
    row("plot gelu mish relu --svg", sprintf("%.1f ms", plot * 1000), "<= 20 ms", sprintf("%.2f", plot * 1000 / 20), pass(plot * 1000 <= 20))
    row("  plot relu hard_sigmoid identity --svg", sprintf("%.1f ms", plot_cheap * 1000), "", "", "")
  }'
echo "(ratio: peer time / activ time for the peers, measured / goal otherwise; $(nproc) cores)"

if [[ -f Scripts/bench/library.sh ]]; then
  echo
  echo "== Scripts/bench/library.sh"
  bash Scripts/bench/library.sh
fi
