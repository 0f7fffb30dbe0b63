#!/usr/bin/env bash
# Sets up the machine (scripts/setup.sh) and builds mixtract into build/ (or $MIXTRACT_BUILD_DIR).
# With CI=true, compiler warnings are errors.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup.sh
build_dir=${MIXTRACT_BUILD_DIR:-build}
werror=OFF
[ "${CI:-}" = true ] && werror=ON
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMIXTRACT_WERROR="$werror" >/dev/null
cmake --build "$build_dir" -j "${MIXTRACT_JOBS:-2}"
