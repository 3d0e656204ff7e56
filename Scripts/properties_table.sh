#!/usr/bin/env bash
# Writes the catalogue's property table (activ info --all --format markdown) into README.md,
# between the markers <!-- properties:begin --> and <!-- properties:end -->, so the table is
# generated and cannot drift from what activ measures.
#   bash Scripts/properties_table.sh [--check] [ACTIV]
# With --check nothing is written: the exit status is 1 if README.md is not up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
if [[ ${1:-} == --check ]]; then check=true; shift; fi
activ=${1:-.build/release/activ}
[ -x "$activ" ] || { echo "properties_table: $activ not found; run 'swift build -c release' first" >&2; exit 1; }

table=$(mktemp)
updated=$(mktemp)
trap 'rm -f "$table" "$updated"' EXIT
"$activ" info --all --format markdown > "$table"
awk -v table="$table" '
  /<!-- properties:begin -->/ { print; while ((getline line < table) > 0) print line; skipping = 1; next }
  /<!-- properties:end -->/ { skipping = 0 }
  !skipping { print }
' README.md > "$updated"
grep -q '<!-- properties:begin -->' README.md || { echo "properties_table: README.md has no markers" >&2; exit 1; }
if $check; then
  diff -u README.md "$updated" > /dev/null || {
    echo "README.md's property table is stale: run 'bash Scripts/properties_table.sh'" >&2
    exit 1
  }
  echo "properties_table: README.md is up to date"
else
  cp "$updated" README.md
  echo "properties_table: README.md updated"
fi
