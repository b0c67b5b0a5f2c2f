# SPDX-License-Identifier: GPL-3.0-or-later
# common.sh -- shared by scripts/demo, scripts/test and scripts/bench (sourced, not run).
# Installs missing Debian packages (as root) and builds jixiao into build/.

JX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Packages needed to build and run jixiao.
JX_BUILD_PACKAGES="gcc make cmake pkg-config libsqlite3-dev sqlite3 libgsl-dev libssl-dev
  libcmocka-dev libcsv-dev libjansson-dev libfontconfig-dev libxlsxwriter-dev gnuplot-nox
  fonts-noto-cjk libzip-dev libxml2-dev libfreexl-dev libpoppler-glib-dev libcairo2-dev gettext"
# Extra packages for the test suite (HTML checks, browser screenshot, xlsx, memory checks, fuzzing).
JX_TEST_PACKAGES="python3 libxml2-utils chromium unzip zip valgrind clang libclang-rt-14-dev imagemagick
  python3-openpyxl python3-docx cmark-gfm poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui"
# Extra packages for the benchmarks.
JX_BENCH_PACKAGES="hyperfine time linux-perf python3-pandas"

# jx_need_packages PKG... : install the missing ones (root) or say how (exit 1).
jx_need_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "==> installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || { echo "apt-get update failed" >&2; exit 1; }
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      { echo "apt-get install failed for: ${missing[*]}" >&2; exit 1; }
  else
    echo "jixiao needs these Debian packages, which are not installed:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
}

# jx_build DIR [cmake args...] : configure and build into DIR.
jx_build() {
  local dir=$1; shift
  echo "==> building in $dir"
  mkdir -p "$dir"
  cmake -S "$JX_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >"$dir/configure.log" 2>&1 ||
    { cat "$dir/configure.log" >&2; exit 1; }
  cmake --build "$dir" -j"$(nproc)" >"$dir/build.log" 2>&1 ||
    { grep -E "error|Error" -A3 "$dir/build.log" | head -60 >&2; echo "build failed (full log: $dir/build.log)" >&2; exit 1; }
}
