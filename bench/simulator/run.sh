#!/usr/bin/env bash
# Request rate of the Proxmox VE simulator for GET status/current and GET config, measured with wrk
# (apt-get install -y wrk) against a standalone simulator on 127.0.0.1.
# Usage: bench/simulator/run.sh [duration=10s] [connections=8] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10s}
CONNECTIONS=${2:-8}
THREADS=${3:-2}
PORT=${BENCH_PORT:-18106}
TOKEN='root@pam!rigplane=00000000-0000-0000-0000-000000000000'

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)"; exit 1; }
./mvnw -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
java -XX:+UseSerialGC -cp "target/classes:$(cat target/classpath.txt)" io.rigplane.simulator.SimulatorMain \
    --port "$PORT" --threads 16 > target/bench-simulator.log 2>&1 &
SIM=$!
trap 'kill $SIM 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    curl -sk -o /dev/null "https://127.0.0.1:$PORT/api2/json/version" && break
    sleep 0.2
done
# warm-up so the JIT has compiled the request path
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -H "Authorization: PVEAPIToken=$TOKEN" \
    "https://127.0.0.1:$PORT/api2/json/nodes/srv02/qemu/100/status/current" > /dev/null
for endpoint in status/current config; do
    echo "== GET /nodes/srv02/qemu/100/$endpoint ($CONNECTIONS connections, $THREADS wrk threads, $DURATION)"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: PVEAPIToken=$TOKEN" \
        "https://127.0.0.1:$PORT/api2/json/nodes/srv02/qemu/100/$endpoint" | grep -E "Requests/sec|Latency|99%|Non-2xx"
done
