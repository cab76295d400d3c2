package io.rigplane.provisioning.plan;

import java.util.Map;
import java.util.Set;

/**
 * What Proxmox has for a VM: its config with pending values applied (what it will be after the
 * next restart), the keys still pending, and whether it runs.
 */
public record Observed(Map<String, String> config, Set<String> pendingKeys, boolean running) {
}
