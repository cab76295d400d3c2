package io.rigplane.terraform.internal;

import java.util.Map;

/**
 * One {@code proxmox_virtual_environment_vm} resource of a {@code terraform show -json} document:
 * its address (with module path and index), its name in Terraform and its attribute values.
 */
public record TerraformResource(String address, String label, Map<String, Object> values) {
}
