#!/usr/bin/env bash
# The main job on the built-in default: set up, build, render a handful of sample certificates and ID
# cards, extract them (the kind of each recognised from its text), print the table and where the
# outputs are, and score the extraction against the samples' ground truth.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/build.sh
mixtract=${MIXTRACT_BUILD_DIR:-build}/mixtract
out=demo-out

rm -rf "$out"
echo
"$mixtract" synth --n 9 --seed 2026 --difficulty mix --out "$out/samples"
echo
"$mixtract" extract "$out/samples" -o "$out/results.jsonl"
echo
"$mixtract" eval --truth "$out/samples/truth.csv" --pred "$out/results.jsonl" \
  --html "$out/report.html" --max-wrong 0
echo
echo "sample images and their ground truth: $out/samples/ (truth.csv, persons.jsonl)"
