package io.rigplane.provisioning.plan;

import io.rigplane.provisioning.Change;
import io.rigplane.provisioning.ChangeEffect;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The diff between a profile and its VM. {@code changes} is empty when the VM matches the profile;
 * refused changes stay in it with their reason.
 */
public record Plan(
        @Schema(example = "gaming-pc") String profile,
        @Schema(example = "default") String cluster,
        @Schema(example = "srv02") String node,
        @Schema(example = "100") @Nullable Integer vmid,
        boolean exists,
        boolean running,
        List<Change> changes,
        @Schema(description = "keys Proxmox holds as pending until the next stop/start") List<String> pendingOnVm,
        Instant plannedAt) {

    public boolean empty() {
        return changes.isEmpty();
    }

    public long refused() {
        return changes.stream().filter(change -> change.effect() == ChangeEffect.REFUSED).count();
    }
}
