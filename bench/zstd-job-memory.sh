#!/usr/bin/env bash
# zstd's native memory against its job size (issue 20, docs/benchmarks.md "Runs 6–9"): one JVM per configuration of
# bench/ZstdJobMemory.java (level 9, MB megabytes of 2.5:1 content), with the launcher's MALLOC_ARENA_MAX=2.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MB=${MB:-512}
# the zstd-jni the service uses (pom.xml), from the local Maven repository (any build of the service fetched it)
version=$(sed -n 's:.*<zstd-jni.version>\(.*\)</zstd-jni.version>.*:\1:p' pom.xml)
jar=~/.m2/repository/com/github/luben/zstd-jni/$version/zstd-jni-$version.jar
for config in "4 0" "4 8388608" "4 4194304" "2 0"; do
  # shellcheck disable=SC2086
  MALLOC_ARENA_MAX=2 "$JAVA_HOME/bin/java" -Xmx200m --enable-native-access=ALL-UNNAMED -cp "$jar" \
    bench/ZstdJobMemory.java $config "$MB"
done
