#!/bin/sh
# Builds one app of the monorepo with Nx inside an image build; used by
# node-app.Dockerfile and spa.Dockerfile. Run from the repository root.
#
#   deploy/docker/nx-build.sh <folder under apps/>     e.g. user-service
#
# - Nx names package.json-based projects after the package ("@arogyam/gateway",
#   or the package's nx.name), so the folder name is mapped to that.
# - `nx run <app>:build` builds the libs the app uses first (dependsOn ^build).
#   Nx only knows which libs those are if it analyses the source imports, which
#   it does by default only in repos that use @nx/js; this package-based repo
#   doesn't, so, unless nx.json already says otherwise, the image's copy of
#   nx.json turns pluginsConfig["@nx/js"].analyzeSourceFiles on. Without it a
#   clean build compiles the app before its libs and fails
#   (TS2307: Cannot find module '@arogyam/contracts').
set -eu

app="${1:-}"
if [ -z "$app" ] || [ ! -f "apps/$app/package.json" ]; then
  echo "nx-build.sh: APP must name a folder under apps/ (got '${app}')" >&2
  exit 1
fi

project="$(node -p "const p = require('./apps/$app/package.json'); (p.nx && p.nx.name) || p.name")"

node -e '
const fs = require("fs");
const nx = JSON.parse(fs.readFileSync("nx.json", "utf8"));
nx.pluginsConfig ??= {};
nx.pluginsConfig["@nx/js"] ??= {};
nx.pluginsConfig["@nx/js"].analyzeSourceFiles ??= true;
fs.writeFileSync("nx.json", JSON.stringify(nx, null, 2) + "\n");
'

echo "nx-build.sh: building $project (apps/$app)"
npx nx run "$project:build"
