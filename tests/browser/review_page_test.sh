#!/usr/bin/env bash
# The review page in a real browser: starts `mixtract serve` on a free port with hard synthetic
# certificates in its review queue and runs review_page.cjs in Debian's Chromium (playwright-core from
# npm, pinned by package-lock.json, downloads cached in ~/.npm). The screenshot is kept as WORK/review.png.
#   review_page_test.sh MIXTRACT_BIN WORK_DIR
set -euo pipefail
bin=$1
work=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v node >/dev/null || { echo "node is missing: scripts/setup.sh installs it" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing: scripts/setup.sh installs Debian's chromium" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

"$bin" synth --n 3 --seed 8 --difficulty hard --out "$work/docs" >/dev/null
MIXTRACT_CACHE_DIR=$work/cache "$bin" serve --no-auth --port 0 --state "$work/server.sqlite" --workers 1 \
  >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
port=
for _ in $(seq 600); do
  port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.log")
  [ -n "$port" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not say where it listens" >&2; cat "$work/serve.log" >&2; exit 1; }

first=
for file in "$work"/docs/*.jpg; do
  curl -sf -o /dev/null -F "image=@$file" "http://127.0.0.1:$port/v1/extract"
  first=${first:-$file}
done
curl -sf -o /dev/null -F "image=@$first;filename=<img src=x onerror=alert(1)>.jpg" "http://127.0.0.1:$port/v1/extract"

node "$here/review_page.cjs" "$work/node_modules" "http://127.0.0.1:$port" "$work/review.png"
