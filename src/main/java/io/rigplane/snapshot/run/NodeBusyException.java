package io.rigplane.snapshot.run;

import io.rigplane.system.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** Every snapshot slot of a node stayed taken for longer than a run may wait. */
class NodeBusyException extends ProblemException {

    NodeBusyException(String node, int limit, Duration waited) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "snapshot-node-busy", "Node busy with snapshots",
                "node " + node + " kept all " + limit + " snapshot slots busy for " + waited + "; the run gave up");
    }
}
