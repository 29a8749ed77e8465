#!/usr/bin/env bash
# Throughput/latency of the aggregator API against nginx serving the very same bytes as static files.
#
#   bench/api-wrk.sh            (from the repository root; builds target/quarkus-app if missing)
#
# Starts the packaged service (`serve`, embedded PostgreSQL in a temporary DATA_STORES_DIRECTORY) on
# 127.0.0.1:$API_PORT, imports upstream's aggregator fake data through the repositories
# (io.mithrilj.aggregator.persistence.FixtureImport), copies the two response bodies into an nginx root
# served on 127.0.0.1:$NGINX_PORT, then runs `wrk -t2 -c64 -d15s --latency` against
# GET /aggregator/certificates and GET /aggregator/certificate/{hash} on both, in the same run.
# Loopback only. Everything it starts is stopped by PID on exit.
set -euo pipefail

API_PORT=${API_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
DURATION=${DURATION:-15s}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REF=${MITHRIL_REFERENCE_DIR:-$ROOT/../shared/reference/mithril-2603.1}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx (apt-get install -y nginx wrk)" >&2; exit 1; }

cd "$ROOT"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -o -q package -DskipTests
# the fixture import tool is a test class
[ -f target/test-classes/io/mithrilj/aggregator/persistence/FixtureImport.class ] || ./mvnw -o -q test-compile

WORK=$(mktemp -d /tmp/api-wrk.XXXXXX)
API_PID=""; NGINX_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  if [ -n "$API_PID" ]; then kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- the service
DATA_STORES_DIRECTORY=$WORK/stores SERVER_IP=127.0.0.1 SERVER_PORT=$API_PORT \
  "$JAVA" -jar target/quarkus-app/quarkus-run.jar serve > "$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$API_PORT/aggregator" > /dev/null 2>&1 && break
  kill -0 "$API_PID" 2>/dev/null || { cat "$WORK/api.log" >&2; exit 1; }
  sleep 0.5
done
"$JAVA" -cp "target/test-classes:target/quarkus-app/app/*:target/quarkus-app/lib/boot/*:target/quarkus-app/lib/main/*" \
  io.mithrilj.aggregator.persistence.FixtureImport "$WORK/stores" "$REF/aggregator-fake-data" 2>/dev/null

HASH=$(curl -fs "http://127.0.0.1:$API_PORT/aggregator/certificates" | sed -E 's/^\[\{"hash":"([0-9a-f]+)".*/\1/')
LIST_PATH=/aggregator/certificates
DETAIL_PATH=/aggregator/certificate/$HASH

# --- nginx with the same bodies
mkdir -p "$WORK/www/aggregator/certificate" "$WORK/nginx"
curl -fs "http://127.0.0.1:$API_PORT$LIST_PATH" > "$WORK/www/aggregator/certificates"
curl -fs "http://127.0.0.1:$API_PORT$DETAIL_PATH" > "$WORK/www/aggregator/certificate/$HASH"
chmod 755 "$WORK"; chmod -R a+rX "$WORK/www"   # nginx workers run as an unprivileged user
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    add_header mithril-api-version 0.1.57;
  }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2> "$WORK/nginx/stderr.log" &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT$LIST_PATH" && break; sleep 0.1; done
cmp <(curl -fs "http://127.0.0.1:$NGINX_PORT$DETAIL_PATH") <(curl -fs "http://127.0.0.1:$API_PORT$DETAIL_PATH")
cmp <(curl -fs "http://127.0.0.1:$NGINX_PORT$LIST_PATH") <(curl -fs "http://127.0.0.1:$API_PORT$LIST_PATH")

# --- JIT warm-up of the service (not reported)
wrk -t2 -c64 -d5s "http://127.0.0.1:$API_PORT$LIST_PATH" > /dev/null
wrk -t2 -c64 -d5s "http://127.0.0.1:$API_PORT$DETAIL_PATH" > /dev/null

run() { # name url
  local out rps p99
  out=$(wrk -t2 -c64 -d"$DURATION" --latency "$2")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  echo "$1|$rps|$p99"
}
echo "| target | route | requests/s | p99 |"
echo "|---|---|---:|---:|"
for route in "$LIST_PATH" "$DETAIL_PATH"; do
  name=$([ "$route" = "$LIST_PATH" ] && echo "GET /aggregator/certificates" || echo "GET /aggregator/certificate/{hash}")
  IFS='|' read -r _ api_rps api_p99 <<<"$(run api "http://127.0.0.1:$API_PORT$route")"
  IFS='|' read -r _ ngx_rps ngx_p99 <<<"$(run nginx "http://127.0.0.1:$NGINX_PORT$route")"
  ratio=$(awk -v a="$api_rps" -v b="$ngx_rps" 'BEGIN {printf "%.2f", a / b}')
  echo "| mithril-aggregator (JVM) | $name | $api_rps | $api_p99 |"
  echo "| nginx (static file) | $name | $ngx_rps | $ngx_p99 |"
  echo "| ratio API/nginx | $name | $ratio | |"
done
echo "bodies: list $(wc -c < "$WORK/www/aggregator/certificates") bytes, detail $(wc -c < "$WORK/www/aggregator/certificate/$HASH") bytes"
