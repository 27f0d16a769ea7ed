#!/usr/bin/env bash
# Provides mediasoup's C++ worker for the installed mediasoup package, once per machine and
# mediasoup version, at .tools/mediasoup-worker/<version>/mediasoup-worker (what
# MEDIASOUP_WORKER_BIN points at: npm start, the tests, the benchmarks, the Docker image).
#   1. A worker already there, or MEDIASOUP_WORKER_BIN, or the package's own build: nothing to do.
#   2. mediasoup's prebuilt worker for this platform, where it can be downloaded (as its
#      postinstall would; `.npmrc` skips install scripts).
#   3. Else build it from the sources the npm package ships (node_modules/mediasoup/worker), in a
#      copy under .tools/build, against Debian's libraries and a static OpenSSL without kernel TLS
#      (see tools/mediasoup-worker/README.md for why each piece is what it is). ~5 min on 2 cores.
# Prints one line per step; on failure one line saying what failed, records it in
# .tools/mediasoup-worker/<version>/build-failed (tests then skip the SFU and say why), and
# exits 1. Needs node_modules (run after `npm ci`).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
say() { printf '[mediasoup-worker] %s\n' "$*"; }
. scripts/lib/apt.sh

pkg=node_modules/mediasoup
if [ ! -f "$pkg/package.json" ]; then
  say "skipped: node_modules/mediasoup is not installed yet (run npm ci, then this script)"
  exit 0
fi
version=$(node -p "require('./$pkg/package.json').version")
dest=.tools/mediasoup-worker/$version
bin=$dest/mediasoup-worker
logs=$root/.tools/build/logs
log=$logs/mediasoup-worker-$version.log
mkdir -p "$dest" "$logs"

# mediasoup's own check of a worker: started without MEDIASOUP_VERSION, a working one exits 41.
works() {
  env -i "$1" >/dev/null 2>&1
  [ $? -eq 41 ]
}
fail() {
  say "FAILED: $*"
  printf '%s\n' "$*" >"$dest/build-failed"
  exit 1
}
done_ok() {
  rm -f "$dest/build-failed"
  say "$*"
  exit 0
}

if [ -n "${MEDIASOUP_WORKER_BIN:-}" ]; then
  works "$MEDIASOUP_WORKER_BIN" && done_ok "present: MEDIASOUP_WORKER_BIN=$MEDIASOUP_WORKER_BIN"
  fail "MEDIASOUP_WORKER_BIN=$MEDIASOUP_WORKER_BIN does not run as a mediasoup worker (unset it to build one)"
fi
if [ -x "$bin" ] && works "$bin"; then done_ok "present ($bin, mediasoup $version)"; fi
if [ -x "$pkg/worker/out/Release/mediasoup-worker" ] && works "$pkg/worker/out/Release/mediasoup-worker"; then
  done_ok "present (the package's own build, $pkg/worker/out/Release/mediasoup-worker)"
fi

# --- 2. mediasoup's prebuilt worker (same name and place as its postinstall's download) -------
try_prebuilt() {
  command -v curl >/dev/null 2>&1 || return 1
  local url tmp
  url=$(node -e "
    const p = require('./$pkg/package.json'), os = require('os');
    const base = process.env.MEDIASOUP_WORKER_PREBUILT_DOWNLOAD_BASE_URL
      || p.repository.url.replace(/^git\+/, '').replace(/\.git$/, '') + '/releases/download';
    const kernel = os.platform() === 'linux' ? '-kernel' + os.release().split('.')[0] : '';
    console.log(base + '/' + p.version + '/mediasoup-worker-' + p.version + '-' + os.platform() + '-' + os.arch() + kernel + '.tgz');
  ") || return 1
  tmp=$(mktemp -d)
  if curl -fsSL --connect-timeout 10 --max-time 300 -o "$tmp/worker.tgz" "$url" >>"$log" 2>&1 &&
    tar -xzf "$tmp/worker.tgz" -C "$tmp" >>"$log" 2>&1 && works "$tmp/mediasoup-worker"; then
    mv "$tmp/mediasoup-worker" "$bin"
    : >"$dest/runtime-packages" # mediasoup's prebuilt workers link their libraries statically
    rm -rf "$tmp"
    return 0
  fi
  rm -rf "$tmp"
  return 1
}
: >"$log"
if [ "${MEDIASOUP_SKIP_WORKER_PREBUILT_DOWNLOAD:-}" = "" ] && try_prebuilt; then
  done_ok "downloaded mediasoup's prebuilt worker $version ($bin)"
fi
say "no prebuilt worker to download here; building mediasoup $version's worker from its sources (about 5 min on 2 cores; log: $log)"

# --- 3. build from the package's sources ---------------------------------------------------------
case "$(uname -m)" in
  x86_64) openssl_target=linux-x86_64 ;;
  aarch64) openssl_target=linux-aarch64 ;;
  *) fail "no build recipe for $(uname -m) (video falls back to peer-to-peer)" ;;
esac
command -v dpkg-query >/dev/null 2>&1 || fail "building needs a Debian-like system (apt); video falls back to peer-to-peer"
build_packages="g++ make perl pkg-config ninja-build libuv1-dev libsrtp2-dev libusrsctp-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler"
missing=""
for p in $build_packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  say "installing build packages (apt):$missing"
  # shellcheck disable=SC2086
  apt_install $missing || fail "could not install$missing (apt)"
fi
jobs=${MEDIASOUP_BUILD_JOBS:-$(nproc)}
# The build is background work next to whatever else runs: let that go first.
quiet() { nice -n 10 "$@" >>"$log" 2>&1; }

# meson >= 1.1 (mediasoup's minimum; Debian bookworm has 1.0), from PyPI into a venv of our own.
venv=.tools/meson-venv
if ! "$venv/bin/python" -c 'import mesonbuild.coredata as c, sys; v = tuple(map(int, c.version.split(".")[:2])); sys.exit(v < (1, 1))' 2>/dev/null; then
  say "installing meson (PyPI) into $venv"
  rm -rf "$venv"
  if ! python3 -m venv "$venv" >>"$log" 2>&1; then
    apt_install python3-venv && python3 -m venv "$venv" >>"$log" 2>&1 || fail "python3 -m venv failed (see $log)"
  fi
  quiet "$venv/bin/pip" install --quiet 'meson>=1.1,<2' || fail "pip install meson failed (see $log)"
fi

# OpenSSL 3.0.8 (mediasoup's own pin), static and without kernel TLS. Not Debian's libssl3: its
# kernel-TLS build makes this worker crash on the first DTLS ClientHello. The source comes from
# crates.io's openssl-src crate, whose version carries the OpenSSL version it ships.
openssl_crate=300.0.12+3.0.8
openssl=$root/.tools/openssl/$openssl_crate
if [ ! -f "$openssl/lib/libssl.a" ] || [ ! -f "$openssl/lib/pkgconfig/openssl.pc" ]; then
  command -v cargo >/dev/null 2>&1 || fail "building needs cargo (crates.io's openssl-src crate carries OpenSSL's source)"
  say "building OpenSSL ${openssl_crate#*+} (static, no kernel TLS) into .tools/openssl (about 75 s)"
  ossl_work=$(mktemp -d)
  mkdir -p "$ossl_work/fetch/src" && : >"$ossl_work/fetch/src/lib.rs"
  printf '[package]\nname = "fetch-openssl-src"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\nopenssl-src = "=%s"\n' \
    "${openssl_crate%+*}" >"$ossl_work/fetch/Cargo.toml"
  (cd "$ossl_work/fetch" && cargo vendor --quiet "$ossl_work/vendor") >>"$log" 2>&1 ||
    fail "could not fetch the openssl-src crate $openssl_crate with cargo (see $log)"
  rm -rf "$openssl"
  # no-module: the crate's tree is trimmed of what loadable modules need.
  (cd "$ossl_work/vendor/openssl-src/openssl" &&
    quiet ./Configure "$openssl_target" --prefix="$openssl" --libdir=lib \
      no-shared no-module no-tests no-comp no-legacy no-ktls &&
    quiet make -j"$jobs" build_libs && quiet make install_dev) ||
    fail "OpenSSL build failed (see $log)"
  rm -rf "$ossl_work"
fi

# A copy of the package's worker sources (node_modules stays as npm installed it), named by the
# version and by our patch files: an interrupted build of the same inputs resumes where it was.
stamp=$(cat tools/mediasoup-worker/patch_meson_build.py tools/mediasoup-worker/srtp.h | sha256sum | cut -c1-12)
src=$root/.tools/build/mediasoup-worker-$version-$stamp
if [ -f "$src/build/build.ninja" ]; then
  say "resuming the build in $src"
else
  rm -rf "$src"
  mkdir -p "$src"
  cp -a "$pkg/worker/." "$src/" || fail "could not copy $pkg/worker"
  rm -rf "$src/out" "$src/prebuild" "$src/pip_invoke"
  python3 tools/mediasoup-worker/patch_meson_build.py "$src" tools/mediasoup-worker >>"$log" 2>&1 ||
    fail "mediasoup $version's build files are not what tools/mediasoup-worker expects (see $log)"
  PKG_CONFIG_PATH="$openssl/lib/pkgconfig" quiet "$venv/bin/meson" setup "$src/build" "$src" \
    --buildtype=release -Db_ndebug=true -Db_pie=true --wrap-mode=nofallback -Dms_disable_liburing=true ||
    fail "meson setup failed (see $log)"
fi
say "compiling (ninja, $jobs jobs)"
# The flatbuffers headers first: the worker's sources include them but do not depend on them.
quiet ninja -C "$src/build" -j"$jobs" fbs/FBS || fail "flatbuffers code generation failed (see $log)"
quiet ninja -C "$src/build" -j"$jobs" mediasoup-worker || fail "compiling the worker failed (see $log)"
strip -o "$bin.tmp" "$src/build/mediasoup-worker" || fail "strip failed"
if ldd "$bin.tmp" | grep -qE 'lib(ssl|crypto)\.so'; then
  rm -f "$bin.tmp"
  fail "the worker links a shared OpenSSL; it must be the static one in $openssl"
fi
works "$bin.tmp" || { rm -f "$bin.tmp"; fail "the built worker does not start (see $log)"; }
mv "$bin.tmp" "$bin"
# The Debian packages whose shared libraries it loads, for an image that only copies the binary.
# ldd and dpkg may name a library by /lib or /usr/lib (merged /usr): ask for both.
owner() { dpkg-query -S "$1" 2>/dev/null || dpkg-query -S "/usr$1" 2>/dev/null || dpkg-query -S "${1#/usr}" 2>/dev/null; }
for lib in $(ldd "$bin" | awk '/=> \//{print $3}'); do owner "$lib"; done | cut -d: -f1 | sort -u |
  grep -vxE 'libc6|libgcc-s1|libstdc\+\+6' >"$dest/runtime-packages"
rm -rf "$src"
done_ok "built $bin ($(du -h "$bin" | cut -f1)); set MEDIASOUP_WORKER_BIN to it (npm start and the tests do)"
