#!/usr/bin/env bash
# The main job on the built-in default: set up, build, render a handful of sample certificates, extract
# them, and print the table and where the outputs are.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/build.sh
mixtract=${MIXTRACT_BUILD_DIR:-build}/mixtract
out=demo-out

rm -rf "$out"
echo
"$mixtract" synth --n 6 --seed 2026 --out "$out/samples"
echo
"$mixtract" extract "$out/samples" --schema graduation_certificate --out "$out/results"
echo
echo "sample images and their ground truth: $out/samples/ (truth.jsonl)"
