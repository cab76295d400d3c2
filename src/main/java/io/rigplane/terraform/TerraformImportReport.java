package io.rigplane.terraform;

import java.util.List;

/** The answer of an import: one entry per {@code proxmox_virtual_environment_vm} resource, in document order. */
public record TerraformImportReport(boolean dryRun, List<ImportedResource> resources) {
}
