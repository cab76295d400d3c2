package io.rigplane.snapshot.run;

import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.util.List;

/** The names a user may give a snapshot: Proxmox's rule, minus the scheduler's own prefix. */
final class ManualNames {

    private ManualNames() {
    }

    static void check(String name) {
        String problem = null;
        if (!SnapshotNames.PROXMOX_NAME.matcher(name).matches()) {
            problem = "must be 2-40 of a-z A-Z 0-9 _ -, starting with a letter (Proxmox's rule)";
        } else if (name.equals("current") || name.equals("pending")) {
            problem = "'" + name + "' is reserved by Proxmox";
        } else if (name.startsWith(SnapshotNames.PREFIX)) {
            problem = "names starting with '" + SnapshotNames.PREFIX + "' belong to scheduled snapshots, which"
                    + " retention prunes";
        }
        if (problem != null) {
            throw new InvalidRequestException(List.of(new FieldError("name", problem)));
        }
    }
}
