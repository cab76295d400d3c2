#!/usr/bin/env bash
# Time to plan (and first to apply) N profiles on a simulated 10-node cluster, against the least the
# unavoidable Proxmox reads cost. Usage: bench/provisioning/run.sh [profiles=1000] [concurrency=8] [latency-ms=5]
# Writes bench/results/plan.md. Needs a PostgreSQL: TEST_DATABASE_URL, or an embedded one is started.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    io.rigplane.bench.PlanBenchmark "${1:-1000}" "${2:-8}" "${3:-5}"
