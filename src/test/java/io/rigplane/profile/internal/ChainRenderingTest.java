package io.rigplane.profile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.profile.ConfigEntry;
import io.rigplane.profile.Disk;
import io.rigplane.profile.DiskRole;
import io.rigplane.profile.Layer;
import io.rigplane.profile.Network;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.RenderedConfig;
import io.rigplane.profile.platform.BuiltInPlatforms;
import io.rigplane.profile.platform.GamingPcRenderingTest;
import io.rigplane.profile.platform.PlatformChain;
import io.rigplane.profile.platform.PlatformDefinition;
import io.rigplane.profile.platform.PlatformMove;
import io.rigplane.profile.platform.Windows11Gaming;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Rendering down a platform chain, without a database: pure functions of profile and platforms. */
class ChainRenderingTest {

    private final Windows11Gaming windows = new Windows11Gaming();

    private PlatformChain chain(PlatformDefinition... layers) {
        PlatformDefinition root = layers[layers.length - 1];
        return new PlatformChain(List.of(layers), root.id().equals(Windows11Gaming.ID) ? windows : null);
    }

    @Test
    void windows11GamingAloneRendersExactlyWhatItsCodeRenders() {
        ProfileSpec spec = GamingPcRenderingTest.gamingPc();

        RenderedConfig byChain = ChainRendering.render(spec, chain(BuiltInPlatforms.WINDOWS_11_GAMING));
        RenderedConfig byCode = windows.render(spec);

        assertThat(byChain.values()).isEqualTo(byCode.values());
        assertThat(byChain.managedKeys()).isEqualTo(byCode.managedKeys());
        byChain.entries().forEach(entry -> {
            assertThat(entry.layer()).as(entry.key()).isEqualTo(byCode.entry(entry.key()).orElseThrow().layer());
            assertThat(entry.source()).as(entry.key())
                    .isEqualTo(entry.layer() == Layer.PROFILE ? "profile" : "windows-11-gaming");
        });
        assertThat(byChain.chain()).containsExactly("profile", "windows-11-gaming", "proxmox-default");
    }

    @Test
    void aLayerAboveWindows11GamingReplacesItsKeysAndTheProfileReplacesBoth() {
        PlatformDefinition pcid = new PlatformDefinition("gaming-pcid", "", Windows11Gaming.ID,
                new TreeMap<>(Map.of("cpu", "host,hidden=1,flags=+pcid", "numa", "1",
                        "scsi[n]", "aio=native,cache=none,iothread=1")), null, null, false, 0);
        ProfileSpec spec = GamingPcRenderingTest.gamingPc();
        spec = spec.onPlatform("gaming-pcid", spec.disks(), spec.network(), Map.of("numa", "0"));

        RenderedConfig config = ChainRendering.render(spec, chain(pcid, BuiltInPlatforms.WINDOWS_11_GAMING));

        assertThat(config.entry("cpu").orElseThrow().value()).isEqualTo("host,hidden=1,flags=+pcid");
        assertThat(config.entry("cpu").orElseThrow().source()).isEqualTo("gaming-pcid");
        assertThat(config.entry("numa").orElseThrow().value()).isEqualTo("0");
        assertThat(config.entry("numa").orElseThrow().source()).isEqualTo("profile");
        assertThat(config.entry("machine").orElseThrow().source()).isEqualTo("windows-11-gaming");
        assertThat(config.entry("scsi0").orElseThrow().value())
                .isEqualTo("local-zfs:vm-100-disk-1,aio=native,cache=none,iothread=1,size=200G");
        assertThat(config.chain()).containsExactly("profile", "gaming-pcid", "windows-11-gaming", "proxmox-default");
    }

    @Test
    void asIsRendersEveryKeyTheProfileCarriesAndNothingElse() {
        Map<String, String> settings = new TreeMap<>(Map.of(
                "bios", "ovmf", "efidisk0", "local-lvm:1,efitype=4m,pre-enrolled-keys=1",
                "hostpci0", "0000:01:00.0,pcie=1", "net[n]", "firewall=1", "ostype", "l26",
                "scsi2", "local-lvm:vm-300-disk-3,size=10752M"));
        ProfileSpec spec = new ProfileSpec("odd", null, "srv02", 300, "as-is", 2, 2048,
                List.of(new Disk("scsi0", "local-zfs", 32, DiskRole.SYSTEM, "cache=writeback,discard=on"),
                        new Disk("virtio1", "tank", 100, DiskRole.DATA, null)),
                null, new Network("vmbr1", "BC:24:11:00:00:0A", 20, "e1000"), List.of("lab"), settings);

        RenderedConfig config = ChainRendering.render(spec, chain(BuiltInPlatforms.AS_IS_PLATFORM));

        Map<String, String> values = config.values();
        assertThat(values).containsEntry("scsi0", "local-zfs:vm-300-disk-1,cache=writeback,discard=on,size=32G")
                .containsEntry("virtio1", "tank:vm-300-disk-2,size=100G")
                .containsEntry("efidisk0", "local-lvm:vm-300-disk-0,efitype=4m,pre-enrolled-keys=1")
                .containsEntry("net0", "e1000=BC:24:11:00:00:0A,bridge=vmbr1,tag=20,firewall=1")
                .containsEntry("hostpci0", "0000:01:00.0,pcie=1")
                .containsEntry("scsi2", "local-lvm:vm-300-disk-3,size=10752M")
                .containsEntry("ostype", "l26")
                .containsEntry("tags", "lab;rigplane");
        assertThat(values).doesNotContainKeys("cpu", "machine", "scsihw", "agent", "tpmstate0", "net[n]");
        assertThat(config.entry("efidisk0").orElseThrow().createValue())
                .isEqualTo("local-lvm:1,efitype=4m,pre-enrolled-keys=1");
        assertThat(config.defaults()).anySatisfy(fallback -> {
            assertThat(fallback.key()).isEqualTo("scsihw");
            assertThat(fallback.value()).isEqualTo("lsi");
            assertThat(fallback.layer()).isEqualTo(Layer.PROXMOX_DEFAULT);
        });
        assertThat(config.defaults()).extracting(ConfigEntry::key).doesNotContain("bios", "ostype");
    }

    @Test
    void movingOntoWindows11GamingKeepsOnlyWhatItLetsAProfileSet() {
        ProfileSpec asIs = new ProfileSpec("win", null, "srv02", 300, "as-is", 6, 16384,
                List.of(new Disk("scsi0", "local-zfs", 80, DiskRole.SYSTEM, "aio=io_uring,cache=none,ssd=1")),
                "rtx3070", new Network("vmbr0", null, null, null), List.of(),
                new TreeMap<>(Map.of("cpu", "host", "machine", "q35", "bios", "ovmf", "sockets", "2",
                        "boot", "order=scsi0;net0", "hostpci[n]", "pcie=1,x-vga=1")));

        ProfileSpec moved = PlatformMove.of(asIs, chain(BuiltInPlatforms.WINDOWS_11_GAMING));

        assertThat(moved.platform()).isEqualTo("windows-11-gaming");
        assertThat(moved.settings()).containsOnly(Map.entry("sockets", "2"));
        assertThat(moved.disks().get(0).options()).isNull();
        assertThat(windows.validate(moved)).isEmpty();
    }
}
