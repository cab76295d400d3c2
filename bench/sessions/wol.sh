#!/usr/bin/env bash
# Magic packet to session among N profiles (fixed MACs, MACs read from Proxmox), and how many
# packets for unknown MACs the listener looks up per second before dropping the rest.
# Usage: bench/sessions/wol.sh [profiles=1000] [profiles-with-learned-mac=5] [flood-packets=5000]
# Writes bench/results/wake-on-lan.md. Needs a PostgreSQL: TEST_DATABASE_URL, or an embedded one is started.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    io.rigplane.bench.WakeOnLanBenchmark "${1:-1000}" "${2:-5}" "${3:-5000}"
