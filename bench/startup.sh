#!/usr/bin/env bash
# Time from process start to /q/health/ready = 200, with the embedded PostgreSQL already initialised
# (a first, untimed run creates it), started the way operators start it: bin/mithril-aggregator serve (with
# the build's AOT cache when it is current). Usage: bench/startup.sh [runs]  (default 5). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
runs=${1:-5}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
[ -f target/quarkus-app/app.aot ] && echo "with the AOT cache target/quarkus-app/app.aot" >&2
work=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
# stop only what this script started: every service PID is recorded (start_once runs in a subshell)
stop_started() {
  if [ -f "$work/pids" ]; then
    while read -r p; do
      if kill -0 "$p" 2>/dev/null; then
        kill -TERM "$p" 2>/dev/null || true
        for _ in $(seq 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$p" 2>/dev/null || true
      fi
    done <"$work/pids"
  fi
  rm -rf "$work"
}
trap stop_started EXIT

start_once() {
  local t0 t1
  t0=$(date +%s%N)
  (cd "$work" && SERVER_PORT=$port SERVER_IP=127.0.0.1 exec "$OLDPWD/bin/mithril-aggregator" serve >>"$work/out.log" 2>&1) &
  local pid=$!
  echo $pid >>"$work/pids"
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { echo "service exited" >&2; tail -20 "$work/out.log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  kill -TERM $pid; wait $pid 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}

echo "initialising the embedded database (untimed)..." >&2
start_once >/dev/null
times=()
for i in $(seq "$runs"); do times+=("$(start_once)"); done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "start to ready (ms), $runs runs: $(echo $sorted | tr '\n' ' ')"
echo "median: $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms"
