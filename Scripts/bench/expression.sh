#!/usr/bin/env bash
# Times an expression against the built-in function it spells out, on the same grid, in one run,
# and prints the ratio. The target: x*tanh(softplus(x)) with --grad --grad2 within 2x of the
# built-in mish on 10^6 points.
#   bash Scripts/bench/expression.sh [ACTIV] [POINTS] [REPEATS]
# Each command runs REPEATS times (default 3) and the best wall time counts; output goes to
# /dev/null, so formatting is included but the terminal is not.
set -euo pipefail
cd "$(dirname "$0")/../.."
activ=${1:-.build/release/activ}
points=${2:-1000000}
repeats=${3:-3}
[ -x "$activ" ] || { echo "bench: $activ not found; run 'swift build -c release' first" >&2; exit 1; }

best() {
  local best_ns=
  for _ in $(seq "$repeats"); do
    local start end
    start=$(date +%s%N)
    "$activ" "$@" > /dev/null
    end=$(date +%s%N)
    local elapsed=$((end - start))
    if [[ -z $best_ns || $elapsed -lt $best_ns ]]; then best_ns=$elapsed; fi
  done
  echo "$best_ns"
}

printf '%-48s %12s\n' "command ($points points, best of $repeats)" "seconds"
for pair in "mish|x*tanh(softplus(x))" "silu|x*sigmoid(x)" "softplus|log(1+exp(x))"; do
  builtin=${pair%%|*}
  expression=${pair#*|}
  t_builtin=$(best eval "$builtin" -5 5 --points "$points" --grad --grad2)
  t_expression=$(best eval "$expression" -5 5 --points "$points" --grad --grad2)
  awk -v b="$t_builtin" -v e="$t_expression" -v name="$builtin" -v text="$expression" 'BEGIN {
    printf "%-48s %12.3f\n", "eval " name " --grad --grad2", b / 1e9
    printf "%-48s %12.3f\n", "eval '\''" text "'\'' --grad --grad2", e / 1e9
    printf "%-48s %11.2fx\n", "  ratio expression / built-in", e / b
  }'
done
