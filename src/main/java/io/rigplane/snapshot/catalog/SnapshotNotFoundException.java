package io.rigplane.snapshot.catalog;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

class SnapshotNotFoundException extends ProblemException {

    SnapshotNotFoundException(String profile, String snapshot) {
        super(HttpStatus.NOT_FOUND, "snapshot-not-found", "Snapshot not found",
                "the VM of profile '" + profile + "' has no snapshot '" + snapshot + "'");
    }
}
