#!/usr/bin/env bash
# The test command of the README: sets up, builds, checks formatting and runs every test (unit,
# integration, slow). For the quick loop while coding: ctest --test-dir build -L unit
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/build.sh
build_dir=${MIXTRACT_BUILD_DIR:-build}

echo "== clang-format"
git ls-files '*.cc' '*.h' | xargs clang-format --dry-run --Werror
echo "formatting clean"

echo "== llama-server (the LLM tests' real server; built once per machine)"
MIXTRACT_LLAMA_DIR=$(scripts/llama_server.sh)
export MIXTRACT_LLAMA_DIR

echo "== ctest"
ctest --test-dir "$build_dir" --output-on-failure -j "${MIXTRACT_JOBS:-2}"
