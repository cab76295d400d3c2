#!/usr/bin/env bash
# Time for one scheduled snapshot run over N VMs on 10 simulated nodes, against the ideal the per-node
# limit allows (ceil(VMs per node / limit) x task duration).
# Usage: bench/snapshots/run.sh [vms=500] [per-node-limit=2] [task-ms=2000] [operation-threads=nodes*limit+4]
# Writes bench/results/snapshots.md. Needs a PostgreSQL: TEST_DATABASE_URL, or an embedded one is started.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
args=("${1:-500}" "${2:-2}" "${3:-2000}")
if [ $# -ge 4 ]; then args+=("$4"); fi
java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    io.rigplane.bench.SnapshotBenchmark "${args[@]}"
