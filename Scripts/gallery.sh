#!/usr/bin/env bash
# Renders every catalogue function (default parameters, range -5 5, with its derivative) into
# docs/gallery/NAME.svg, a few comparisons beside them, and docs/gallery/README.md indexing them all.
#   bash Scripts/gallery.sh [ACTIV] [OUT_DIR]     (defaults: .build/release/activ, docs/gallery)
# The output is deterministic: rerunning it on an unchanged activ changes no byte.
set -euo pipefail
cd "$(dirname "$0")/.."
activ=${1:-.build/release/activ}
out=${2:-docs/gallery}
[ -x "$activ" ] || { echo "gallery: $activ not found; run 'swift build -c release' first" >&2; exit 1; }
mkdir -p "$out"

# Name and description only: read would merge the empty fields between them.
listing=$("$activ" list --format tsv --no-header | awk -F'\t' '{ print $1 "\t" $4 }')
{
  echo "# Gallery"
  echo
  echo "Every function of activ's catalogue at its default parameters on [-5, 5]: the curve solid,"
  echo "its derivative dashed. Made by \`bash Scripts/gallery.sh\`; each SVG's title and description"
  echo "say what it shows."
  echo
} > "$out/README.md"

while IFS=$'\t' read -r name description; do
  "$activ" plot "$name" --svg "$out/$name.svg"
  echo "- [\`$name\`]($name.svg): $description" >> "$out/README.md"
done <<< "$listing"

# Comparisons README.md and docs/usage.md show.
"$activ" plot relu gelu mish -3 3 --svg "$out/compare-relu-gelu-mish.svg" --title "ReLU, GELU and Mish"
"$activ" plot sigmoid tanh hard_sigmoid -6 6 --no-grad --svg "$out/compare-sigmoids.svg" --title "Sigmoid-shaped functions"
"$activ" plot 'swish(beta=0.5|1|2|8)' -4 4 --no-grad --svg "$out/sweep-swish-beta.svg" --title "Swish for four values of beta"
{
  echo
  echo "Comparisons: [ReLU, GELU and Mish](compare-relu-gelu-mish.svg),"
  echo "[sigmoid-shaped functions](compare-sigmoids.svg), [swish for four values of beta](sweep-swish-beta.svg)."
} >> "$out/README.md"
echo "gallery: $(ls "$out"/*.svg | wc -l) SVGs in $out"
