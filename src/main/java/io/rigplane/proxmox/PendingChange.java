package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.Fields;
import org.jspecify.annotations.Nullable;

/**
 * One key of {@code GET …/pending}: the value in effect, the pending value (applied at the next
 * stop/start or API reboot) and whether the key is pending deletion.
 */
public record PendingChange(String key, @Nullable String value, @Nullable String pending, boolean delete) {

    static PendingChange from(Fields f) {
        String key = f.string("key", "");
        String value = f.string("value");
        String pending = f.string("pending");
        // delete is 1, or 2 for a forced deletion
        Long delete = f.longValue("delete");
        return new PendingChange(key, value, pending, delete != null && delete > 0);
    }

    public boolean isPending() {
        return pending != null || delete;
    }
}
