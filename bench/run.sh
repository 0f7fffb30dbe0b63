#!/usr/bin/env bash
# The benchmark, one command: builds, renders fixed sets of synthetic documents (cached in
# build/bench-data until synth changes), and appends a dated section with the commit and the machine to bench/RESULTS.md:
#   - extraction: N documents of each difficulty (clean, photo, hard; seed 2026), every route in
#     bench/routes/ and the built-in schemas with --schema auto; with ../shared/data the documents use
#     and the extraction knows the Ministry's 2,631 schools, without it the 10 of the starter table;
#   - batch scaling: the clean documents through --schema auto on 1 and 2 threads (documents in
#     parallel, one inference thread each, no cache): documents/s, peak memory, the speed-up;
#   - batch memory: `extract` over 1,000, 10,000 and 30,000 small distinct pages with the file-name
#     route (no OCR: the batch machinery alone: inputs, duplicates, job store, writers, per-person
#     table), XLSX output and a per-person table: seconds, documents/s and peak RSS of the process;
#   - memory along a long batch: `extract` over --soak-n (10,000) photographed certificates, RSS sampled
#     every 30 s (about an hour on 2 cores);
#   - LLM in flight: a scripted OpenAI-compatible server answering after 500 ms; the vision route
#     (bench/llm/vision.yaml) over 1,000 small pages with 8, 16 and 32 requests in flight, against the
#     ideal in_flight / 0.5 s; and the text route (bench/llm/text.yaml, OCR then the LLM) over the clean
#     documents with 8 in flight, where OCR and LLM waits overlap; the client's overhead per request,
#     64 requests in flight, and prompt tokens per document of each LLM route (bench/bench_llm.cc);
#   - OCR: PP-OCRv4 against Tesseract on 20 clean, 20 photo and 20 hard documents, with ratios;
#   - learned routes: `mixtract tune` on the graduation certificates of a mixed set (all difficulties,
#     seed 2026), half held out, then `eval --compare-routes --held-out-only`: every expert alone, the
#     schema's routes and the learned ones on the held-out half, side by side;
#   - NLP: LAC in C++ (characters/s one sentence at a time and in batches of 32, on 1 and 2 threads,
#     memory) against its numpy reference network on the sentences of bench/nlp/sentences.txt; BERT
#     token classification on ONNX Runtime with the tiny random model of tests/tools/bert_tiny.py
#     against the same model run with numpy, on the same sentences.
#   - layout families (leave-one-family-out): N certificates or ID cards of each family of `synth --families`, clean and
#     photographed, through `extract` on the default settings, then `eval`: per family and field, and the
#     development families against the held-out ones (written after the cues were last changed);
#   - the built-in routes with and without an LLM: the first held-out families, photographed, extracted on the
#     default settings and with --llm-url to a scripted server answering from the truth, always right
#     and wrong on 20% of values: fields right, accepted, accepted wrong;
#   - HTTP service: wrk against POST /v1/extract (one certificate, cached OCR) at 2 threads: requests/s,
#     median and p99 latency, errors, the server's memory along the run;
#   - the queue: submit, 1, 2 and 4 worker processes and collect on one redis-server here, against
#     extract on the same documents, and the queue's own cost per document.
# Each measurement runs in its own process, so peak memory is its own. Quote figures from one run
# side by side; the machines are noisy.
#
#   bench/run.sh [--n N] [--ocr-n N] [--tune-n N] [--soak-n N] [--only SECTION] [--families "F ..."]
#                [--no-record]
#     N per difficulty, default 60; --tune-n documents of all kinds for tune, default 400; SECTION one of
#     extract, families, scaling, memory, soak, llm, escalation, ocr, tune, nlp, server, queue (default:
#     all); --families: the layout families the families section measures (default all of synth's);
#     --no-record prints without appending.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

count=60
ocr_count=20
tune_count=400
soak_count=10000
record=true
only=
families=
while [ $# -gt 0 ]; do
  case "$1" in
    --n) count=$2; shift 2 ;;
    --ocr-n) ocr_count=$2; shift 2 ;;
    --tune-n) tune_count=$2; shift 2 ;;
    --soak-n) soak_count=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --families) families=$2; shift 2 ;;
    --no-record) record=false; shift ;;
    *) echo "bench/run.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done

scripts/build.sh >/dev/null
build=${MIXTRACT_BUILD_DIR:-build}
# The rendered sets stay in build/bench-data between runs and are made again once synth has changed: the last
# commit to tools/synth is kept beside them (uncommitted changes to it are not seen).
synth_commit=$(git log -1 --format=%H -- tools/synth 2>/dev/null || true)
if [ "$(cat "$build/bench-data/synth-commit" 2>/dev/null || true)" != "$synth_commit" ]; then
  rm -rf "$build/bench-data"
fi
mkdir -p "$build/bench-data"
echo "$synth_commit" > "$build/bench-data/synth-commit"
schools=../shared/data/universities_moe2017.csv
[ -f "$schools" ] || schools=
school_note="the 10 schools of the starter table"
[ -n "$schools" ] && school_note="the Ministry's list of 2,631 schools (\`--schools $schools\`)"
for set in clean photo hard; do
  data=$build/bench-data/extract-$set-n$count${schools:+-moe}
  if [ ! -f "$data/truth.csv" ]; then
    rm -rf "$data"
    "$build/mixtract" synth --n "$count" --seed 2026 --difficulty "$set" ${schools:+--schools "$schools"} \
      --out "$data" >/dev/null
  fi
done

# Extraction reads every page afresh: a private, empty analysis cache.
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT

# PP-OCRv4 and Tesseract on the same pages of each difficulty, one process per engine and set.
ocr_section() {
  echo "### OCR engines ($ocr_count documents per set, all kinds, 2 threads)"
  echo
  echo "| engine | set | images | median ms/image | detect | classify | recognise | non-inference % | peak RSS MiB | CER % | exact lines % | numbers exact | numbers re-read exact |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  local rows=()
  for set in clean photo hard; do
    local dir=$build/bench-data/ocr-$set-n$ocr_count
    if [ ! -f "$dir/lines.jsonl" ]; then
      rm -rf "$dir"
      "$build/mixtract" synth --n "$ocr_count" --seed 2027 --difficulty "$set" --out "$dir" >/dev/null
    fi
    for engine in ppocr tesseract; do
      rows+=("$("$build/bench_ocr" --engine "$engine" --set "$set" --docs "$dir")")
    done
  done
  printf '%s\n' "${rows[@]}" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s/%s | %s/%s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13}'
  echo
  echo "Ratios, PP-OCRv4 / Tesseract, same pages: "
  printf '%s\n' "${rows[@]}" | awk -F'\t' '
    $1 == "ppocr" { ms[$2] = $4; cer[$2] = $10 }
    $1 == "tesseract" { printf "%s: time %.2fx, CER %.2fx; ", $2, ms[$2] / $4, ($10 > 0 ? cer[$2] / $10 : 0) }
    END { print "" }'
  echo
}

# The folder of $count certificates of the first held-out families (graduation_regular, degree_award,
# graduation_form: development families since 2026-12-04, kept so that figures compare) at difficulty $1,
# rendered on first use.
held_out_set() {
  local data=$build/bench-data/escalation-$1-n$count${schools:+-moe}
  if [ ! -f "$data/truth.csv" ]; then
    rm -rf "$data"
    "$build/mixtract" synth --n "$count" --seed 2029 --kinds graduation,degree --difficulty "$1" \
      --families graduation_regular degree_award graduation_form ${schools:+--schools "$schools"} --out "$data" >/dev/null
  fi
  echo "$data"
}

# Documents/s of the batch runner on 1 and 2 threads, same documents, one process each: the clean
# documents, and the first held-out families photographed (1,600-2,400 px photos, the pages users send).
scaling_section() {
  local data rows
  for data in "$build/bench-data/extract-clean-n$count${schools:+-moe}" "$(held_out_set photo)"; do
    echo "### Batch scaling (\`--schema auto\`, \`$(basename "$data")\`: $count documents, no cache)"
    echo
    echo "| threads | documents | seconds | docs/s | peak RSS MiB | time outside inference |"
    echo "|---|---|---|---|---|---|"
    rows=()
    for workers in 1 2; do
      rows+=("$("$build/bench_extract" --schema auto --docs "$data" ${schools:+--schools "$schools"} --name scaling \
        --workers "$workers")")
    done
    printf '%s\n' "${rows[@]}" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s%% |\n", $1, $2, $3, $4, $5, $6}'
    echo
    printf '%s\n' "${rows[@]}" | awk -F'\t' 'NR == 1 { one = $4 } NR == 2 { printf "Speed-up on 2 threads: %.2fx\n", $4 / one }'
    echo
  done
}

# Peak memory of one `extract` process as batches grow, the pages cached in build/bench-data.
memory_section() {
  echo "### Batch memory (file-name route: no OCR, the batch machinery alone; XLSX + per-person table, 2 threads)"
  echo
  echo "| documents | seconds | docs/s | peak RSS MiB |"
  echo "|---|---|---|---|"
  local n dir out stats
  for n in 1000 10000 30000; do
    dir=$build/bench-data/pages-$n
    [ -d "$dir" ] || "$build/bench_pages" --n "$n" --out "$dir"
    out=$(mktemp -d)
    /usr/bin/time -o "$out/time" -f '%e %M' "$build/mixtract" extract "$dir" --schema bench/routes/file_name.yaml \
      -o "$out/results.xlsx" --per-person "$out/persons.csv" --no-cache -j 2 >/dev/null 2>&1
    stats=$(tail -1 "$out/time")
    rm -rf "$out"
    echo "$n $stats" | awk '{printf "| %d | %.2f | %.0f | %.0f |\n", $1, $2, $1 / $2, $3 / 1024}'
  done
  echo
}

# Memory along a long batch: `extract` on the default settings over $soak_count photographed certificates
# (the first held-out families' pages in turn, each file distinct: bench_pages --from), its RSS sampled every
# 30 s with its peak so far and the documents done; a row per tenth of the run and a bar for the eye.
soak_section() {
  local dir work pid
  dir=$build/bench-data/soak-$soak_count
  if [ ! -d "$dir" ]; then
    "$build/bench_pages" --from "$(held_out_set photo)" --n "$soak_count" --out "$dir.partial"
    mv "$dir.partial" "$dir"
  fi
  work=$(mktemp -d)
  "$build/mixtract" extract "$dir" -o "$work/out.jsonl" --no-cache -j 2 >/dev/null 2>"$work/log" &
  pid=$!
  local start=$SECONDS next=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ $((SECONDS - start)) -ge "$next" ]; then
      # The progress line extract writes every 30 s off a terminal: "progress: 1200/10000 documents · ...".
      awk -v s=$((SECONDS - start)) -v done="$(sed -n 's|^progress: \([0-9]*\)/[0-9]* documents.*|\1|p' "$work/log" | tail -1)" \
        '/VmHWM/ { hwm = $2 } /VmRSS/ { print s, done + 0, $2 / 1024, hwm / 1024 }' "/proc/$pid/status" 2>/dev/null >>"$work/rss.txt" || true
      next=$((next + 30))
    fi
    sleep 1
  done
  wait "$pid" || true
  echo "### Memory along a batch of $soak_count photographed certificates (\`extract\` on the default settings, -j 2, no cache)"
  echo
  echo "| minutes | documents done | RSS MiB | peak so far MiB | |"
  echo "|---|---|---|---|---|"
  awk -v total="$soak_count" -v n="$(wc -l <"$work/rss.txt")" -v seconds=$((SECONDS - start)) '
    { t[NR] = $1; d[NR] = $2; r[NR] = $3; h[NR] = $4 }
    END {
      step = n / 10 < 1 ? 1 : n / 10
      for (i = 1; i <= n; i += step) rows[int(i)] = 1
      rows[n] = 1
      for (i = 1; i <= n; i++) if (i in rows) {
        bar = ""; for (k = 0; k < r[i] / 20; k++) bar = bar "#"
        printf "| %.1f | %d | %.0f | %.0f | `%s` |\n", t[i] / 60, d[i], r[i], h[i], bar
      }
      printf "\n%d documents in %.0f min (%.2f documents/s).\n", total, seconds / 60, total / seconds
    }' "$work/rss.txt"
  echo
  rm -rf "$work"
}

# Documents/s with LLM experts against a scripted server that answers after 500 ms.
llm_section() {
  local pages=$build/bench-data/pages-1000 clean=$build/bench-data/extract-clean-n$count${schools:+-moe}
  [ -d "$pages" ] || "$build/bench_pages" --n 1000 --out "$pages"
  local run_dir
  run_dir=$(mktemp -d)
  "$build/tests/scripted_llm_server" --port-file "$run_dir/port" --delay-ms 500 --truth "$clean/truth.jsonl" \
    >/dev/null 2>&1 &
  local server=$!
  for _ in $(seq 100); do [ -f "$run_dir/port" ] && break; sleep 0.1; done
  local url=http://127.0.0.1:$(cat "$run_dir/port")
  echo "### LLM requests in flight (scripted server answering after 500 ms, 2 threads)"
  echo
  echo "| route | documents | in flight | seconds | docs/s | ideal docs/s | of ideal | peak RSS MiB |"
  echo "|---|---|---|---|---|---|---|---|"
  local n route in_flight stats
  for run in "vision 1000 8" "vision 1000 16" "vision 1000 32"; do
    read -r route n in_flight <<<"$run"
    /usr/bin/time -o "$run_dir/time" -f '%e %M' "$build/mixtract" extract "$pages" --schema "bench/llm/$route.yaml" \
      --llm-url "$url" --llm-in-flight "$in_flight" -o "$run_dir/out/results.jsonl" --no-cache -j 2 >/dev/null 2>&1
    stats=$(tail -1 "$run_dir/time")
    echo "$route $n $in_flight $stats" | awk '{ rate = $2 / $4; ideal = $3 / 0.5
      printf "| %s | %d | %d | %.2f | %.2f | %.0f | %.0f%% | %.0f |\n", $1, $2, $3, $4, rate, ideal, 100 * rate / ideal, $5 / 1024 }'
  done
  echo
  echo "OCR and LLM waits overlapping: the $count clean documents, the graduation certificate's fields"
  echo
  echo "| route | seconds | docs/s | peak RSS MiB |"
  echo "|---|---|---|---|"
  for run in "graduation_certificate|built-in rules over OCR, no LLM" "bench/llm/text.yaml|text LLM over OCR, 8 in flight"; do
    /usr/bin/time -o "$run_dir/time" -f '%e %M' "$build/mixtract" extract "$clean" --schema "${run%%|*}" \
      --llm-url "$url" --llm-in-flight 8 -o "$run_dir/out/results.jsonl" --no-cache -j 2 >/dev/null 2>&1
    stats=$(tail -1 "$run_dir/time")
    echo "$count $stats" | awk -v name="${run#*|}" '{ printf "| %s | %.2f | %.2f | %.0f |\n", name, $2, $1 / $2, $3 / 1024 }'
  done
  kill "$server"
  echo
  # The client's own cost, 64 in flight, and prompt tokens per route, counted by a real tokenizer.
  local llama_dir port
  llama_dir=$(scripts/llama_server.sh)
  port=$((20000 + RANDOM % 20000))
  "$llama_dir/bin/llama-server" -m "$llama_dir/tiny-random.gguf" --host 127.0.0.1 --port "$port" -c 2048 \
    --log-disable >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
  "$build/bench_llm" --docs "$clean" --tokenizer-url "http://127.0.0.1:$port" --n 10
  kill "$server"
  rm -rf "$run_dir"
}

# Routes learned on half of a labelled set and measured on the other half.
tune_section() {
  local data=$build/bench-data/tune-mix-n$tune_count${schools:+-moe} run_dir
  if [ ! -f "$data/truth.csv" ]; then
    rm -rf "$data"
    "$build/mixtract" synth --n "$tune_count" --seed 2026 --difficulty mix ${schools:+--schools "$schools"} \
      --out "$data" >/dev/null
  fi
  run_dir=$(mktemp -d)
  # A private cache: tune's expert outputs, measured afresh, serve eval --compare-routes after it.
  export MIXTRACT_CACHE_DIR=$run_dir/cache
  local labelled=(--truth "$data/truth.csv" --docs "$data" --schema graduation_certificate --held-out 0.5
    ${schools:+--schools "$schools"} -j 2)
  echo "### Learned routes (\`mixtract tune\`, graduation certificates of $tune_count mixed documents, half held out)"
  echo
  echo '```'
  /usr/bin/time -o "$run_dir/time" -f '%e %M' "$build/mixtract" tune "${labelled[@]}" -o "$run_dir/routes.yaml" \
    2>/dev/null
  echo '```'
  awk '{printf "\ntune: %.0f s, peak RSS %.0f MiB\n\n", $1, $2 / 1024}' "$run_dir/time"
  echo "Held-out half, every route replayed on the same expert outputs (\`eval --compare-routes --held-out-only\`;"
  echo "\`schema\`: the built-in routes, \`routes\`: the learned ones):"
  echo
  echo '```'
  "$build/mixtract" eval --compare-routes --held-out-only --routes "$run_dir/routes.yaml" "${labelled[@]}" 2>/dev/null
  echo '```'
  echo
  # End to end on documents neither fitted nor held out: extract (with the cross-field checks) then eval.
  local fresh=$build/bench-data/tune-fresh-graduation-n100${schools:+-moe}
  if [ ! -f "$fresh/truth.csv" ]; then
    rm -rf "$fresh"
    "$build/mixtract" synth --n 100 --seed 2027 --kinds graduation --difficulty mix ${schools:+--schools "$schools"} \
      --out "$fresh" >/dev/null
  fi
  echo "End to end on 100 new graduation certificates (\`synth --seed 2027 --kinds graduation --difficulty mix\`;"
  echo "\`extract --schema graduation_certificate\` with the cross-field checks, then \`eval\`):"
  echo
  echo "| routes | fields right | documents all right | accepted | accepted right | seconds |"
  echo "|---|---|---|---|---|---|"
  local name routes
  for name in built-in learned; do
    routes=()
    [ "$name" = learned ] && routes=(--routes "$run_dir/routes.yaml")
    /usr/bin/time -o "$run_dir/time" -f '%e' "$build/mixtract" extract "$fresh" --schema graduation_certificate \
      "${routes[@]}" ${schools:+--schools "$schools"} -o "$run_dir/$name.jsonl" --no-cache -j 2 >/dev/null 2>&1 || true
    "$build/mixtract" eval --json --truth "$fresh/truth.csv" --pred "$run_dir/$name.jsonl" | /usr/bin/python3 -c '
import json, sys
r = json.load(sys.stdin)
pct = lambda a, b: "%.1f%% (%d/%d)" % (100.0 * a / b, a, b) if b else "-"
print("| %s | %s | %s | %s | %s | %s |" % (sys.argv[1], pct(r["correct"], r["total"]),
      pct(r["documents_all_correct"], r["documents"]), pct(r["accepted"], r["reviewed"]),
      pct(r["accepted_correct"], r["accepted"]), sys.argv[2]))' "$name" "$(cat "$run_dir/time")"
  done
  echo
  echo "<details><summary>The routes file</summary>"
  echo
  echo '```yaml'
  cat "$run_dir/routes.yaml"
  echo '```'
  echo "</details>"
  echo
  rm -rf "$run_dir"
  unset MIXTRACT_CACHE_DIR
}

# LAC in C++ against the numpy reference network, and BERT on ONNX Runtime against the same tiny model
# run with numpy; same sentences, loading excluded.
nlp_section() {
  local lac=/usr/lib/python3/dist-packages/jieba/lac_small rows reference rss bert_dir
  echo "### LAC (lexical analysis and NER, real parameters of Debian's python3-jieba; bench/nlp/sentences.txt x 200)"
  echo
  rows=$("$build/bench_lac" --threads 2 --repeat 200 --batch 32 < bench/nlp/sentences.txt)
  reference=$(for _ in $(seq 20); do cat bench/nlp/sentences.txt; done | /usr/bin/python3 tests/tools/lac_reference.py "$lac" --speed)
  echo "| implementation | threads | sentences per call | characters/s | vs numpy | peak RSS MiB |"
  echo "|---|---|---|---|---|---|"
  echo "| numpy reference (tests/tools/lac_reference.py) | 1 | 1 | $reference | 1.0x | |"
  rss=$(printf '%s\n' "$rows" | awk -F'\t' '$1 == "peak_rss_mib" { print $2 }')
  printf '%s\n' "$rows" | awk -F'\t' -v ref="$reference" -v rss="$rss" \
    '$1 != "peak_rss_mib" { printf "| C++ (src/nlp/lac) | %s | %s | %.0f | %.1fx | %s |\n", $1, $2, $5, $5 / ref, rss }'
  echo
  echo "### BERT token classification (ONNX Runtime; tiny random model of tests/tools/bert_tiny.py: 2 layers of 32, 4 heads; bench/nlp/sentences.txt x 50)"
  echo
  bert_dir=$(mktemp -d)
  /usr/bin/python3 tests/tools/bert_tiny.py export "$bert_dir"
  rows=$("$build/bench_bert" --model "$bert_dir" --threads 2 --repeat 50 --max-tokens 64 < bench/nlp/sentences.txt)
  reference=$(for _ in $(seq 5); do cat bench/nlp/sentences.txt; done |
    /usr/bin/python3 tests/tools/bert_tiny.py run "$bert_dir" --max-tokens 64 --speed)
  rm -rf "$bert_dir"
  echo "| implementation | threads | characters/s | vs numpy | peak RSS MiB |"
  echo "|---|---|---|---|---|"
  printf '| numpy reference (tests/tools/bert_tiny.py run) | 1 | %.0f | 1.0x | |\n' "$reference"
  rss=$(printf '%s\n' "$rows" | awk -F'\t' '$1 == "peak_rss_mib" { print $2 }')
  printf '%s\n' "$rows" | awk -F'\t' -v ref="$reference" -v rss="$rss" \
    '$1 != "peak_rss_mib" { printf "| C++ (src/nlp/bert, batches of 16 windows) | %s | %.0f | %.1fx | %s |\n", $1, $4, $4 / ref, rss }'
  echo
}

# The HTTP service under load: wrk (2 threads, 8 connections, 30 s) against POST /v1/extract with one
# clean certificate as JSON, its page reading cached after the first request; the server's memory is
# sampled every 5 s along the run.
server_section() {
  local work port pid sampler file
  work=$(mktemp -d)
  "$build/mixtract" synth --n 3 --seed 2026 --difficulty clean --out "$work/docs" >/dev/null
  file=$(ls "$work"/docs/*毕业证书.jpg | head -1)
  printf '{"schema": "graduation_certificate", "file_name": "c.jpg", "image_base64": "%s"}' \
    "$(base64 -w0 "$file")" >"$work/body.json"
  MIXTRACT_CACHE_DIR=$work/cache "$build/mixtract" serve --no-auth --port 0 --state "$work/server.sqlite" \
    --rate-limit 0 --workers 2 >"$work/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 600); do
    port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.log")
    [ -n "$port" ] && break
    sleep 0.1
  done
  local queued
  queued=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' --data-binary @"$work/body.json" \
    "http://127.0.0.1:$port/v1/extract" | grep -ci '^X-Review-Id' || true)
  (while kill -0 "$pid" 2>/dev/null; do
    awk '/VmRSS/ {printf "%d ", $2 / 1024}' "/proc/$pid/status" 2>/dev/null
    sleep 5
  done) >"$work/rss.txt" &
  sampler=$!
  BODY_FILE=$work/body.json wrk -t2 -c8 -d30s --latency -s bench/server/post_json.lua \
    "http://127.0.0.1:$port/v1/extract" >"$work/wrk.txt"
  kill -TERM "$pid"
  wait "$pid" || true
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  echo "### HTTP service under load (wrk -t2 -c8 -d30s, POST /v1/extract, one clean certificate, OCR cached, --workers 2)"
  echo
  echo "| requests | requests/s | median ms | p99 ms | non-2xx | socket errors | server RSS MiB every 5 s | queued for review |"
  echo "|---|---|---|---|---|---|---|---|"
  awk -v rss="$(cat "$work/rss.txt")" -v queued="$queued" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    / 50%/ { median = ms($2) } / 99%/ { p99 = ms($2) }
    /requests in/ { requests = $1 } /Requests\/sec/ { rate = $2 }
    /Non-2xx/ { non2xx = $NF } /Socket errors/ { sockets = $0; sub(/.*Socket errors: /, "", sockets) }
    END { printf "| %s | %.1f | %.1f | %.1f | %d | %s | %s| %s |\n", requests, rate, median, p99, non2xx,
          sockets == "" ? "none" : sockets, rss, queued == 1 ? "yes" : "no" }' "$work/wrk.txt"
  echo
  rm -rf "$work"
}

# The queue (submit, worker, collect) on one redis-server of this machine: documents/s with 1, 2 and 4
# worker processes of one thread each against `extract` on the same documents (no cache), and the
# queue's own cost per document: 1,000 small pages through the file-name route (no OCR), the queue
# against extract.
queue_section() {
  local work port redis data n
  work=$(mktemp -d)
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" --logfile redis.log &
  redis=$!
  for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.05; done
  # Seconds for the queue to do a folder: submit, WORKERS processes, then collect once all is done.
  queued_seconds() {  # folder workers stream [settings...]
    local folder=$1 workers=$2 stream=$3 job start pids=() i
    shift 3
    start=$(date +%s.%N)
    job=$("$build/mixtract" submit "$folder" --queue "redis://127.0.0.1:$port/$stream" "$@" | sed -n 's/^job \([^:]*\):.*/\1/p')
    for i in $(seq "$workers"); do
      "$build/mixtract" worker --queue "redis://127.0.0.1:$port/$stream" -j 1 --no-cache --exit-when-idle 2 "$@" \
        >/dev/null 2>&1 &
      pids+=($!)
    done
    "$build/mixtract" collect --queue "redis://127.0.0.1:$port/$stream" --job "$job" -o "$work/$stream.jsonl" >/dev/null 2>&1 || true
    echo "$(date +%s.%N) - $start" | bc
    wait "${pids[@]}" 2>/dev/null || true
  }
  extract_seconds() {  # folder threads [settings...]
    local folder=$1 threads=$2 start
    shift 2
    start=$(date +%s.%N)
    "$build/mixtract" extract "$folder" -j "$threads" --no-cache -o "$work/extract.jsonl" "$@" >/dev/null 2>&1 || true
    echo "$(date +%s.%N) - $start" | bc
  }
  data=$build/bench-data/extract-clean-n$count${schools:+-moe}
  n=$(ls "$data"/*.jpg | wc -l)
  echo "### The queue on Redis Streams (\`$(basename "$data")\`: $n documents, no cache, one redis-server here)"
  echo
  echo "| run | seconds | docs/s |"
  echo "|---|---|---|"
  for threads in 1 2; do
    extract_seconds "$data" "$threads" ${schools:+--schools "$schools"} |
      awk -v n="$n" -v t="$threads" '{printf "| extract -j %d | %.1f | %.2f |\n", t, $1, n / $1}'
  done
  for workers in 1 2 4; do
    queued_seconds "$data" "$workers" "docs$workers" ${schools:+--schools "$schools"} |
      awk -v n="$n" -v w="$workers" '{printf "| submit, %d worker(s) of -j 1, collect | %.1f | %.2f |\n", w, $1, n / $1}'
  done
  echo
  local pages=$build/bench-data/pages-10000 plain queued
  [ -d "$pages" ] || "$build/bench_pages" --n 10000 --out "$pages"
  plain=$(extract_seconds "$pages" 1 --schema bench/routes/file_name.yaml)
  queued=$(queued_seconds "$pages" 1 pages --schema bench/routes/file_name.yaml)
  echo "Queue's own cost (10,000 small pages, file-name route, no OCR, one worker of -j 1): extract -j 1"
  echo "$(printf '%.1f' "$plain") s, submit + worker + collect $(printf '%.1f' "$queued") s:" \
    "$(echo "($queued - $plain) * 1000 / 10000" | bc -l | xargs printf '%.2f') ms more per document (start-up,"
  echo "the worker's first wait and collect's polling included)."
  echo
  kill "$redis"
  wait "$redis" 2>/dev/null || true
  rm -rf "$work"
}

# Prints a folder made in $2 with the pages of the synth set $1 under the names scan_1.jpg, scan_2.jpg, ... and
# its truth.csv naming them so.
rename_pages() {
  rm -rf "$2"
  mkdir -p "$2"
  /usr/bin/python3 - "$1" "$2" <<'PY'
import csv, os, sys
source, target = sys.argv[1:]
with open(os.path.join(source, "truth.csv"), encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
for number, row in enumerate(rows[1:], 1):
    os.symlink(os.path.abspath(os.path.join(source, row[0])), os.path.join(target, "scan_%d.jpg" % number))
    row[0] = "scan_%d.jpg" % number
with open(os.path.join(target, "truth.csv"), "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f).writerows(rows)
PY
  echo "$2"
}

# Leave-one-family-out: each layout family rendered alone, clean and photographed, extracted on the
# default settings (--schema auto, the built-in school table) and scored; held-out families were written
# after the certificate_text cues were last changed, so their figures are the ones that count.
families_section() {
  local run_dir family kinds set data rows=()
  run_dir=$(mktemp -d)
  for family in $("$build/mixtract" synth --help |
    sed -n 's/.*Layout families of certificates, ID cards and reports to render (default all):\(.*\)/\1/p' |
    sed 's/ (held out)/:held_out/g'); do
    if [ -n "$families" ] && [[ " $families " != *" ${family%%:*} "* ]]; then continue; fi
    kinds=graduation,degree
    case $family in
      id_*) kinds=id_card ;;
      chsi_*) kinds=chsi_record ;;
      degree_report_*) kinds=degree_report ;;
    esac
    sets="clean photo"
    # Certificates once more with their files named scan_N.jpg: the family sets name files after the
    # person, so this set says what the page alone gives (its pages' readings come from the clean set's cache).
    [ "$kinds" = graduation,degree ] && sets="clean renamed photo"
    for set in $sets; do
      data=$build/bench-data/family-${family%%:*}-${set/renamed/clean}-n$count${schools:+-moe}
      if [ ! -f "$data/truth.csv" ]; then
        rm -rf "$data"
        "$build/mixtract" synth --n "$count" --seed 2028 --kinds $kinds --families "${family%%:*}" \
          --difficulty "$set" ${schools:+--schools "$schools"} --out "$data" >/dev/null
      fi
      if [ "$set" = renamed ]; then
        data=$(rename_pages "$data" "$run_dir/renamed")
      else
        rm -rf "$run_dir/cache"
      fi
      MIXTRACT_CACHE_DIR=$run_dir/cache /usr/bin/time -o "$run_dir/time" -f '%e' "$build/mixtract" extract "$data" \
        -o "$run_dir/out.jsonl" -j 2 >/dev/null 2>&1 || true
      rows+=("$(printf '%s\t%s\t%s\t%s\t%s' "${family%%:*}" \
        "$([ "${family#*:}" = held_out ] && echo held-out || echo development)" "$set" "$(cat "$run_dir/time")" \
        "$("$build/mixtract" eval --json --truth "$data/truth.csv" --pred "$run_dir/out.jsonl" | tr -d '\n\t')")")
    done
  done
  rm -rf "$run_dir"
  echo "### Layout families, leave-one-family-out (\`synth --families F --kinds graduation,degree\`, \`--kinds id_card\`, \`chsi_record\` or \`degree_report\`, $count per family and set; \`extract\` on the default settings)"
  echo
  printf '%s\n' "${rows[@]}" | /usr/bin/python3 bench/families_table.py
}

# The built-in routes with an LLM and without: the first held-out families, photographed, through `extract` on
# the default settings, then with --llm-url to a scripted server answering from the truth (right, then
# with a share of its values misread), then `eval`.
escalation_section() {
  local run_dir data set wrong label llm server report
  run_dir=$(mktemp -d)
  echo "### The built-in routes with and without an LLM (the first held-out families, $count documents a set; scripted server answering from the truth)"
  echo
  echo "| set | run | s/document | fields right | accepted | accepted right (wrong) | documents asking the LLM |"
  echo "|---|---|---|---|---|---|---|"
  for set in photo hard; do
    data=$(held_out_set "$set")
    for run in "none|no LLM" "0|--llm-url, the model always right" "0.2|--llm-url, the model wrong on 20% of values"; do
      wrong=${run%%|*} label=${run#*|} llm=() server=
      if [ "$wrong" != none ]; then
        rm -f "$run_dir/port"
        "$build/tests/scripted_llm_server" --port-file "$run_dir/port" --truth "$data/truth.jsonl" \
          --wrong-share "$wrong" >/dev/null 2>&1 &
        server=$!
        for _ in $(seq 100); do [ -f "$run_dir/port" ] && break; sleep 0.1; done
        llm=(--llm-url "http://127.0.0.1:$(cat "$run_dir/port")")
      fi
      /usr/bin/time -o "$run_dir/time" -f '%e' "$build/mixtract" extract "$data" "${llm[@]}" -o "$run_dir/out.jsonl" \
        --no-cache -j 2 >/dev/null 2>&1 || true
      [ -z "$server" ] || kill "$server"
      report=$("$build/mixtract" eval --json --truth "$data/truth.csv" --pred "$run_dir/out.jsonl")
      /usr/bin/python3 -c '
import json, sys
subset, label, seconds, r, results = sys.argv[1], sys.argv[2], float(sys.argv[3]), json.loads(sys.argv[4]), sys.argv[5]
asked = sum(1 for line in open(results) if any(n.startswith("llm_") for n in json.loads(line).get("expert_costs", {})))
pct = lambda a, b: "%.1f%%" % (100.0 * a / b) if b else "-"
print("| %s | %s | %.2f | %s | %s | %s (%d) | %d |" % (subset, label, seconds / max(r["documents"], 1),
      pct(r["correct"], r["total"]), pct(r["accepted"], r["reviewed"]), pct(r["accepted_correct"], r["accepted"]),
      r["accepted"] - r["accepted_correct"], asked))
' "$set" "$label" "$(cat "$run_dir/time")" "$report" "$run_dir/out.jsonl"
    done
  done
  echo
  rm -rf "$run_dir"
}

wanted() { [ -z "$only" ] || [ "$only" = "$1" ]; }

commit=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain -- src include tools bench schemas)" ] || commit="$commit (with uncommitted changes)"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
memory=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)

section=$(mktemp)
trap 'rm -rf "$cache" "$section"' EXIT
{
  echo "## $(date -u +%Y-%m-%d) · commit $commit"
  echo
  echo "Machine: $(nproc) cores, $cpu, $memory; $(. /etc/os-release && echo "$PRETTY_NAME")."
  echo "Data: $count synthetic documents per difficulty (\`mixtract synth --n $count --seed 2026 --difficulty SET\`),"
  echo "with $school_note."
  echo
  for set in clean photo hard; do
    wanted extract || break
    data=$build/bench-data/extract-$set-n$count${schools:+-moe}
    for route in bench/routes/*.yaml auto; do
      name="built-in schemas, --schema auto"
      [ -f "$route" ] && name=$(sed -n 's/^# Route "\([^"]*\)".*/\1/p' "$route" | head -1)
      MIXTRACT_CACHE_DIR=$cache "$build/bench_extract" --schema "$route" --docs "$data" ${schools:+--schools "$schools"} \
        --name "${name:-$(basename "$route" .yaml)} · $set"
    done
  done
  if wanted families; then families_section; fi
  if wanted scaling; then scaling_section; fi
  if wanted memory; then memory_section; fi
  if wanted soak; then soak_section; fi
  if wanted llm; then llm_section; fi
  if wanted escalation; then escalation_section; fi
  if wanted ocr; then ocr_section; fi
  if wanted tune; then tune_section; fi
  if wanted nlp; then nlp_section; fi
  if wanted server; then server_section; fi
  if wanted queue; then queue_section; fi
} > "$section"

cat "$section"
if $record; then
  cat "$section" >> bench/RESULTS.md
  echo "appended to bench/RESULTS.md" >&2
fi
