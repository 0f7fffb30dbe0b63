#!/usr/bin/env bash
# scripts/setup.sh must refuse a download whose sha256 differs from its pin, name the package and the
# expected checksum, and leave nothing behind in the deps folder. Uses a tiny real npm package.
set -u
project=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/project/scripts"
cp "$project/scripts/setup.sh" "$work/project/scripts/"
bad=0000000000000000000000000000000000000000000000000000000000000000
echo "tiny is-number@7.0.0 $bad install_ocr_models" > "$work/project/scripts/npm-pins.txt"

output=$(MIXTRACT_DEPS_DIR="$work/deps" MIXTRACT_CACHE_DIR="$work/cache" \
  bash "$work/project/scripts/setup.sh" --npm-only 2>&1)
status=$?
echo "$output"
fail() { echo "FAIL: $*"; exit 1; }
[ $status -ne 0 ] || fail "setup accepted a tarball with the wrong checksum"
grep -q "checksum mismatch for is-number@7.0.0: expected sha256 $bad" <<<"$output" ||
  fail "the message does not name the package and the expected checksum"
[ ! -e "$work/deps/tiny" ] || fail "something was extracted from the rejected tarball"
[ -z "$(ls -A "$work/cache/npm" 2>/dev/null)" ] || fail "the rejected tarball was kept in the cache"
echo "PASS"
