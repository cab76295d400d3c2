package io.rigplane.profile;

import io.rigplane.profile.internal.ProxmoxIds;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The desired state of one VM, as the user writes it. */
@Schema(description = "A VM profile: what the user's Terraform root module says, in Rigplane")
public record ProfileSpec(
        @Schema(example = "gaming-pc") @NotBlank
        @Pattern(regexp = ProxmoxIds.PROFILE_NAME, message = "must be a slug: lowercase letters, digits and -, at most 63, not starting or ending with -")
        String name,
        @Schema(example = "Windows 11 with the RTX 3070 for streaming") @Size(max = 8192) @Nullable String description,
        @Schema(example = "srv02", description = "the node the VM is kept on; null lets Rigplane place it at each start"
                + " on one of nodes (or any node the GPU mapping reaches) where a device is free")
        @Pattern(regexp = ProxmoxIds.NODE, message = "must be a Proxmox node name")
        @Nullable String node,
        @Schema(example = "100", description = "chosen at provisioning when absent") @Min(100) @Max(999_999_999)
        @Nullable Integer vmid,
        @Schema(example = "windows-11-gaming") @NotBlank String platform,
        @Schema(example = "8") @NotNull @Min(1) @Max(512) Integer cores,
        @Schema(example = "32768") @NotNull @Min(512) @Max(4_194_304) Integer memoryMiB,
        @NotNull @Size(min = 1, max = 16) List<@NotNull @Valid Disk> disks,
        @Schema(example = "rtx3070", description = "a cluster PCI mapping id")
        @Pattern(regexp = ProxmoxIds.CONFIG_ID, message = "must be a Proxmox PCI mapping id (a letter, then letters, digits, - or _)")
        @Nullable String gpu,
        @Valid @Nullable Network network,
        @Size(max = 32) @Nullable List<@NotNull @Size(max = 64)
                @Pattern(regexp = ProxmoxIds.TAG, message = "must be a Proxmox tag: letters, digits, _ + . -") String> tags,
        @Schema(example = "{\"sockets\": \"1\"}", description = "Proxmox keys of the profile's own: overrides of platform defaults the platform lets you "
                + "override; on as-is, every key of the VM")
        @Size(max = 64) @Nullable Map<@NotNull @Size(max = 64) String, @NotNull @Size(max = 2048) String> settings,
        @Schema(example = "default", description = "the Proxmox cluster; may be left out when only one is configured")
        @Pattern(regexp = ProxmoxIds.CONFIG_ID, message = "must be a cluster id (a letter, then letters, digits, - or _)")
        @Nullable String cluster,
        @Schema(example = "refuse", description = "when another profile's VM holds the same GPU: refuse the start"
                + " (409, the default) or preempt (shut the holder down gracefully first)")
        @Nullable GpuPolicy gpuPolicy,
        @Schema(example = "180", description = "seconds a graceful shutdown may take (default 180)")
        @Min(1) @Max(3600) @Nullable Integer shutdownTimeoutSeconds,
        @Schema(example = "[\"srv02\", \"srv03\"]", description = "with node null: the nodes Rigplane may place the VM on,"
                + " in no order (empty: any node the GPU mapping reaches)")
        @Size(max = 64) @Nullable List<@NotNull
                @Pattern(regexp = ProxmoxIds.NODE, message = "must be a Proxmox node name") String> nodes) {

    /** A profile on a fixed node, or placed anywhere its GPU mapping reaches. */
    public ProfileSpec(String name, @Nullable String description, @Nullable String node, @Nullable Integer vmid,
            String platform, Integer cores, Integer memoryMiB, List<Disk> disks, @Nullable String gpu,
            @Nullable Network network, @Nullable List<String> tags, @Nullable Map<String, String> settings,
            @Nullable String cluster, @Nullable GpuPolicy gpuPolicy, @Nullable Integer shutdownTimeoutSeconds) {
        this(name, description, node, vmid, platform, cores, memoryMiB, disks, gpu, network, tags, settings, cluster,
                gpuPolicy, shutdownTimeoutSeconds, null);
    }

    /** A profile with the default power settings. */
    public ProfileSpec(String name, @Nullable String description, @Nullable String node, @Nullable Integer vmid,
            String platform, Integer cores, Integer memoryMiB, List<Disk> disks, @Nullable String gpu,
            @Nullable Network network, @Nullable List<String> tags, @Nullable Map<String, String> settings,
            @Nullable String cluster) {
        this(name, description, node, vmid, platform, cores, memoryMiB, disks, gpu, network, tags, settings, cluster,
                null, null, null);
    }

    /** A profile on the only configured cluster. */
    public ProfileSpec(String name, @Nullable String description, @Nullable String node, @Nullable Integer vmid,
            String platform, Integer cores, Integer memoryMiB, List<Disk> disks, @Nullable String gpu,
            @Nullable Network network, @Nullable List<String> tags, @Nullable Map<String, String> settings) {
        this(name, description, node, vmid, platform, cores, memoryMiB, disks, gpu, network, tags, settings, null);
    }

    /** The same profile with another VMID, as provisioning fixes it. */
    public ProfileSpec withVmid(@Nullable Integer newVmid) {
        return new ProfileSpec(name, description, node, newVmid, platform, cores, memoryMiB, disks, gpu, network,
                tags, settings, cluster, gpuPolicy, shutdownTimeoutSeconds, nodes);
    }

    /** The same profile on another platform, with the settings, disks and network given. */
    public ProfileSpec onPlatform(String newPlatform, List<Disk> newDisks, Network newNetwork,
            Map<String, String> newSettings) {
        return new ProfileSpec(name, description, node, vmid, newPlatform, cores, memoryMiB, newDisks, gpu,
                newNetwork, tags, newSettings, cluster, gpuPolicy, shutdownTimeoutSeconds, nodes);
    }

    /** The same profile under another name. */
    public ProfileSpec withName(String newName) {
        return new ProfileSpec(newName, description, node, vmid, platform, cores, memoryMiB, disks, gpu, network,
                tags, settings, cluster, gpuPolicy, shutdownTimeoutSeconds, nodes);
    }

    public ProfileSpec {
        description = description == null ? "" : description;
        network = network == null ? Network.defaultBridge() : network;
        tags = tags == null ? List.of() : tags;
        settings = settings == null ? Map.of() : settings;
        gpuPolicy = gpuPolicy == null ? GpuPolicy.REFUSE : gpuPolicy;
        shutdownTimeoutSeconds = shutdownTimeoutSeconds == null ? 180 : shutdownTimeoutSeconds;
        nodes = nodes == null ? List.of() : nodes;
    }

    /** True when Rigplane chooses the node at each start rather than the profile naming one. */
    public boolean placed() {
        return node == null;
    }

    /**
     * Where apply creates the VM: the profile's node, else its first candidate; null when only the GPU
     * mapping says where (provisioning asks it).
     */
    public @Nullable String homeNode() {
        return node != null ? node : nodes.isEmpty() ? null : nodes.get(0);
    }
}
