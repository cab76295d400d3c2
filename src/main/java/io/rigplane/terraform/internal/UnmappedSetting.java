package io.rigplane.terraform.internal;

/**
 * A Proxmox key, or one option of a key, that no attribute of the bpg provider carries; the
 * export writes it as a comment so it does not vanish silently.
 */
public record UnmappedSetting(String key, String value, String reason) {
}
