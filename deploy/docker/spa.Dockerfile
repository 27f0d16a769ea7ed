# syntax=docker/dockerfile:1
#
# One image per React + Vite SPA (patient-web, doctor-web, admin-web), from
# this one Dockerfile. Build from the repository root:
#
#   docker build -f deploy/docker/spa.Dockerfile --build-arg APP=patient-web -t arogyam/patient-web .
#
# Node builds the static bundle (`nx run @arogyam/$APP:build` -> apps/$APP/dist,
# libs/ui compiled in); nginx-unprivileged serves it on port 8080 as a non-root
# user, with the SPA fallback, long-lived caching of hashed assets, and a
# same-origin proxy of /api and /socket.io to the gateway
# (deploy/nginx/spa.conf).

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.27-alpine

# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY apps/ apps/
COPY libs/ libs/
# Keep only the workspace package.json files (npm ci cache key).
RUN find apps libs -mindepth 2 -maxdepth 2 ! -name package.json -exec rm -rf {} +

# ---------------------------------------------------------------------------
# Identical to the deps stage of node-app.Dockerfile, so BuildKit shares it.
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
# libs/ui is source compiled into the bundle through a Vite alias.
RUN set -eu; \
    sh deploy/docker/nx-build.sh "${APP:-}"; \
    test -f "apps/${APP}/dist/index.html"

# ---------------------------------------------------------------------------
FROM ${NGINX_IMAGE} AS runtime
ARG APP
LABEL org.opencontainers.image.title="arogyam-${APP}" \
      org.opencontainers.image.description="Arogyam ${APP} (static SPA on nginx)" \
      org.opencontainers.image.licenses="Apache-2.0"
# The base image runs as uid 101 and owns /etc/nginx. worker_processes auto
# would start one worker per *node* CPU in a container; two are plenty for
# static files (scale with replicas instead).
RUN sed -i 's/^worker_processes .*/worker_processes  2;/' /etc/nginx/nginx.conf
# Replaces the stock default server (which also listens on 8080).
COPY deploy/nginx/spa.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/${APP}/dist/ /usr/share/nginx/html/
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --start-interval=2s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
# ENTRYPOINT, CMD, USER 101 and STOPSIGNAL SIGQUIT come from the base image.
