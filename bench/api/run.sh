#!/usr/bin/env bash
# The service itself and its read API: start-up time, RSS, threads and JDBC connections idle and under
# load, and requests/s with p50/p99 of GET /api/v1/profiles (1,000 profiles), GET /api/v1/profiles/{name}
# and, once sessions exist, GET /api/v1/sessions/{id}, measured with wrk against the packaged jar on a
# real PostgreSQL (TEST_DATABASE_URL, or an embedded one) and the standalone simulator.
# Usage: bench/api/run.sh [profiles=1000] [duration=20s] [connections=16]. Writes bench/results/api.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v wrk >/dev/null; then
    echo "installing wrk from Debian's packages"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
    ./mvnw -q package -DskipTests
    ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
fi
JAR=$(ls target/rigplane-*.jar | grep -v original | head -1)
java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    io.rigplane.bench.ServiceBenchmark "$JAR" "${1:-1000}" "${2:-20s}" "${3:-16}"
