#!/usr/bin/env bash
# Builds the libFuzzer targets of the data parsers (IDX, CIFAR, Qt .rcc) with clang and runs each
# for N seconds (default 60). Not part of the normal build: needs clang and libclang-rt-14-dev.
#   bash scripts/fuzz.sh [seconds] [target...]      targets: idx cifar rcc (default: all)
# Crashes are written to build-fuzz/<target>-crash-*; the corpus grows in build-fuzz/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(idx cifar rcc)
OUT=build-fuzz
mkdir -p "$OUT"
CXX="${CXX_FUZZ:-clang++}"
FLAGS=(-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I.)
COMMON=(core/data/idx.cpp core/data/cifar.cpp core/data/rcc.cpp core/util/errors.cpp
        core/util/atomic_file.cpp)

# Parser objects are built once with -fsanitize=fuzzer-no-link so every target shares them.
objs=()
for src in "${COMMON[@]}"; do
  obj="$OUT/$(basename "${src%.cpp}").o"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ]; then
    "$CXX" "${FLAGS[@]/-fsanitize=fuzzer,address,undefined/-fsanitize=fuzzer-no-link,address,undefined}" -c "$src" -o "$obj"
  fi
  objs+=("$obj")
done
g++ -std=c++20 -I. fuzz/make_seeds.cpp -o "$OUT/make_seeds" -lz
"$OUT/make_seeds" "$OUT/seeds"

for t in "${TARGETS[@]}"; do
  "$CXX" "${FLAGS[@]}" "fuzz/fuzz_$t.cpp" "${objs[@]}" -lz -o "$OUT/fuzz_$t"
  mkdir -p "$OUT/corpus/$t"
  echo "== fuzz_$t for ${SECONDS_PER_TARGET}s"
  "$OUT/fuzz_$t" -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$OUT/$t-" -print_final_stats=1 "$OUT/corpus/$t" "$OUT/seeds/$t" 2>&1 |
    grep -E "^(#[0-9]+.*DONE|stat::|==[0-9]+==ERROR|SUMMARY|artifact_prefix)|Done [0-9]+ runs" || true
done
