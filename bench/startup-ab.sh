#!/usr/bin/env bash
# Interleaved start-up comparison of builds (A, B, A, B…), so that the VM's speed drift hits all alike.
# Each argument is a command that starts the service when given `serve` (e.g. a checkout's
# bin/mithril-aggregator). Time: spawn to the first 200 of /q/health/ready, embedded PostgreSQL already
# initialised (one untimed start per command first), each command on stores of its own (a build may secure
# its stores so that an earlier build cannot open them). Loopback only.
#   usage: bench/startup-ab.sh RUNS COMMAND [COMMAND...]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 RUNS COMMAND [COMMAND...]" >&2; exit 2; }
runs=$1; shift
# commands given by a relative path run from a temporary directory: make them absolute
commands=()
for c in "$@"; do
  if [ -e "$c" ]; then commands+=("$(cd "$(dirname "$c")" && pwd)/$(basename "$c")"); else commands+=("$c"); fi
done
set -- "${commands[@]}"
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
  local t0 t1 pid
  t0=$(date +%s%N)
  (cd "$work" && DATA_STORES_DIRECTORY="$work/stores-$2" SERVER_PORT=$port SERVER_IP=127.0.0.1 exec $1 serve \
    >>"$work/out.log" 2>&1) &
  pid=$!
  echo $pid >>"$work/pids"
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { echo "service exited: $1" >&2; tail -20 "$work/out.log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  kill -TERM $pid; wait $pid 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}

declare -a times
n=0
for c in "$@"; do start_once "$c" $n >/dev/null; n=$((n + 1)); done
for _ in $(seq "$runs"); do
  n=0
  for c in "$@"; do times[$n]="${times[$n]:-} $(start_once "$c" $n)"; n=$((n + 1)); done
done
n=0
for c in "$@"; do
  sorted=$(echo ${times[$n]} | tr ' ' '\n' | sort -n | tr '\n' ' ')
  median=$(echo ${times[$n]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$median ms median [ $sorted] <- $c"
  n=$((n + 1))
done
