#!/usr/bin/env bash
# Writes the catalogue's property table (activ info --all --format markdown) between the lines
# <!-- properties:begin --> and <!-- properties:end --> of every page that has them (README.md and
# docs/*.md; today docs/catalogue.md), so the table is generated and cannot drift from what activ
# measures.
#   bash Scripts/properties_table.sh [--check] [ACTIV]
# With --check nothing is written: the exit status is 1 if a page is not up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
if [[ ${1:-} == --check ]]; then check=true; shift; fi
activ=${1:-.build/release/activ}
[ -x "$activ" ] || { echo "properties_table: $activ not found; run 'swift build -c release' first" >&2; exit 1; }

mapfile -t pages < <(grep -lx '<!-- properties:begin -->' README.md docs/*.md || true)
[ ${#pages[@]} -gt 0 ] || { echo "properties_table: no page has the markers" >&2; exit 1; }
table=$(mktemp)
updated=$(mktemp)
trap 'rm -f "$table" "$updated"' EXIT
"$activ" info --all --format markdown > "$table"
stale=0
for page in "${pages[@]}"; do
  awk -v table="$table" '
    /^<!-- properties:begin -->$/ { print; while ((getline line < table) > 0) print line; skipping = 1; next }
    /^<!-- properties:end -->$/ { skipping = 0 }
    !skipping { print }
  ' "$page" > "$updated"
  if $check; then
    if diff -u "$page" "$updated" > /dev/null; then
      echo "properties_table: $page is up to date"
    else
      echo "$page's property table is stale: run 'bash Scripts/properties_table.sh'" >&2
      stale=1
    fi
  else
    cp "$updated" "$page"
    echo "properties_table: $page updated"
  fi
done
exit $stale
