#!/usr/bin/env bash
# examples/extract_batch (the public headers alone) takes a folder's documents and writes a batch's records, error
# log and per-person table: a repeated content extracted once, an input that names nothing logged, and a second
# run takes every record from the job store. Arguments: the mixtract binary, extract_batch, the dependencies folder.
set -euo pipefail
mixtract=$1 example=$2 deps=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$mixtract" synth --n 2 --seed 5 --out "$dir/docs" > /dev/null
docs=("$dir"/docs/*.jpg)
cp "${docs[0]}" "$dir/copy.jpg"
out=$dir/out/records.csv
"$example" "$deps" "$out" "$dir/docs" "$dir/copy.jpg" "$dir/missing.jpg" > "$dir/first.txt"
grep -q "^${#docs[@]} written, 0 of them from an earlier run, 2 problem(s)$" "$dir/first.txt" ||
  { echo "FAIL: first run said: $(cat "$dir/first.txt")"; exit 1; }
rows=$(($(wc -l < "$out") - 1))
[ "$rows" -eq "${#docs[@]}" ] || { echo "FAIL: $rows rows for ${#docs[@]} documents"; exit 1; }
grep -q "copy.jpg,duplicate," "$out.errors.csv" || { echo "FAIL: the copy is not logged"; cat "$out.errors.csv"; exit 1; }
grep -q ",input,.*missing.jpg" "$out.errors.csv" || { echo "FAIL: the missing file is not logged"; exit 1; }
[ -s "$out.persons.csv" ] || { echo "FAIL: no per-person table"; exit 1; }
"$example" "$deps" "$out" "${docs[@]}" "$dir/copy.jpg" "$dir/missing.jpg" > "$dir/second.txt"
grep -q "^${#docs[@]} written, ${#docs[@]} of them from an earlier run" "$dir/second.txt" ||
  { echo "FAIL: second run said: $(cat "$dir/second.txt")"; exit 1; }
echo "extract_batch: ${#docs[@]} records, the copy and the missing file logged, all taken from the store again"
