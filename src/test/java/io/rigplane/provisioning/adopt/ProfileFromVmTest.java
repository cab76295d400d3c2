package io.rigplane.provisioning.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.profile.Disk;
import io.rigplane.profile.DiskRole;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.system.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a VM's config as an as-is profile: what goes into fields, settings, or nowhere. */
class ProfileFromVmTest {

    @Test
    void aGamingVmBecomesFieldsAndSettingsAndLeavesProxmoxsOwnKeysOut() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("agent", "1");
        config.put("boot", "order=scsi0;net0");
        config.put("cores", "8");
        config.put("cpu", "host,hidden=1");
        config.put("digest", "0123abcd");
        config.put("efidisk0", "local-zfs:vm-100-disk-0,efitype=4m,pre-enrolled-keys=1,size=1M");
        config.put("hostpci0", "mapping=rtx3070,pcie=1,x-vga=1");
        config.put("ide2", "none,media=cdrom");
        config.put("memory", "16384");
        config.put("meta", "creation-qemu=10.0.2,ctime=1");
        config.put("name", "gaming-100");
        config.put("net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0,firewall=1");
        config.put("scsi0", "local-zfs:vm-100-disk-1,aio=io_uring,cache=none,discard=on,iothread=1,size=200G,ssd=1");
        config.put("smbios1", "uuid=5f0b4c4e-0000-4000-8000-000000000001");
        config.put("tags", "gaming;rigplane");
        config.put("tpmstate0", "local-zfs:vm-100-disk-2,size=4M,version=v2.0");
        config.put("unused0", "local-zfs:vm-100-disk-9");
        config.put("vmgenid", "5f0b4c4e-0000-4000-8000-000000000002");
        List<FieldError> problems = new ArrayList<>();

        ProfileSpec spec = ProfileFromVm.read("gaming", null, "srv02", 100, config, problems);

        assertThat(problems).isEmpty();
        assertThat(spec.platform()).isEqualTo("as-is");
        assertThat(spec.cores()).isEqualTo(8);
        assertThat(spec.memoryMiB()).isEqualTo(16384);
        assertThat(spec.gpu()).isEqualTo("rtx3070");
        assertThat(spec.tags()).containsExactly("gaming");
        assertThat(spec.network().mac()).isEqualTo("BC:24:11:00:00:01");
        assertThat(spec.network().model()).isNull();
        assertThat(spec.disks()).containsExactly(new Disk("scsi0", "local-zfs", 200, DiskRole.SYSTEM,
                "aio=io_uring,cache=none,discard=on,iothread=1,ssd=1"));
        assertThat(spec.settings()).containsOnly(
                Map.entry("agent", "1"), Map.entry("boot", "order=scsi0;net0"), Map.entry("cpu", "host,hidden=1"),
                Map.entry("efidisk0", "local-zfs:1,efitype=4m,pre-enrolled-keys=1"),
                Map.entry("hostpci[n]", "pcie=1,x-vga=1"), Map.entry("net[n]", "firewall=1"),
                Map.entry("tpmstate0", "local-zfs:1,version=v2.0"));
    }

    @Test
    void aVmWithoutDisksOrNetworkCardCannotBeRecordedAndSaysWhy() {
        List<FieldError> problems = new ArrayList<>();

        ProfileFromVm.read("empty", null, "srv02", 8, Map.of("cores", "2", "ide2", "none,media=cdrom"), problems);

        assertThat(problems).extracting(FieldError::field).containsExactly("disks", "net0");
    }

    @Test
    void whatTheFieldsCannotSayIsKeptAsProxmoxStoresIt() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("hostpci0", "0000:01:00.0,pcie=1");
        config.put("net0", "e1000=BC:24:11:00:00:02,bridge=vmbr1,tag=30");
        config.put("net1", "virtio=BC:24:11:00:00:03,bridge=vmbr2");
        config.put("sata0", "local-lvm:vm-7-disk-0,size=10752M");
        config.put("virtio0", "tank:vm-7-disk-1,size=64G");
        List<FieldError> problems = new ArrayList<>();

        ProfileSpec spec = ProfileFromVm.read("odd", null, "srv02", 7, config, problems);

        assertThat(problems).isEmpty();
        assertThat(spec.cores()).isEqualTo(1);
        assertThat(spec.memoryMiB()).isEqualTo(512);
        assertThat(spec.gpu()).isNull();
        assertThat(spec.network().model()).isEqualTo("e1000");
        assertThat(spec.network().vlanTag()).isEqualTo(30);
        assertThat(spec.disks()).containsExactly(new Disk("virtio0", "tank", 64, DiskRole.SYSTEM, null));
        assertThat(spec.settings()).containsOnly(Map.entry("hostpci0", "0000:01:00.0,pcie=1"),
                Map.entry("net1", "virtio=BC:24:11:00:00:03,bridge=vmbr2"),
                Map.entry("sata0", "local-lvm:vm-7-disk-0,size=10752M"));
    }
}
