#!/usr/bin/env bash
# Writes the tables the docs take from activ itself, so they are generated and cannot drift from
# the catalogue: between the lines <!-- properties:begin --> and <!-- properties:end --> the
# property table (activ info --all --format markdown), and between <!-- catalogue:begin --> and
# <!-- catalogue:end --> the catalogue's names, aliases, parameters with their defaults and
# descriptions (activ list --format tsv), in every page of README.md and docs/*.md that has the
# markers (today docs/catalogue.md).
#   bash Scripts/properties_table.sh [--check] [ACTIV]
# With --check nothing is written: the exit status is 1 if a page is not up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
if [[ ${1:-} == --check ]]; then check=true; shift; fi
activ=${1:-.build/release/activ}
[ -x "$activ" ] || { echo "properties_table: $activ not found; run 'swift build -c release' first" >&2; exit 1; }

mapfile -t pages < <(grep -lx -e '<!-- properties:begin -->' -e '<!-- catalogue:begin -->' \
  README.md docs/*.md || true)
[ ${#pages[@]} -gt 0 ] || { echo "properties_table: no page has the markers" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$activ" info --all --format markdown > "$work/properties"
# Markdown from the TSV listing: a table cell escapes |, and parameters are listed with commas.
"$activ" list --format tsv --no-header | awk -F'\t' '
  BEGIN {
    print "| name | aliases | parameters (defaults) | description |"
    print "| --- | --- | --- | --- |"
  }
  {
    for (i = 1; i <= NF; i++) gsub(/\|/, "\\|", $i)
    gsub(/ /, ", ", $3)
    print "| `" $1 "` | " $2 " | " $3 " | " $4 " |"
  }' > "$work/catalogue"

stale=0
for page in "${pages[@]}"; do
  awk -v dir="$work" '
    /^<!-- (properties|catalogue):begin -->$/ {
      print
      table = dir "/" substr($0, 6, index($0, ":") - 6)
      while ((getline line < table) > 0) print line
      skipping = 1
      next
    }
    /^<!-- (properties|catalogue):end -->$/ { skipping = 0 }
    !skipping { print }
  ' "$page" > "$work/updated"
  if $check; then
    if diff -u "$page" "$work/updated" > /dev/null; then
      echo "properties_table: $page is up to date"
    else
      echo "$page's generated tables are stale: run 'bash Scripts/properties_table.sh'" >&2
      stale=1
    fi
  else
    cp "$work/updated" "$page"
    echo "properties_table: $page updated"
  fi
done
exit $stale
