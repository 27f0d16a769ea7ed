#!/usr/bin/env bash
# Builds FerretDB 1.24.1 (the wrapper in main.go around its embeddable package) into $1, with
# the files in patches/ laid over the upstream sources: see README.md for what and why. The
# build happens in a scratch copy with its dependencies vendored, because Go refuses to build
# modified files of the module cache.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(realpath -m "${1:?usage: build.sh OUTPUT}")
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp "$here/main.go" "$here/go.mod" "$here/go.sum" "$work/"
cd "$work"
go mod vendor
patch_into() { chmod u+w "vendor/github.com/FerretDB/FerretDB/$2" && cp "$here/patches/$1" "vendor/github.com/FerretDB/FerretDB/$2"; }
patch_into sqlite-metadata.go.patched internal/backends/sqlite/metadata/metadata.go
patch_into fsql-db.go.patched internal/util/fsql/db.go
mkdir -p "$(dirname "$out")"
go build -mod=vendor -o "$out" .
