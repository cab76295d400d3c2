#!/usr/bin/env bash
# The service beside a bare Spring Boot + Data JPA app (bench/bare-app), in one run on the machine's
# PostgreSQL (TEST_DATABASE_URL, or an embedded one): start-up to healthy (first start on a fresh database,
# then a restart on the same one), RSS after start, and
# requests/s with p50/p99 under wrk of Rigplane's authenticated GET /api/v1/sessions/{id} (demo mode)
# against the bare app's read of one row by key, with the ratios Rigplane / bare; then Rigplane's
# other read endpoints with 1,000 profiles (profiles=0 skips them).
# Usage: bench/api/run.sh [profiles=1000] [duration=20s] [connections=32]. Writes bench/results/api.md.
# Each app starts as its user starts it: Rigplane as `./rigplane` does (the README's run: its extracted
# jar, on Java 25 with the AOT cache the script trains), the bare app as `java -jar`, both on the JDK the
# script picks (BENCH_JAVA_HOME picks another) with the same JVM options: none, or BENCH_JVM_OPTIONS.
# BENCH_AOT=0 runs both as `java -jar` of the packaged jar, BENCH_AOT=1 trains an AOT cache for each.
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
# the yardstick: not part of Rigplane's build, built here with the same Maven (bench/run.sh builds only Rigplane)
if [ "${BENCH_SKIP_BUILD:-}" != "1" ] || [ ! -f bench/bare-app/target/bare-app-1.jar ]; then
    ./mvnw -q -f bench/bare-app/pom.xml package -DskipTests
fi
# BENCH_RIGPLANE_JAR measures another build (e.g. the one before a change) with this harness
JAR=${BENCH_RIGPLANE_JAR:-$(ls target/rigplane-*.jar | grep -v original | head -1)}
export BENCH_AOT=${BENCH_AOT-launcher}
if [ "$BENCH_AOT" = launcher ]; then
    if [ -n "${BENCH_RIGPLANE_JAR:-}" ]; then
        echo "BENCH_RIGPLANE_JAR measures a jar as \`java -jar\`: set BENCH_AOT=0 (or 1) with it" >&2
        exit 2
    fi
    JAVA_HOME=${BENCH_JAVA_HOME:-${JAVA_HOME:-}} JAVA_OPTS=${BENCH_JVM_OPTIONS:-} ./rigplane prepare
    BENCH_JAVA_HOME=${BENCH_JAVA_HOME:-$(dirname "$(dirname "$(head -n 1 target/run/command)")")}
fi
JAVA=java
if [ -n "${BENCH_JAVA_HOME:-}" ]; then JAVA="$BENCH_JAVA_HOME/bin/java"; fi
"$JAVA" -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    io.rigplane.bench.ServiceBenchmark "$JAR" bench/bare-app/target/bare-app-1.jar \
    "${1:-1000}" "${2:-20s}" "${3:-32}"
