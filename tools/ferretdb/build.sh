#!/usr/bin/env bash
# Builds FerretDB 1.24.1 (the wrapper in main.go around its embeddable package) into $1, with
# the patches in patches/ applied in order to the upstream sources: see README.md for what and
# why. The build happens in a scratch copy with its dependencies vendored, because Go refuses to
# build modified files of the module cache.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(realpath -m "${1:?usage: build.sh OUTPUT}")
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp "$here/main.go" "$here/go.mod" "$here/go.sum" "$work/"
cd "$work"
go mod vendor
# Patch paths start at vendor/github.com/FerretDB: FerretDB/… (the server) or wire/… (its protocol module).
chmod -R u+w vendor/github.com/FerretDB
for patch in "$here"/patches/*.diff; do
  git apply --directory=vendor/github.com/FerretDB "$patch" || {
    echo "build.sh: $(basename "$patch") does not apply to FerretDB 1.24.1" >&2
    exit 1
  }
done
mkdir -p "$(dirname "$out")"
go build -mod=vendor -o "$out" .
