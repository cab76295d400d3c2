package io.rigplane.notification;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A target's row as a delivery needs it: the sealed secret stays sealed until the request is made. */
record StoredTarget(long id, String name, String kind, String url, @Nullable String sealedSecret,
        @Nullable Integer priority, List<String> tags) {

    /** Bound into the sealed secret, so a secret sealed for one target cannot be moved to another row. */
    static String secretPurpose(long id) {
        return "notification-target:" + id;
    }
}
