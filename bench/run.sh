#!/usr/bin/env bash
# The benchmark, one command: builds, renders a fixed set of synthetic documents (200, seed 2026, mixed
# difficulty; cached in build/bench-data), measures every route configuration in bench/routes/ on it,
# each in its own process, and appends a dated section with the commit and the machine to
# bench/RESULTS.md. Quote figures from one run side by side; the machines are noisy.
#
#   bench/run.sh [--n N] [--no-record]     (--no-record prints the section without appending it)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

count=200
record=true
while [ $# -gt 0 ]; do
  case "$1" in
    --n) count=$2; shift 2 ;;
    --no-record) record=false; shift ;;
    *) echo "bench/run.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done

scripts/build.sh >/dev/null
build=${MIXTRACT_BUILD_DIR:-build}
data=$build/bench-data/seed2026-n$count-mix
if [ ! -f "$data/truth.csv" ]; then
  rm -rf "$data"
  "$build/mixtract" synth --n "$count" --seed 2026 --difficulty mix --out "$data" >/dev/null
fi

commit=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain -- src include tools bench schemas)" ] || commit="$commit (with uncommitted changes)"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
memory=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)

section=$(mktemp)
trap 'rm -f "$section"' EXIT
{
  echo "## $(date -u +%Y-%m-%d) · commit $commit"
  echo
  echo "Machine: $(nproc) cores, $cpu, $memory; $(. /etc/os-release && echo "$PRETTY_NAME")."
  echo "Data: $count synthetic documents (\`mixtract synth --n $count --seed 2026 --difficulty mix\`)."
  echo
  for route in bench/routes/*.yaml; do
    name=$(sed -n 's/^# Route "\([^"]*\)".*/\1/p' "$route" | head -1)
    "$build/bench_extract" --schema "$route" --docs "$data" --name "${name:-$(basename "$route" .yaml)}"
  done
} > "$section"

cat "$section"
if $record; then
  cat "$section" >> bench/RESULTS.md
  echo "appended to bench/RESULTS.md" >&2
fi
