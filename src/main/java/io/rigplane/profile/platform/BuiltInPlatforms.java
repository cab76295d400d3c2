package io.rigplane.profile.platform;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The platforms Rigplane ships, read-only. */
public final class BuiltInPlatforms {

    static final String AS_IS = "as-is";
    static final String LINUX_WORKSTATION = "linux-workstation";
    static final String DISK_OPTIONS = "aio=io_uring,cache=none,discard=on,iothread=1,ssd=1";

    private BuiltInPlatforms() {
    }

    /**
     * windows-11-gaming as data, for reading: {@link Windows11Gaming} renders it, exactly as these
     * settings say.
     */
    public static final PlatformDefinition WINDOWS_11_GAMING = new PlatformDefinition(Windows11Gaming.ID,
            "Windows 11 with GPU passthrough for game streaming (UEFI, TPM 2.0, q35, hidden KVM)", null,
            new TreeMap<>(Map.ofEntries(
                    Map.entry("agent", "1"), Map.entry("balloon", "0"), Map.entry("bios", "ovmf"),
                    Map.entry("cpu", "host,hidden=1"), Map.entry("machine", Windows11Gaming.MACHINE),
                    Map.entry("scsihw", "virtio-scsi-single"),
                    Map.entry("efidisk0", "efitype=4m,pre-enrolled-keys=1"),
                    Map.entry("tpmstate0", "version=v2.0"),
                    Map.entry("scsi[n]", DISK_OPTIONS),
                    Map.entry("hostpci[n]", "pcie=1,x-vga=1"))),
            "win11", "apollo", true, 0);

    static final PlatformDefinition LINUX = new PlatformDefinition(LINUX_WORKSTATION,
            "Linux desktop with GPU passthrough, streamed with Sunshine (UEFI without pre-enrolled keys, q35, "
                    + "VirtIO SCSI single with io_uring and no host cache)", null,
            new TreeMap<>(Map.ofEntries(
                    Map.entry("agent", "1"), Map.entry("balloon", "0"), Map.entry("bios", "ovmf"),
                    Map.entry("cpu", "host"), Map.entry("machine", "q35"),
                    Map.entry("scsihw", "virtio-scsi-single"),
                    Map.entry("efidisk0", "efitype=4m,pre-enrolled-keys=0"),
                    Map.entry("scsi[n]", DISK_OPTIONS),
                    Map.entry("hostpci[n]", "pcie=1,x-vga=1"))),
            "l26", "sunshine", true, 0);

    public static final PlatformDefinition AS_IS_PLATFORM = new PlatformDefinition(AS_IS,
            "No defaults: the profile carries every key of its VM, as adopt found it", null, new TreeMap<>(),
            null, null, true, 0);

    static final List<PlatformDefinition> ALL = List.of(AS_IS_PLATFORM, LINUX, WINDOWS_11_GAMING);
}
