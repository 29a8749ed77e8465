#!/usr/bin/env bash
# Issue 20's memory bullet: the peak RSS of the packaged service while it builds a CardanoImmutableFilesFull and a
# CardanoDatabase artifact of a node database of DB_MB or more. The service runs the devnet with chunks of CHUNK_MB
# (hidden setting mithril.devnet.chunk-bytes; a recent mainnet chunk is some 40 MB) and its own stores directory; the
# database is pre-seeded by pointing the devnet's origin marker DB_MB back, so the devnet writes the whole database at
# its first time point instead of at its pace of a trio per DEVNET_EPOCH_LENGTH_SECONDS / 3. VmRSS is sampled every
# second (rss.tsv in the work directory), VmHWM is read once both artifacts exist. Prints: the artifacts, their build
# times, the digest cache hit rates logged at each beacon, the peak RSS. Results go to docs/benchmarks.md by hand.
#   SERVICE_JAVA_OPTS  JVM options added to the launcher's (bin/mithril-aggregator's JAVA_OPTS; default none),
#                      e.g. "-XX:NativeMemoryTracking=summary" (then a jcmd summary is taken at the peak) or -Xmx256m
#   KEEP=1             keep the work directory (the database is DB_MB and more!)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
DB_MB=${DB_MB:-2048}
CHUNK_MB=${CHUNK_MB:-40}
EPOCH=${EPOCH:-12}
PORT=${PORT:-18081}
TIMEOUT=${TIMEOUT:-1200}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d)
echo "work directory: $work"

if [ "${SKIP_PACKAGE:-0}" != 1 ]; then
  ./mvnw -B -ntp -o -q package -DskipTests -Dmithril.aot.skip=true
fi

# pre-seed: the devnet's chain slot is the seconds since 2025-01-01 plus one epoch (its initial epoch is 1); a trio
# spans EPOCH/3 slots; an origin TRIOS trios back makes the devnet write trios 0..TRIOS-1 at once (no catch-up limit
# applies to an empty immutable/ directory)
db="$work/stores/devnet-db"
mkdir -p "$db"
trios=$(( (DB_MB + CHUNK_MB - 1) / CHUNK_MB + 1 ))
spf=$(( EPOCH / (EPOCH < 3 ? EPOCH : 3) ))
slot=$(( $(date +%s) - $(date -d 2025-01-01T00:00:00Z +%s) + EPOCH ))
printf 'origin_slot=%d\n' $(( slot - (trios + 1) * spf )) > "$db/devnet-db.properties"
echo "pre-seeded: $trios trios of ~$CHUNK_MB MB"

# through the launcher, as an operator runs it: its JVM and malloc settings are part of what is measured (it execs java:
# the pid is the JVM's)
( cd "$work" && exec env SERVER_PORT="$PORT" DATA_STORES_DIRECTORY="$work/stores" \
    DEVNET_EPOCH_LENGTH_SECONDS="$EPOCH" SIGNED_ENTITY_TYPES=CardanoImmutableFilesFull,CardanoDatabase \
    JAVA_OPTS="${SERVICE_JAVA_OPTS:-} -Dmithril.devnet.chunk-bytes=$(( CHUNK_MB << 20 ))" \
    "$root/bin/mithril-aggregator" -vv serve > "$work/service.log" 2>&1 ) &
pid=$!
echo "service pid $pid"
trap 'kill "$pid" 2>/dev/null || true; wait || true; [ "${KEEP:-0}" = 1 ] || rm -rf "$work"' EXIT

# beacon and size of the newest artifact of a list route whose beacon covers the pre-seeded trios, empty if none
newest() {
  curl -sf "http://127.0.0.1:$PORT/aggregator/artifact/$1" 2>/dev/null \
    | jq -r --argjson min $(( trios - 1 )) --arg size "$2" \
        '[.[] | select(.beacon.immutable_file_number >= $min)] | first // empty
         | "epoch \(.beacon.epoch) immutable \(.beacon.immutable_file_number) \($size) \(.[$size])"' 2>/dev/null || true
}

start=$(date +%s)
peak=0
: > "$work/rss.tsv"
while true; do
  now=$(date +%s)
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  if [ -z "$rss" ]; then echo "the service stopped:"; tail -30 "$work/service.log"; exit 1; fi
  printf '%d\t%d\n' $(( now - start )) "$rss" >> "$work/rss.tsv"
  if [ "$rss" -gt "$peak" ]; then
    peak=$rss
    if [[ "${SERVICE_JAVA_OPTS:-}" == *NativeMemoryTracking* ]] && [ $(( now - ${nmt_at:-0} )) -ge 5 ]; then
      "$JAVA_HOME/bin/jcmd" "$pid" VM.native_memory summary > "$work/nmt-peak.txt" 2>&1 || true
      nmt_at=$now
    fi
  fi
  if [ $(( (now - start) % 10 )) = 0 ]; then
    cdb=$(newest cardano-database total_db_size_uncompressed)
    full=$(newest snapshots size)
    if [ -n "$cdb" ] && [ -n "$full" ]; then break; fi
  fi
  if [ $(( now - start )) -gt "$TIMEOUT" ]; then echo "no artifacts after $TIMEOUT s"; tail -30 "$work/service.log"; exit 1; fi
  sleep 1
done

echo "--- database"
du -sb "$db/immutable" | awk '{printf "immutable/: %.0f MB\n", $1 / 1048576}'
echo "--- artifacts (after $(( $(date +%s) - start )) s)"
echo "CardanoDatabase: $cdb"
echo "CardanoImmutableFilesFull: $full"
messages() { grep '^{' "$work/service.log" | jq -r '.message' | grep -E "$1" || true; }
messages '^artifact .* built and stored in'
echo "--- digests (service log)"
messages '^digests of the [0-9]+ immutable files'
echo "--- RSS of the service (kB)"
grep -E 'VmHWM|VmRSS' "/proc/$pid/status"
echo "sampled peak VmRSS: $peak kB"
if [ -s "$work/nmt-peak.txt" ]; then
  echo "--- native memory near the peak (committed)"
  grep -E '^Total|^-  *[A-Z]' "$work/nmt-peak.txt" | sed 's/reserved=[0-9KMGB]*, //' | head -30
fi
