#!/bin/sh
# Health probe for the Arogyam backend images (Docker HEALTHCHECK, and usable
# as a Kubernetes exec probe). APP is set in the image from the build arg.
#   gateway   -> GET http://127.0.0.1:$PORT/api/health must answer 2xx
#   *-service -> apps/$APP/dist/healthcheck.js exits 0 when the service
#                answers on NATS
set -eu

: "${APP:?APP is not set}"

if [ "$APP" = "gateway" ]; then
  exec node -e "fetch('http://127.0.0.1:${PORT:-3000}/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
fi

exec node "/app/apps/${APP}/dist/healthcheck.js"
