#!/usr/bin/env bash
# Installs what Arogyam needs to run locally without Docker, idempotently:
#   nats-server and PostgreSQL (Debian packages), FerretDB 1.24.1 (built from the Go module proxy
#   into .tools/bin, with tools/ferretdb/patches), the mediasoup worker for video calls through
#   the SFU (scripts/build-mediasoup-worker.sh; it needs node_modules, so after `npm ci`), and
#   with --with-browser Debian's chromium for the browser tests. The project runs its own
#   PostgreSQL cluster under its data folder (it never touches the system one); see
#   tools/ferretdb/README.md.
# Anything already present is left alone. Prints one clear line per thing it could not do.
set -uo pipefail
cd "$(dirname "$0")/.."

with_browser=0
[ "${1:-}" = "--with-browser" ] && with_browser=1
failed=0
say() { printf '[install-infra] %s\n' "$*"; }

. scripts/lib/apt.sh

# NATS with JetStream.
if command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ]; then
  say "nats-server: present"
else
  say "nats-server: installing (apt)"
  apt_install nats-server || { say "nats-server: FAILED"; failed=1; }
fi

# PostgreSQL server programs (initdb, postgres): FerretDB keeps its data there.
if ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || [ -n "${POSTGRES_BIN_DIR:-}" ]; then
  say "postgresql: present"
else
  say "postgresql: installing (apt)"
  apt_install postgresql || { say "postgresql: FAILED"; failed=1; }
fi

# FerretDB: `go install .../cmd/ferretdb@v1.24.1` builds a binary that panics at start-up
# (its version file is generated only by FerretDB's release tooling), so we build the small
# wrapper in tools/ferretdb around FerretDB's embeddable package instead, with our patches
# (tools/ferretdb/README.md). The stamp rebuilds it when the wrapper or a patch changes.
ferretdb_stamp=$(cat tools/ferretdb/main.go tools/ferretdb/go.mod tools/ferretdb/go.sum tools/ferretdb/build.sh tools/ferretdb/patches/* | sha256sum | cut -c1-16)
if [ -x .tools/bin/ferretdb ] && [ "$(cat .tools/bin/ferretdb.stamp 2>/dev/null)" = "$ferretdb_stamp" ]; then
  say "ferretdb: present (.tools/bin/ferretdb)"
elif command -v go >/dev/null 2>&1; then
  say "ferretdb: building FerretDB 1.24.1 into .tools/bin (first time takes a minute or two)"
  if tools/ferretdb/build.sh .tools/bin/ferretdb; then
    echo "$ferretdb_stamp" >.tools/bin/ferretdb.stamp
    say "ferretdb: built"
  else
    say "ferretdb: FAILED to build (needs Go 1.24+ and the Go module proxy). Set MONGO_URL to a MongoDB instead."
    failed=1
  fi
else
  say "ferretdb: cannot build: no Go toolchain (1.24+). Install Go, or set MONGO_URL to a running MongoDB."
  failed=1
fi

if [ "$with_browser" = "1" ]; then
  if [ -x /usr/bin/chromium ]; then
    say "chromium: present"
  else
    say "chromium: installing (apt)"
    apt_install chromium fonts-dejavu-core || { say "chromium: FAILED"; failed=1; }
  fi
fi

# The mediasoup worker (SFU). Built from node_modules/mediasoup, so only once that is installed;
# .ci/run and `npm start` run the script again after `npm ci`. A machine that cannot build it
# still installs: video calls then go peer-to-peer.
if [ -f node_modules/mediasoup/package.json ]; then
  bash scripts/build-mediasoup-worker.sh || say "mediasoup-worker: not available; video calls use peer-to-peer"
else
  say "mediasoup-worker: after npm ci, run scripts/build-mediasoup-worker.sh (npm start and .ci/run do)"
fi

exit $failed
