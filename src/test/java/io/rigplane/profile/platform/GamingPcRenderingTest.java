package io.rigplane.profile.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.profile.ConfigEntry;
import io.rigplane.profile.Disk;
import io.rigplane.profile.DiskRole;
import io.rigplane.profile.Layer;
import io.rigplane.profile.Network;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.RenderedConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendering is a pure function: the reference profile gives exactly the config Proxmox stores. */
public class GamingPcRenderingTest {

    /** The gaming VM's config as Proxmox stores it (docs: domain facts, "The gaming VM's config"). */
    private static final String STORED = """
            agent: 1
            balloon: 0
            bios: ovmf
            cores: 8
            cpu: host,hidden=1
            efidisk0: local-zfs:vm-100-disk-0,efitype=4m,pre-enrolled-keys=1,size=1M
            hostpci0: mapping=rtx3070,pcie=1,x-vga=1
            machine: pc-q35-10.0
            memory: 32768
            net0: virtio=BC:24:11:AA:BB:CC,bridge=vmbr0
            ostype: win11
            scsi0: local-zfs:vm-100-disk-1,aio=io_uring,cache=none,discard=on,iothread=1,size=200G,ssd=1
            scsi1: local-zfs:vm-100-disk-2,aio=io_uring,cache=none,discard=on,iothread=1,size=500G,ssd=1
            scsihw: virtio-scsi-single
            tpmstate0: local-zfs:vm-100-disk-3,size=4M,version=v2.0
            """;

    private final Windows11Gaming platform = new Windows11Gaming();

    public static ProfileSpec gamingPc() {
        return new ProfileSpec("gaming-pc", null, "srv02", 100, "windows-11-gaming", 8, 32768,
                List.of(new Disk("scsi0", "local-zfs", 200, DiskRole.SYSTEM),
                        new Disk("scsi1", "local-zfs", 500, DiskRole.DATA)),
                "rtx3070", new Network("vmbr0", "BC:24:11:AA:BB:CC", null), null, null);
    }

    @Test
    void rendersEveryKeyOfTheStoredConfigExactly() {
        Map<String, String> rendered = platform.render(gamingPc()).values();

        parse(STORED).forEach((key, value) -> assertThat(rendered.get(key)).as(key).isEqualTo(value));
        assertThat(rendered.keySet()).containsAll(parse(STORED).keySet());
    }

    @Test
    void addsOnlyTheNameAndRigplanesTagBeyondIt() {
        Map<String, String> rendered = new LinkedHashMap<>(platform.render(gamingPc()).values());
        parse(STORED).keySet().forEach(rendered::remove);

        assertThat(rendered).containsExactlyInAnyOrderEntriesOf(Map.of("name", "gaming-pc", "tags", "rigplane"));
    }

    @Test
    void marksPlatformDefaultsAndProfileValues() {
        RenderedConfig config = platform.render(gamingPc());

        assertThat(config.entries()).filteredOn(entry -> entry.layer() == Layer.PLATFORM)
                .extracting(ConfigEntry::key)
                .containsExactlyInAnyOrder("agent", "balloon", "bios", "cpu", "efidisk0", "machine", "ostype",
                        "scsihw", "tags", "tpmstate0");
        assertThat(config.entries()).filteredOn(entry -> entry.layer() == Layer.PROFILE)
                .extracting(ConfigEntry::key)
                .containsExactlyInAnyOrder("cores", "hostpci0", "memory", "name", "net0", "scsi0", "scsi1");
    }

    @Test
    void withoutAVmidShowsTheValuesSentOnCreate() {
        ProfileSpec spec = gamingPc();
        ProfileSpec noVmid = new ProfileSpec(spec.name(), null, spec.node(), null, spec.platform(), spec.cores(),
                spec.memoryMiB(), spec.disks(), spec.gpu(), spec.network(), null, null);

        Map<String, String> rendered = platform.render(noVmid).values();

        assertThat(rendered.get("scsi0")).isEqualTo("local-zfs:200,aio=io_uring,cache=none,discard=on,iothread=1,ssd=1");
        assertThat(rendered.get("efidisk0")).isEqualTo("local-zfs:1,efitype=4m,pre-enrolled-keys=1");
        assertThat(rendered.get("tpmstate0")).isEqualTo("local-zfs:1,version=v2.0");
    }

    @Test
    void withoutAGpuOrMacLeavesThemToProxmox() {
        ProfileSpec spec = gamingPc();
        ProfileSpec plain = new ProfileSpec(spec.name(), "for work", spec.node(), spec.vmid(), spec.platform(),
                spec.cores(), spec.memoryMiB(), spec.disks(), null, new Network("vmbr1", null, 20),
                List.of("work", "cad"), Map.of("sockets", "2"));

        Map<String, String> rendered = platform.render(plain).values();

        assertThat(rendered).doesNotContainKey("hostpci0");
        assertThat(rendered.get("net0")).isEqualTo("virtio,bridge=vmbr1,tag=20");
        assertThat(rendered.get("tags")).isEqualTo("cad;rigplane;work");
        assertThat(rendered.get("description")).isEqualTo("for work");
        assertThat(rendered.get("sockets")).isEqualTo("2");
    }

    @Test
    void isAPureFunction() {
        assertThat(platform.render(gamingPc())).isEqualTo(platform.render(gamingPc()));
    }

    private static Map<String, String> parse(String config) {
        Map<String, String> values = new LinkedHashMap<>();
        config.lines().forEach(line -> {
            int colon = line.indexOf(": ");
            values.put(line.substring(0, colon), line.substring(colon + 2));
        });
        return values;
    }
}
