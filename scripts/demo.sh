#!/usr/bin/env bash
# The main job on the built-in default: set up, build, render a handful of sample graduation
# certificates, extract them, print the table and where the outputs are, and score the extraction
# against the samples' ground truth.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/build.sh
mixtract=${MIXTRACT_BUILD_DIR:-build}/mixtract
out=demo-out

rm -rf "$out"
echo
"$mixtract" synth --n 6 --seed 2026 --kinds graduation --difficulty mix --out "$out/samples"
echo
"$mixtract" extract "$out/samples" --schema graduation_certificate --out "$out/results"
echo
"$mixtract" eval --truth "$out/samples/truth.csv" --pred "$out/results/results.jsonl" \
  --html "$out/report.html" --max-wrong 0
echo
echo "sample images and their ground truth: $out/samples/ (truth.csv, persons.jsonl)"
