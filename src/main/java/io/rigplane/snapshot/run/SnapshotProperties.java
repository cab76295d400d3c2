package io.rigplane.snapshot.run;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rigplane.snapshots.*}: how many snapshots run on one node at once (across replicas), how
 * long and how often a scheduled run that finds another operation on its profile tries again
 * ({@code lock-deadline}, {@code max-backoff}; a locked VM is waited out under
 * {@code rigplane.operations.lock-retry.*} like in every operation), how long a Proxmox task may
 * take and how long a run waits for a slot on its node.
 */
@ConfigurationProperties("rigplane.snapshots")
public record SnapshotProperties(
        @DefaultValue("2") int perNodeLimit,
        @DefaultValue("10m") Duration lockDeadline,
        @DefaultValue("1m") Duration maxBackoff,
        @DefaultValue("30m") Duration taskTimeout,
        @DefaultValue("6h") Duration slotWait,
        @DefaultValue("2h") Duration slotLease) {
}
