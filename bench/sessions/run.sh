#!/usr/bin/env bash
# Wake-and-stream latency: POST /api/v1/sessions to READY, split by state, against the simulator's own
# durations on that path; the difference is the control plane's overhead. One session (node asleep,
# node awake) for several rounds, then many sessions at once over several nodes, some asleep.
# Usage: bench/sessions/run.sh [rounds=10] [concurrent-rounds=3] [sessions=20] [nodes=5] [asleep-nodes=2]
#                              [task-ms=1000] [node-boot-ms=5000] [guest-boot-ms=5000] [stream-host-delay-ms=2000]
# Writes bench/results/sessions.md. Needs a PostgreSQL: TEST_DATABASE_URL, or an embedded one is started.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -XX:+UseSerialGC -Xlog:gc:file=target/sessions-gc.log -Dbench.command="bench/sessions/run.sh${*:+ $*}" \
    -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    io.rigplane.bench.SessionBenchmark "$@"
