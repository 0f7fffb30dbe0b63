#!/usr/bin/env bash
# The real-server fixture of the LLM tests: builds llama.cpp's llama-server from the pinned source
# bundle that scripts/setup.sh fetched (deps/llama-bundle) and writes a tiny random-weight Qwen2 model
# for it (scripts/make_tiny_gguf.py, with the bundle's gguf-py and vocabulary), once per machine, into
# $MIXTRACT_CACHE_DIR/llama-server/<bundle hash>/, and prints that folder. About 11 minutes on 2 cores
# the first time (ccache makes a rebuild quick); the folder is safe to delete.
#
#   scripts/llama_server.sh      -> .../llama-server/<hash>  (bin/llama-server, tiny-random.gguf)
set -euo pipefail

project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deps_dir=${MIXTRACT_DEPS_DIR:-$project_dir/deps}
cache_dir=${MIXTRACT_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/mixtract}/llama-server
bundle=$deps_dir/llama-bundle/gitRelease.bundle

die() { printf 'llama_server.sh: error: %s\n' "$*" >&2; exit 1; }

[ -f "$bundle" ] || die "$bundle is missing: run scripts/setup.sh first"
out=$cache_dir/$(sha256sum "$bundle" | cut -c1-16)
mkdir -p "$cache_dir"
work=$(mktemp -d "$cache_dir/.build.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ ! -x "$out/bin/llama-server" ] || [ ! -f "$out/ggml-vocab-qwen2.gguf" ]; then
  echo "llama_server.sh: building llama-server from $bundle (about 11 minutes on 2 cores, once)" >&2
  git clone -q "$bundle" "$work/llama.cpp"
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$work/llama.cpp" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
    -DLLAMA_CURL=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
    "${launcher[@]}" >/dev/null
  cmake --build "$work/build" --target llama-server -j "${MIXTRACT_JOBS:-2}" >&2
  mkdir -p "$work/out/bin"
  cp "$work/build/bin/llama-server" "$work/out/bin/"
  cp -r "$work/llama.cpp/gguf-py" "$work/out/"
  cp "$work/llama.cpp/models/ggml-vocab-qwen2.gguf" "$work/llama.cpp/LICENSE" "$work/out/"
  rm -rf "$out"
  mv "$work/out" "$out"
fi
if [ ! -f "$out/tiny-random.gguf" ]; then
  /usr/bin/python3 "$project_dir/scripts/make_tiny_gguf.py" "$out" "$work/tiny-random.gguf"
  mv "$work/tiny-random.gguf" "$out/"
fi
echo "$out"
