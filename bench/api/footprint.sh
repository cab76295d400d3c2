#!/usr/bin/env bash
# Where start-up and resident memory go: starts the packaged jar once in demo mode on the machine's
# PostgreSQL (a fresh database) with Native Memory Tracking, waits until healthy, and prints the
# JVM's own accounts (jcmd VM.native_memory summary), classes loaded, threads by name and RSS.
# Usage: bench/api/footprint.sh [jar] (default: target/rigplane-*.jar); BENCH_JAVA_HOME picks the JDK.
# Needs psql and a server at 127.0.0.1:5432 (user postgres), as .ci/run starts it.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${1:-$(ls target/rigplane-*.jar | grep -v original | head -1)}
JAVA=${BENCH_JAVA_HOME:+$BENCH_JAVA_HOME/bin/}java
JCMD=${BENCH_JAVA_HOME:+$BENCH_JAVA_HOME/bin/}jcmd
DB=footprint_$$
PORT=$((20000 + RANDOM % 10000))
OUT=target/bench/footprint
mkdir -p "$OUT"
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" postgres
cleanup() {
    [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres || true
}
trap cleanup EXIT
start=$(date +%s%N)
"$JAVA" -XX:NativeMemoryTracking=summary -Xlog:class+load=info:file="$OUT/classes.log" -jar "$JAR" \
    --server.port=$PORT --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
    --spring.datasource.username=postgres --rigplane.admin.token=rgp_footprint-token-abcdefghijklmnopqrstuvwxyz \
    --rigplane.admin.password=footprint-password --rigplane.secrets.key-file="$OUT/secret.key" \
    --rigplane.simulator.port=$((PORT + 1)) --rigplane.sessions.wol-ports=$((PORT + 2)) \
    --rigplane.simulator.loopback-octet=$((100 + RANDOM % 100)) > "$OUT/service.log" 2>&1 &
APP=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; do
    kill -0 $APP 2>/dev/null || { tail -50 "$OUT/service.log"; exit 1; }
    sleep 0.05
done
echo "healthy after $(( ($(date +%s%N) - start) / 1000000 )) ms (with NMT and class logging on)"
sleep 5
echo "RSS: $(grep VmRSS /proc/$APP/status)"
echo "classes loaded: $(grep -c 'class,load' "$OUT/classes.log") (shared archive: $(grep -c 'shared objects file' "$OUT/classes.log"))"
echo "threads: $(ls /proc/$APP/task | wc -l)"
for t in /proc/$APP/task/*/comm; do cat "$t"; done | sed 's/[-_#]*[0-9]*$//' | sort | uniq -c | sort -rn
"$JCMD" $APP VM.native_memory summary | grep -E "^(Total|-| +\(malloc)|committed" | grep -E "Total|^-" 
echo "log:"; grep -E "Started|Tomcat started|Flyway|Successfully applied|Initialized JPA|Root WebApplicationContext|Scheduler .* started" "$OUT/service.log" | cut -c1-200
