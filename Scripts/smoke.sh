#!/usr/bin/env bash
# Smoke test of a built activ: real invocations and pipes, checking output and exit statuses.
#
#   bash Scripts/smoke.sh [PATH_TO_ACTIV]      (default: .build/release/activ)
#
# Prints one "ok - ..." line per check and stops with status 1 at the first mismatch, saying
# what was expected and what activ did.
set -euo pipefail

activ=${1:-.build/release/activ}
if [[ ! -f $activ || ! -x $activ ]]; then
  echo "smoke: no executable activ at '$activ'; build it first (swift build -c release)" >&2
  exit 1
fi
[[ $activ == /* ]] || activ=$PWD/$activ

work=$(mktemp -d "${TMPDIR:-/tmp}/activ-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT

passed=0

ok() {
  passed=$((passed + 1))
  echo "ok - $1"
}

# fail CHECK DETAIL...: reports the failed check with its details and stops.
fail() {
  echo "not ok - $1" >&2
  shift
  local line
  for line in "$@"; do echo "  $line" >&2; done
  if [[ -s $work/err ]]; then
    echo "  activ's stderr:" >&2
    sed 's/^/    /' "$work/err" >&2
  fi
  echo "smoke: $passed passed, 1 failed" >&2
  exit 1
}

# run ARGS...: runs activ with stdout in $work/out and stderr in $work/err; sets $status.
run() {
  set +e
  "$activ" "$@" >"$work/out" 2>"$work/err"
  status=$?
  set -e
}

# expect CHECK STATUS: the last run exited with STATUS; on success stderr must be empty, on
# failure stdout must be empty and stderr must start with "error: ".
expect() {
  local check=$1 want=$2
  [[ $status == "$want" ]] || fail "$check" "expected exit status $want, got $status"
  if [[ $want == 0 ]]; then
    [[ ! -s $work/err ]] || fail "$check" "expected nothing on stderr"
  else
    [[ ! -s $work/out ]] || fail "$check" "expected nothing on stdout, got: $(head -c 200 "$work/out")"
    [[ $(head -c 7 "$work/err") == "error: " ]] || fail "$check" "expected stderr to start with 'error: '"
  fi
}

# same CHECK GOT WANT: two strings are equal.
same() {
  [[ $2 == "$3" ]] || fail "$1" "expected: $3" "got:      $2"
}

# has CHECK FILE TEXT: FILE contains TEXT.
has() {
  grep -qF -- "$3" "$2" || fail "$1" "expected $(basename "$2") to contain '$3'"
}

# 1. The article's example: 121 points from -3 to 3 and a header.
check="eval mish -3 3: 122 lines, header x,mish, first row -3,..."
run eval mish -3 3
expect "$check" 0
same "$check" "$(wc -l <"$work/out" | tr -d ' ')" 122
same "$check" "$(sed -n 1p "$work/out")" "x,mish"
same "$check" "$(sed -n 2p "$work/out" | cut -d, -f1)" "-3"
same "$check" "$(sed -n 3p "$work/out" | cut -d, -f1)" "-2.95"
same "$check" "$(tail -n 1 "$work/out" | cut -d, -f1)" "3"
ok "$check"

# 2. A reader that stops early: activ must exit 0 without a word.
check="eval ... --points 1000000 | head -3 exits 0 quietly"
set +e
"$activ" eval mish -3 3 --points 1000000 2>"$work/err" | head -3 >"$work/out"
statuses=("${PIPESTATUS[@]}")
set -e
same "$check" "${statuses[*]}" "0 0"
[[ ! -s $work/err ]] || fail "$check" "expected nothing on stderr"
same "$check" "$(wc -l <"$work/out" | tr -d ' ')" 3
same "$check" "$(sed -n 2p "$work/out")" "-3,-0.14564746127562458"
ok "$check"

# 3. Numeric sort on the value column finds mish's minimum near x = -1.19.
check="eval mish -3 3 --no-header | sort -t, -k2 -g: minimum at x = -1.2"
set +e
"$activ" eval mish -3 3 --no-header 2>"$work/err" | sort -t, -k2 -g >"$work/out"
statuses=("${PIPESTATUS[@]}")
set -e
same "$check" "${statuses[*]}" "0 0"
same "$check" "$(wc -l <"$work/out" | tr -d ' ')" 121
same "$check" "$(head -n 1 "$work/out" | cut -d, -f1)" "-1.2"
same "$check" "$(tail -n 1 "$work/out" | cut -d, -f1)" "3"
ok "$check"

# 4. awk sums a column: relu at -1, -0.5, 0, 0.5, 1 adds up to 1.5.
check="eval relu -1 1 --points 5 | awk -F, sums the relu column to 1.5"
set +e
sum=$("$activ" eval relu -1 1 --points 5 2>"$work/err" | awk -F, 'NR > 1 { s += $2 } END { print s }')
pipe_status=$?
set -e
same "$check" "$pipe_status" 0
same "$check" "$sum" "1.5"
ok "$check"

# 5. The derivative column.
check="eval mish -3 3 --grad: header x,mish,mish_grad"
run eval mish -3 3 --grad
expect "$check" 0
same "$check" "$(head -n 1 "$work/out")" "x,mish,mish_grad"
same "$check" "$(awk -F, 'NF != 3' "$work/out" | wc -l | tr -d ' ')" 0
ok "$check"

# 6. Several functions side by side, each with its derivative: 1 + 3·2 columns on every line.
check="table relu gelu mish -3 3 --grad: 7 columns on all 122 lines"
run table relu gelu mish -3 3 --grad
expect "$check" 0
same "$check" "$(head -n 1 "$work/out")" "x,relu,relu_grad,gelu,gelu_grad,mish,mish_grad"
same "$check" "$(wc -l <"$work/out" | tr -d ' ')" 122
same "$check" "$(awk -F, 'NF != 7' "$work/out" | wc -l | tr -d ' ')" 0
ok "$check"

# 7. The catalogue.
check="list contains gelu"
run list
expect "$check" 0
grep -qw gelu "$work/out" || fail "$check" "expected a line naming gelu"
ok "$check"

check="info mish contains its remark"
run info mish
expect "$check" 0
grep -q '^remark' "$work/out" || fail "$check" "expected a 'remark' line"
ok "$check"

# 8. Usage errors: 64, the message on stderr, nothing on stdout.
check="eval mihs: 64 with did you mean 'mish'"
run eval mihs
expect "$check" 64
has "$check" "$work/err" "error: unknown function 'mihs' (did you mean 'mish'?)"
ok "$check"

check="eval relu 3 -3 (MIN >= MAX): 64"
run eval relu 3 -3
expect "$check" 64
has "$check" "$work/err" "error: MIN (3) must be less than MAX (-3)"
ok "$check"

check="eval relu --grd: 64 with did you mean '--grad'"
run eval relu --grd
expect "$check" 64
has "$check" "$work/err" "did you mean '--grad'?"
ok "$check"

# 9. Files and devices.
check="eval relu --input MISSING: 66"
run eval relu --input "$work/missing.txt"
expect "$check" 66
has "$check" "$work/err" "error: cannot read input '$work/missing.txt': No such file or directory"
ok "$check"

check="eval relu -1 1 > /dev/full: 74"
set +e
"$activ" eval relu -1 1 >/dev/full 2>"$work/err"
status=$?
set -e
: >"$work/out"
expect "$check" 74
has "$check" "$work/err" "error: cannot write to standard output: No space left on device"
ok "$check"

check="eval relu -1 1 --points 3 -o FILE writes FILE, not stdout"
run eval relu -1 1 --points 3 -o "$work/relu.csv"
expect "$check" 0
[[ ! -s $work/out ]] || fail "$check" "expected nothing on stdout"
same "$check" "$(cat "$work/relu.csv")" "$(printf 'x,relu\n-1,0\n0,0\n1,1')"
ok "$check"

check="printf ... | eval relu --input - reads stdin"
set +e
printf '2\n# comment\n-2\n' | "$activ" eval relu --input - >"$work/out" 2>"$work/err"
statuses=("${PIPESTATUS[@]}")
set -e
same "$check" "${statuses[*]}" "0 0"
same "$check" "$(cat "$work/out")" "$(printf 'x,relu\n2,2\n-2,0')"
ok "$check"

# 10. Plots.
check="plot relu gelu mish -3 3 --svg FILE writes one SVG with six curves"
run plot relu gelu mish -3 3 --svg "$work/cmp.svg"
expect "$check" 0
[[ ! -s $work/out ]] || fail "$check" "expected nothing on stdout"
same "$check" "$(grep -c '<title>' "$work/cmp.svg")" "6"
if command -v xmllint > /dev/null; then xmllint --noout "$work/cmp.svg" || fail "$check" "invalid XML"; fi
ok "$check"

check="plot gelu --ascii | head -3 draws in the terminal and exits 0"
set +e
"$activ" plot gelu --ascii 2>"$work/err" | head -n 3 >"$work/out"
statuses=("${PIPESTATUS[@]}")
set -e
same "$check" "${statuses[*]}" "0 0"
same "$check" "$(wc -l < "$work/out" | tr -d ' ')" "3"
ok "$check"

check="plot gelu --svg /nonexistent/x.svg: 73"
run plot gelu --svg /nonexistent/x.svg
expect "$check" 73
ok "$check"

# 11. Help and version.
check="eval nosuchfn --bogus -h: help wins, 0"
run eval nosuchfn --bogus -h
expect "$check" 0
same "$check" "$(head -n 1 "$work/out" | cut -c 1-9)" "OVERVIEW:"
ok "$check"

check="--version"
run --version
expect "$check" 0
[[ $(cat "$work/out") =~ ^activ\ [0-9]+\.[0-9]+\.[0-9]+$ ]] ||
  fail "$check" "expected 'activ X.Y.Z', got '$(cat "$work/out")'"
ok "$check"

echo "smoke: $passed passed, 0 failed"
