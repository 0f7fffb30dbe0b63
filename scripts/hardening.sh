#!/usr/bin/env bash
# The hardening checks that .ci/run adds to the tests (issue 11): the whole test suite built with clang's
# AddressSanitizer and UndefinedBehaviorSanitizer in build-sanitize/ (any report fails its test), then
# every libFuzzer target of tests/fuzz run for a bounded time from its seed corpus
# (tests/fuzz/corpus/NAME/; what it learns is kept in build-sanitize/fuzz-corpus/NAME/). A crashing
# input is written to build-sanitize/fuzz-crashes/ and fails the run: fix it and add the input to
# tests/fuzz/corpus/NAME/ as a regression seed. Then scripts/load_check.py runs the sanitized binary on a
# batch of 1,000 bad inputs and the sanitized server under 20 s of attack (slow drips, chunked and
# compressed bodies, pixel bombs).
#   scripts/hardening.sh [--fuzz-seconds N] [--no-tests] [--no-load]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

fuzz_seconds=30
run_tests=true
run_load=true
while [ $# -gt 0 ]; do
  case "$1" in
    --fuzz-seconds) fuzz_seconds=$2; shift 2 ;;
    --no-tests) run_tests=false; shift ;;
    --no-load) run_load=false; shift ;;
    *) echo "scripts/hardening.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done

scripts/setup.sh
build_dir=${MIXTRACT_SANITIZE_BUILD_DIR:-build-sanitize}
CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMIXTRACT_SANITIZE=address,undefined -DMIXTRACT_FUZZ=ON >/dev/null
cmake --build "$build_dir" -j "${MIXTRACT_JOBS:-2}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

if $run_tests; then
  echo "== the test suite under AddressSanitizer and UndefinedBehaviorSanitizer"
  MIXTRACT_LLAMA_DIR=$(scripts/llama_server.sh)
  export MIXTRACT_LLAMA_DIR
  ctest --test-dir "$build_dir" --output-on-failure -j "${MIXTRACT_JOBS:-2}" --timeout 1800
fi

echo "== fuzzing, $fuzz_seconds s per target"
mkdir -p "$build_dir/fuzz-crashes"
for target in "$build_dir"/fuzz/fuzz_*; do
  name=${target##*/fuzz_}
  mkdir -p "$build_dir/fuzz-corpus/$name"
  "$target" -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build_dir/fuzz-crashes/$name-" "$build_dir/fuzz-corpus/$name" "tests/fuzz/corpus/$name" \
    2>"$build_dir/fuzz-$name.log" || { tail -40 "$build_dir/fuzz-$name.log" >&2; exit 1; }
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build_dir/fuzz-$name.log")
  echo "fuzz_$name: $runs runs in $fuzz_seconds s, no crash"
done

if $run_load; then
  echo "== bad input under load, on the sanitized binary"
  rm -rf "$build_dir/load-check"
  python3 scripts/load_check.py "$build_dir/mixtract" "$build_dir/load-check"
fi
