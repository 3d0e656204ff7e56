#!/usr/bin/env bash
# Checks the completion scripts `activ completions bash|zsh|fish` prints: each parses in its shell,
# and bash and fish complete real command lines as expected.
#
# Usage: Scripts/completions_check.sh [path/to/activ]   (default .build/release/activ)
# Needs zsh and fish (apt-get install zsh fish); exits 1 on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
activ=$(realpath "${1:-.build/release/activ}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$activ" completions bash > "$work/activ.bash"
"$activ" completions zsh > "$work/_activ"
"$activ" completions fish > "$work/activ.fish"
bash -n "$work/activ.bash"
zsh -n "$work/_activ"
fish --no-execute "$work/activ.fish"

failures=0
expect() { # expect SHELL "command line" word...: every word is among the completions
  local shell=$1 line=$2
  shift 2
  local got
  if [[ $shell == bash ]]; then
    got=$(bash -c '
      source "$1"; read -ra COMP_WORDS <<< "$2"; [[ $2 == *" " ]] && COMP_WORDS+=("")
      COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _activ; printf "%s\n" "${COMPREPLY[@]}"' _ "$work/activ.bash" "$line")
  else
    got=$(fish -c "source $work/activ.fish; complete -C '$line'" | cut -f1)
  fi
  for word in "$@"; do
    if ! grep -qxF -- "$word" <<< "$got"; then
      echo "FAIL $shell: '$line' should offer '$word'; got: $(tr '\n' ' ' <<< "$got")"
      failures=$((failures + 1))
    fi
  done
}

for shell in bash fish; do
  expect $shell "activ e" eval
  expect $shell "activ ap" apply
  expect $shell "activ eval mi" mish
  expect $shell "activ eval relu --for" --format
  expect $shell "activ eval relu --format " csv tsv table
  expect $shell "activ plot gelu --color " auto always never
  expect $shell "activ plot gelu --the" --theme
  expect $shell "activ apply meta" meta_acon
  expect $shell "activ completions " bash zsh fish
  expect $shell "activ help p" plot
  expect $shell "activ help ex" expressions
done
if ((failures > 0)); then
  echo "completions: $failures failures"
  exit 1
fi
echo "completions: bash, zsh and fish scripts parse; bash and fish complete as expected"
