#!/usr/bin/env bash
# The library batch API against JAX, in one run: ns per point of value + gradient for every
# catalogue function on a 2,000,001-point grid over [-10, 10] (ActivBench, best of RUNS), next to
# JAX jit in float64 (Scripts/bench/jax_peer.py) where JAX has the function, and the ratio
# JAX/activ (above 1: activ is faster). Without an importable jax, activ's column only. Also a
# naive numpy + scipy GELU, compute only. Python packages: Scripts/requirements.txt.
#   bash Scripts/bench/library.sh [POINTS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
points=${1:-2000001}
runs=${2:-5}
swift build -c release --product ActivBench > /dev/null
swift build -c release --product activ > /dev/null
bin=$(swift build -c release --show-bin-path)
bench=$bin/ActivBench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bench" --points "$points" --runs "$runs" > "$tmp/activ.tsv"
"$bench" --points "$points" --runs "$runs" --serial gelu > "$tmp/serial.tsv"
peer=(python3 Scripts/bench/jax_peer.py --points "$points" --runs "$runs" --numpy --activ "$bin/activ")
if python3 -c 'import jax' 2> /dev/null; then
  "${peer[@]}" > "$tmp/jax.tsv"
else
  echo "# jax is not importable: activ's column only" >&2
  "${peer[@]}" 2> /dev/null > "$tmp/jax.tsv" || : > "$tmp/jax.tsv"
fi

echo "value + gradient, float64, $points points on [-10, 10], best of $runs; ns per point"
awk -F'\t' '
  FNR == 1 { next }
  /^#/ { next }
  FILENAME ~ /jax.tsv$/ { jax[$1] = $2; next }
  FILENAME ~ /serial.tsv$/ { serial[$1] = $2; next }
  { order[++n] = $1; activ[$1] = $2 }
  END {
    printf "%-24s %10s %10s %10s\n", "function", "activ", "JAX", "JAX/activ"
    for (i = 1; i <= n; i++) {
      f = order[i]
      if (f in jax) printf "%-24s %10.2f %10.2f %9.1fx\n", f, activ[f], jax[f], jax[f] / activ[f]
      else printf "%-24s %10.2f %10s %10s\n", f, activ[f], "-", "-"
    }
    if ("gelu" in serial) printf "%-24s %10.2f\n", "gelu (activ, one core)", serial["gelu"]
    if ("gelu (numpy)" in jax)
      printf "%-24s %10s %10.2f %9.1fx  (numpy + scipy erfc, compute only)\n", "gelu (numpy)", "", jax["gelu (numpy)"], jax["gelu (numpy)"] / activ["gelu"]
  }' "$tmp/jax.tsv" "$tmp/serial.tsv" "$tmp/activ.tsv"
