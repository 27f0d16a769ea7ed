# syntax=docker/dockerfile:1
#
# One image per NestJS backend app (gateway and every *-service), from this one
# Dockerfile. Build from the repository root:
#
#   docker build -f deploy/docker/node-app.Dockerfile --build-arg APP=user-service -t arogyam/user-service .
#
# APP is the Nx project name = the folder under apps/ (gateway, user-service,
# doctor-service, patient-service, appointment-service, chat-service,
# prescription-service, payment-service, notification-service, video-service,
# audit-service, analytics-service).
#
# Stages:
#   manifests  every package.json + the lockfile only (npm ci cache key)
#   deps       all dependencies (dev included) for the build
#   build      `nx run @arogyam/$APP:build`: the app and the libs it uses
#   prod-deps  production dependencies only; for video-service also the
#              mediasoup worker binary, in bin/ (see below)
#   runtime    node:20-bookworm-slim, non-root, NODE_ENV=production
#
# npm ci runs with --ignore-scripts everywhere: no package we rely on needs an
# install script at run time (argon2 ships prebuilt binaries in the package and
# loads them with node-gyp-build), and mediasoup's postinstall, which downloads
# or compiles a C++ worker, is replaced by scripts/build-mediasoup-worker.sh in
# video-service's image.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY apps/ apps/
COPY libs/ libs/
# Keep only apps/*/package.json and libs/*/package.json: npm ci with
# workspaces needs every workspace manifest, but nothing else, so source edits
# don't invalidate the dependency layers below.
RUN find apps libs -mindepth 2 -maxdepth 2 ! -name package.json -exec rm -rf {} +

# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=manifests /app/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --ignore-scripts --no-audit --no-fund

# ---------------------------------------------------------------------------
FROM deps AS build
ARG APP
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false
COPY . .
# Builds apps/$APP/dist and, through the dependsOn ^build rule, libs/<lib>/dist
# of every lib the app uses (see nx-build.sh for how the Nx project is found).
# Then stage exactly what the runtime needs in /out.
RUN set -eu; \
    sh deploy/docker/nx-build.sh "${APP:-}"; \
    test -f "apps/${APP}/dist/main.js"; \
    mkdir -p "/out/apps/${APP}"; \
    cp -R "apps/${APP}/dist" "/out/apps/${APP}/dist"; \
    for lib in libs/*/; do \
      if [ -d "${lib}dist" ]; then mkdir -p "/out/${lib}" && cp -R "${lib}dist" "/out/${lib}dist"; fi; \
    done

# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY --from=manifests /app/ ./
# Same layer for every APP (ARG APP is declared only after it).
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund
ARG APP
# video-service only: mediasoup's C++ worker, from scripts/build-mediasoup-worker.sh as on every
# machine: mediasoup's prebuilt worker for this platform where it can be downloaded (image
# builders have the network), else built from the package's own sources against Debian's
# libraries and a static OpenSSL (docs/development.md, "The mediasoup worker"). It lands in
# /app/bin with the list of Debian packages its shared libraries come from (empty for the
# prebuilt one, which links them statically); the build tools stay in this stage.
COPY scripts/build-mediasoup-worker.sh scripts/
COPY scripts/lib/ scripts/lib/
COPY tools/mediasoup-worker/ tools/mediasoup-worker/
RUN if [ "${APP}" = "video-service" ]; then \
      apt-get update \
      && apt-get install -y --no-install-recommends curl ca-certificates python3 python3-venv cargo \
      && bash scripts/build-mediasoup-worker.sh \
      && mkdir -p bin \
      && cp .tools/mediasoup-worker/*/mediasoup-worker bin/mediasoup-worker \
      && cp .tools/mediasoup-worker/*/runtime-packages bin/mediasoup-worker.runtime-packages \
      && rm -rf .tools scripts tools /var/lib/apt/lists/*; \
    else \
      rm -rf scripts tools; \
    fi

# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# tini as PID 1: forwards SIGTERM to node (graceful shutdown) and reaps
# child processes (mediasoup workers are child processes of video-service).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ARG APP
ENV NODE_ENV=production \
    MALLOC_MMAP_THRESHOLD_=131072 \
    MALLOC_ARENA_MAX=2 \
    NODE_OPTIONS="--enable-source-maps --max-old-space-size=256 --max-semi-space-size=8" \
    APP=${APP}
LABEL org.opencontainers.image.title="arogyam-${APP}" \
      org.opencontainers.image.description="Arogyam ${APP} (NestJS)" \
      org.opencontainers.image.licenses="Apache-2.0"
# Files stay root-owned and read-only for the app user.
# /app: package.json files + node_modules (workspace symlinks
# node_modules/@arogyam/<lib> -> libs/<lib>, whose main is dist/index.js) ...
COPY --from=prod-deps /app/ ./
# video-service: the shared libraries of a worker built from source (bin/ exists only there).
RUN if [ -s bin/mediasoup-worker.runtime-packages ]; then \
      apt-get update \
      && apt-get install -y --no-install-recommends $(cat bin/mediasoup-worker.runtime-packages) \
      && rm -rf /var/lib/apt/lists/*; \
    fi
# Read by video-service only (mediasoup starts this worker); the other images have no bin/.
ENV MEDIASOUP_WORKER_BIN=/app/bin/mediasoup-worker
# ... + libs/*/dist and apps/$APP/dist.
COPY --from=build /out/ ./
COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/arogyam-healthcheck
# The image's `node` user (uid/gid 1000), given numerically so that
# Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
# The gateway listens on $PORT (3000); services have no port, they speak NATS.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --start-interval=3s --retries=3 \
  CMD ["/usr/local/bin/arogyam-healthcheck"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# Shell form needed so that $APP (from the build arg, via ENV) reaches the
# command line; `exec` makes node the direct child of tini.
CMD ["/bin/sh", "-c", "exec node \"apps/${APP}/dist/main.js\""]
