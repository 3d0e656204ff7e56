#!/usr/bin/env bash
# Builds activ's libFuzzer harnesses (Tests/Fuzz/Harnesses) with AddressSanitizer and runs each for
# SECONDS (default 60), starting from the committed seed corpus in Tests/Fuzz/Corpus/<harness>.
# Exits non-zero if any harness crashes, hangs (-timeout) or runs out of memory, and prints the
# reproducer; replay one with `.build-fuzz/bin/<harness> FILE`.
#
#   bash Scripts/fuzz.sh [SECONDS] [HARNESS...]     harnesses: argv spec expression input
#
# The build is plain swiftc (SwiftPM only links libFuzzer's main into executables that would
# break `swift build`), into .build-fuzz/ (ACTIV_FUZZ_BUILD), away from SwiftPM's .build/.
# ACTIV_FUZZ_SANITIZERS overrides the sanitizers (default fuzzer,address; fuzzer alone if the
# toolchain has no AddressSanitizer runtime). Corpus entries found during a run are kept in
# .build-fuzz/corpus/<harness>, not in the committed seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=${1:-60}
shift $(($# > 0 ? 1 : 0))
all=(argv spec expression input)
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=("${all[@]}")
build=${ACTIV_FUZZ_BUILD:-.build-fuzz}

# Each harness: its sources besides the harness file, the modules it links, and libFuzzer's
# -max_len (longer inputs are cut).
declare -A extra=([argv]=CLISupport.swift [input]=CLISupport.swift)
declare -A libs=([argv]="ActivCLI Activations" [input]="ActivCLI Activations"
  [spec]=Activations [expression]=Activations)
declare -A maxlen=([argv]=512 [spec]=512 [expression]=4096 [input]=4096)
declare -A file=([argv]=Argv [spec]=Spec [expression]=Expression [input]=Input)

for h in "${harnesses[@]}"; do
  [ -n "${file[$h]:-}" ] || { echo "fuzz.sh: unknown harness '$h' (${all[*]})" >&2; exit 2; }
done

runtime=$(dirname "$(readlink -f "$(command -v swiftc)")")/../lib/swift/clang/lib/linux
arch=$(uname -m)
if [ ! -e "$runtime/libclang_rt.fuzzer-$arch.a" ]; then
  echo "fuzz.sh: this Swift toolchain has no libFuzzer runtime ($runtime)" >&2
  exit 2
fi
sanitizers=${ACTIV_FUZZ_SANITIZERS:-fuzzer,address}
if [ -z "${ACTIV_FUZZ_SANITIZERS:-}" ] && [ ! -e "$runtime/libclang_rt.asan-$arch.a" ]; then
  echo "fuzz.sh: no AddressSanitizer runtime in the toolchain; fuzzing without it" >&2
  sanitizers=fuzzer
fi

mkdir -p "$build/modules" "$build/bin" "$build/artifacts" "$build/logs"
build=$(cd "$build" && pwd)
# -package-name: ActivCLI uses the helpers Activations shares with it as `package`.
flags=(-O -g -sanitize="$sanitizers" -parse-as-library -use-ld=lld -package-name activ)

# Builds a library module from Sources/NAME when a source is newer than the last build (or the
# sanitizers changed). Objects go to a scratch directory, the .a and .swiftmodule to modules/.
build_module() {
  local name=$1 lib="$build/modules/lib$1.a" stamp="$build/modules/$1.flags"
  if [ -e "$lib" ] && [ "$(cat "$stamp" 2> /dev/null)" = "${flags[*]}" ] \
    && [ -z "$(find "Sources/$name" -newer "$lib" -print -quit)" ]; then
    return
  fi
  echo "== build $name (${flags[*]})"
  mkdir -p "$build/objects/$name"
  (cd "$build/objects/$name" && swiftc "${flags[@]}" -emit-library -static -module-name "$name" \
    -I "$build/modules" -emit-module -emit-module-path "$build/modules/$name.swiftmodule" \
    $(find "$root/Sources/$name" -name '*.swift' | sort) -o "$lib")
  echo "${flags[*]}" > "$stamp"
}

build_module Activations
if [[ " ${harnesses[*]} " =~ " argv " || " ${harnesses[*]} " =~ " input " ]]; then
  build_module ActivCLI
fi

for h in "${harnesses[@]}"; do
  sources=("Tests/Fuzz/Harnesses/${file[$h]}.swift")
  [ -z "${extra[$h]:-}" ] || sources+=("Tests/Fuzz/Harnesses/${extra[$h]}")
  link=()
  for lib in ${libs[$h]}; do link+=("-l$lib"); done
  echo "== link $h"
  swiftc "${flags[@]}" -module-name "Fuzz_$h" -I "$build/modules" "${sources[@]}" \
    -L "$build/modules" "${link[@]}" -o "$build/bin/$h"
done

failed=()
for h in "${harnesses[@]}"; do
  echo "== fuzz $h for ${seconds}s"
  mkdir -p "$build/corpus/$h"
  dict=()
  [ ! -e "Tests/Fuzz/Dictionaries/$h.dict" ] || dict=(-dict="Tests/Fuzz/Dictionaries/$h.dict")
  log="$build/logs/$h.log"
  if ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$build/bin/$h" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
    -max_len="${maxlen[$h]}" "${dict[@]}" -artifact_prefix="$build/artifacts/$h-" \
    -print_final_stats=1 "$build/corpus/$h" "Tests/Fuzz/Corpus/$h" > "$log" 2>&1; then
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | tr '\n' ' ' || true
    echo "(corpus $(ls "$build/corpus/$h" | wc -l) new)"
  else
    failed+=("$h")
    echo "!! $h failed; its log ($log) ends:" >&2
    grep -v '^#[0-9]' "$log" | tail -n 40 >&2
    grep -oE '(Test unit written to|artifact_prefix.*Test unit written to) [^ ]+' "$log" \
      | sed "s|^.*written to |reproducer: |;s|\$|   (replay: $build/bin/$h FILE)|" >&2 || true
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: ${failed[*]} failed" >&2
  exit 1
fi
echo "fuzz.sh: ${harnesses[*]}: no crash, hang or memory blow-up in ${seconds}s each"
