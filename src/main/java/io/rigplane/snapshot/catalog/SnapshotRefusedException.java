package io.rigplane.snapshot.catalog;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A snapshot action refused to protect data: a foreign snapshot, or a running VM to roll back. */
class SnapshotRefusedException extends ProblemException {

    SnapshotRefusedException(String kind, String title, String detail) {
        super(HttpStatus.CONFLICT, kind, title, detail);
    }
}
