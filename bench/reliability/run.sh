#!/usr/bin/env bash
# The reliability suite on its own: two replicas in separate JVMs (exactly once; a killed replica's
# operation finished by the other), the fault matrix against the simulator, PostgreSQL restarted
# under work. The same tests run in ./mvnw verify. Usage: bench/reliability/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q verify -Dtest='TwoReplicasTest,FaultMatrixTest,DatabaseRestartTest,OperationWatchdogTest,ReplicaKilledDuringApplyTest' \
    -Dsurefire.failIfNoSpecifiedTests=false
