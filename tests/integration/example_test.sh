#!/usr/bin/env bash
# examples/extract_one (the public headers alone) extracts rendered documents, each of a recognised kind, and
# names a file it cannot read. Arguments: the mixtract binary, extract_one, the dependencies folder.
set -euo pipefail
mixtract=$1 example=$2 deps=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$mixtract" synth --n 2 --seed 4 --out "$dir/docs" > /dev/null
if "$example" "$deps" "$dir"/docs/*.jpg "$dir/missing.jpg" > "$dir/out.jsonl" 2> "$dir/err.txt"; then
  echo "FAIL: a missing file did not fail the run"; exit 1
fi
grep -q "missing.jpg" "$dir/err.txt" || { echo "FAIL: the missing file is not named"; cat "$dir/err.txt"; exit 1; }
records=$(wc -l < "$dir/out.jsonl")
[ "$records" -eq "$(ls "$dir"/docs/*.jpg | wc -l)" ] || { echo "FAIL: $records records"; exit 1; }
if grep -q '"schema":""' "$dir/out.jsonl"; then echo "FAIL: a kind not recognised"; exit 1; fi
name=$(sed -n 's/.*"姓名":"\([^"]*\)".*/\1/p' "$dir/docs/truth.jsonl" | head -1)
grep -q "\"value\":\"$name\"" "$dir/out.jsonl" || { echo "FAIL: the name $name was not read"; exit 1; }
echo "extract_one: $records records, the kinds recognised, $name read"
