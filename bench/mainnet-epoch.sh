#!/usr/bin/env bash
# Issue 17's mainnet-sized epoch, timed: the packaged service on the devnet with POOLS pools and mainnet's protocol
# parameters (k=2422, m=20973, phi_f=0.2), its signers in another process (bench.MainnetEpochLoad) over HTTP.
# Prints: registrations/s, single signatures/s (a first burst at N+2, cold, then a warm one at N+3) with where the CPU
# went meanwhile, the certificates' making time (from the service's log), the
# service's peak RSS, and the runtime cycle at rest. Results go to docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
POOLS=${POOLS:-3000}
EPOCH=${EPOCH:-240}
CONCURRENCY=${CONCURRENCY:-32}
PORT=${PORT:-18080}
# JVM options of the service, e.g. SERVICE_JAVA_OPTS=-Xmx640m; PROFILE=1 records the service with JFR (service.jfr)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d)
echo "work directory: $work"
profile=()
if [ "${PROFILE:-0}" = 1 ]; then profile=("-XX:StartFlightRecording=filename=$work/service.jfr,settings=profile,dumponexit=true"); fi

./mvnw -B -ntp -o -q package -DskipTests -Dmithril.aot.skip=true   # the service's jar
./mvnw -B -ntp -o -q -Pjmh -DskipTests compile                     # and the load client
cp=$(./mvnw -B -ntp -o -q -Pjmh dependency:build-classpath -Dmdep.outputFile=/dev/stdout)

# the jar itself (not bin/mithril-aggregator, which rebuilds when sources changed since the jar)
( cd "$work" && exec env SERVER_PORT="$PORT" DATA_STORES_DIRECTORY="$work/stores" \
    DEVNET_SIGNERS="$POOLS" DEVNET_EPOCH_LENGTH_SECONDS="$EPOCH" SIGNED_ENTITY_TYPES=MithrilStakeDistribution \
    PROTOCOL_PARAMETERS__K=2422 PROTOCOL_PARAMETERS__M=20973 PROTOCOL_PARAMETERS__PHI_F=0.2 \
    "$JAVA_HOME/bin/java" ${SERVICE_JAVA_OPTS:-} "${profile[@]}" -Dmithril.devnet.in-process-signers=false \
    -jar "$root/target/quarkus-app/quarkus-run.jar" -vvv serve > "$work/service.log" 2>&1 ) &
pid=$!
echo "service pid $pid"

"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "target/classes:$cp" \
    io.mithrilj.aggregator.bench.MainnetEpochLoad "http://127.0.0.1:$PORT/aggregator" "$POOLS" "$EPOCH" "$CONCURRENCY" "$pid" \
    | tee "$work/client.log"

sleep 20   # the certificate, then cycles at rest
echo "--- certificate (service log)"
grep -o 'certificate [0-9a-f]* of [^"]*made in[^"]*' "$work/service.log" || echo "no certificate made"
echo "--- peak RSS of the service"
grep -E 'VmHWM|VmRSS' "/proc/$pid/status"
echo "--- runtime cycle at rest (last 20 READY cycles with nothing to do)"
grep -o 'Ready cycle done in [0-9.]* ms' "$work/service.log" | tail -20 | awk '{print $5}' | sort -n \
    | awk '{a[NR]=$1} END {print "n=" NR, "min=" a[1], "median=" a[int((NR+1)/2)], "max=" a[NR], "ms"}'
kill "$pid"; wait || true
