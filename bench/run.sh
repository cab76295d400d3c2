#!/usr/bin/env bash
# Every benchmark, one after the other (each also runs on its own), on this machine. Each prints a
# table and writes bench/results/*.md; bench/results/machine.md says where they ran. docs/performance.md
# quotes the latest figures. Usage: bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
    echo "installing wrk from Debian's packages"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
./mvnw -q package -DskipTests
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
export BENCH_SKIP_BUILD=1
mkdir -p bench/results

{
    echo "# Machine"
    echo
    echo "| | |"
    echo "| --- | --- |"
    echo "| date | $(date -u '+%Y-%m-%d %H:%M UTC') |"
    echo "| cores (nproc) | $(nproc) |"
    echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
    echo "| RAM | $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) |"
    echo "| JDK | $(java -version 2>&1 | head -1) |"
    echo "| load average at the start | $(cut -d' ' -f1-3 /proc/loadavg) |"
} > bench/results/machine.md
cat bench/results/machine.md

echo; echo "== the service and its API (bench/api/run.sh)"
bench/api/run.sh

echo; echo "== plan and apply, 1,000 profiles on 10 nodes (bench/provisioning/run.sh)"
bench/provisioning/run.sh 1000 8 5

echo; echo "== the simulator itself (bench/simulator/run.sh)"
{
    echo "# Simulator request rate"
    echo
    echo '```'
    bench/simulator/run.sh
    echo '```'
} | tee bench/results/simulator.md

echo; echo "== wake-and-stream, 1 and 20 concurrent sessions (bench/sessions/run.sh)"
bench/sessions/run.sh

echo; echo "== one scheduled snapshot run over 500 VMs on 10 nodes (bench/snapshots/run.sh)"
bench/snapshots/run.sh 500 2 2000 24

echo; echo "== soak: an hour of 8 users' traffic in minutes (bench/reliability/soak.sh)"
bench/reliability/soak.sh 60 8
printf '\nLoad average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a bench/results/machine.md
