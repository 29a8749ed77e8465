#!/usr/bin/env bash
# Time from process start to /q/health/ready = 200, with the embedded PostgreSQL already initialised
# (a first, untimed run creates it), started the way operators start it: bin/mithril-aggregator serve (with
# the build's AOT cache when it is current). Usage: bench/startup.sh [runs]  (default 5). Loopback only.
# The measuring is bench/startup-ab.sh's, with this checkout's launcher as its only command.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
runs=${1:-5}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
[ -f target/quarkus-app/app.aot ] && echo "with the AOT cache target/quarkus-app/app.aot" >&2
exec bench/startup-ab.sh "$runs" bin/mithril-aggregator
