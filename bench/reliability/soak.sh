#!/usr/bin/env bash
# Soak: an hour of mixed traffic (profiles, plans, applies, starts, stops) compressed into a few
# minutes against the packaged jar, a real PostgreSQL (TEST_DATABASE_URL, or an embedded one) and the
# standalone simulator. Prints heap after GC, RSS, threads and DB connections every five simulated
# minutes and exits 1 if any grows beyond its bound. Usage: bench/reliability/soak.sh [minutes=60] [users=8].
# Writes bench/results/soak.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
    ./mvnw -q package -DskipTests
    ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
fi
JAR=$(ls target/rigplane-*.jar | grep -v original | head -1)
java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    io.rigplane.bench.SoakRun "$JAR" "${1:-60}" "${2:-8}"
