#!/usr/bin/env bash
# Time to play for a cold VM (node awake, node asleep) and a pre-warmed one, side by side.
# Usage: bench/prewarm/run.sh [rounds=5]. Writes bench/results/prewarm.md.
# Needs a PostgreSQL: TEST_DATABASE_URL, or an embedded one is started.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    io.rigplane.bench.PrewarmBenchmark "$@"
