package io.rigplane.terraform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProxmoxToBpgTest {

    private static ExportedVm export(Map<String, String> config) {
        return ProxmoxToBpg.export("heading", "web", "pve", 4321, true, config, List.of());
    }

    static Stream<Arguments> attributes() {
        return Stream.of(
                Arguments.of(Map.of("name", "web"), "name", "web"),
                Arguments.of(Map.of("description", "two\nlines"), "description", "two\nlines"),
                Arguments.of(Map.of("tags", "web;rigplane;a"), "tags", List.of("a", "rigplane", "web")),
                Arguments.of(Map.of("onboot", "1"), "on_boot", true),
                Arguments.of(Map.of(), "on_boot", false),
                Arguments.of(Map.of("machine", "pc-q35-10.0"), "machine", "pc-q35-10.0"),
                Arguments.of(Map.of("bios", "ovmf"), "bios", "ovmf"),
                Arguments.of(Map.of("ostype", "l26"), "operating_system", List.of(Map.of("type", "l26"))),
                Arguments.of(Map.of("scsihw", "virtio-scsi-single"), "scsi_hardware", "virtio-scsi-single"),
                Arguments.of(Map.of(), "scsi_hardware", "lsi"),
                Arguments.of(Map.of("protection", "1"), "protection", true),
                Arguments.of(Map.of("acpi", "0"), "acpi", false),
                Arguments.of(Map.of("tablet", "0"), "tablet_device", false),
                Arguments.of(Map.of("keyboard", "de"), "keyboard_layout", "de"),
                Arguments.of(Map.of("hotplug", "disk,network"), "hotplug", "disk,network"),
                Arguments.of(Map.of("args", "-cpu host"), "kvm_arguments", "-cpu host"),
                Arguments.of(Map.of("hookscript", "local:snippets/hook.sh"), "hook_script_file_id", "local:snippets/hook.sh"),
                Arguments.of(Map.of("boot", "order=scsi0;net0"), "boot_order", List.of("scsi0", "net0")),
                Arguments.of(Map.of("startup", "order=2,up=30"), "startup",
                        List.of(block("order", 2L, "up_delay", 30L, "down_delay", -1L))),
                Arguments.of(Map.of("cores", "8", "sockets", "2", "numa", "1", "cpu", "host,flags=+aes;-pcid"), "cpu",
                        List.of(block("cores", 8L, "sockets", 2L, "numa", true, "type", "host",
                                "flags", List.of("+aes", "-pcid")))),
                Arguments.of(Map.of("cpu", "cputype=x86-64-v2-AES", "vcpus", "2", "cpulimit", "1.5", "cpuunits", "200"),
                        "cpu", List.of(block("type", "x86-64-v2-AES", "hotplugged", 2L, "limit", new BigDecimal("1.5"),
                                "units", 200L))),
                Arguments.of(Map.of("memory", "4096", "balloon", "0"), "memory",
                        List.of(block("dedicated", 4096L, "floating", 0L))),
                Arguments.of(Map.of("memory", "4096"), "memory", List.of(block("dedicated", 4096L, "floating", 4096L))),
                Arguments.of(Map.of("memory", "current=2048", "balloon", "1024", "ivshmem", "size=32,name=vm-4321-ivshmem"),
                        "memory", List.of(block("dedicated", 2048L, "floating", 1024L, "shared", 32L))),
                Arguments.of(Map.of("numa0", "cpus=0-3,hostnodes=0,memory=2048,policy=bind"), "numa",
                        List.of(block("device", "numa0", "cpus", "0-3", "memory", 2048L, "hostnodes", "0", "policy", "bind"))),
                Arguments.of(Map.of("scsi0", "local-zfs:vm-4321-disk-1,aio=io_uring,cache=none,discard=on,iothread=1,size=200G,ssd=1"),
                        "disk", List.of(block("interface", "scsi0", "datastore_id", "local-zfs", "size", 200L,
                                "aio", "io_uring", "cache", "none", "discard", "on", "iothread", true, "ssd", true))),
                Arguments.of(Map.of("virtio1", "tank:40,backup=0,format=qcow2,mbps_rd=100,iops_wr_max=500"), "disk",
                        List.of(block("interface", "virtio1", "datastore_id", "tank", "size", 40L, "backup", false,
                                "file_format", "qcow2", "speed", List.of(block("read", 100L, "iops_write_burstable", 500L))))),
                Arguments.of(Map.of("sata0", "/dev/disk/by-id/ata-X,size=1T"), "disk",
                        List.of(block("interface", "sata0", "datastore_id", "", "path_in_datastore", "/dev/disk/by-id/ata-X",
                                "size", 1024L))),
                Arguments.of(Map.of("ide2", "local:iso/win11.iso,media=cdrom"), "cdrom",
                        List.of(block("interface", "ide2", "file_id", "local:iso/win11.iso"))),
                Arguments.of(Map.of("efidisk0", "local-zfs:vm-4321-disk-0,efitype=4m,pre-enrolled-keys=1,size=1M"), "efi_disk",
                        List.of(block("datastore_id", "local-zfs", "type", "4m", "pre_enrolled_keys", true))),
                Arguments.of(Map.of("tpmstate0", "local-zfs:1,version=v2.0"), "tpm_state",
                        List.of(block("datastore_id", "local-zfs", "version", "v2.0"))),
                Arguments.of(Map.of("tpmstate0", "local-zfs:vm-4321-disk-2,size=4M"), "tpm_state",
                        List.of(block("datastore_id", "local-zfs", "version", "v1.2"))),
                Arguments.of(Map.of("net0", "virtio=bc:24:11:aa:bb:cc,bridge=vmbr1,tag=20,firewall=1"), "network_device",
                        List.of(block("model", "virtio", "mac_address", "BC:24:11:AA:BB:CC", "bridge", "vmbr1",
                                "vlan_id", 20L, "firewall", true))),
                Arguments.of(Map.of("net0", "model=e1000,macaddr=BC:24:11:00:00:01,bridge=vmbr0,link_down=1,mtu=1500,rate=12.5"),
                        "network_device", List.of(block("model", "e1000", "mac_address", "BC:24:11:00:00:01",
                                "bridge", "vmbr0", "disconnected", true, "mtu", 1500L, "rate_limit", new BigDecimal("12.5")))),
                Arguments.of(Map.of("hostpci0", "mapping=rtx3070,pcie=1,x-vga=1"), "hostpci",
                        List.of(block("device", "hostpci0", "mapping", "rtx3070", "pcie", true, "xvga", true))),
                Arguments.of(Map.of("hostpci1", "0000:01:00,rombar=0"), "hostpci",
                        List.of(block("device", "hostpci1", "id", "0000:01:00", "rombar", false))),
                Arguments.of(Map.of("usb0", "mapping=keyboard,usb3=1"), "usb", List.of(block("mapping", "keyboard", "usb3", true))),
                Arguments.of(Map.of("agent", "1"), "agent", List.of(block("enabled", true))),
                Arguments.of(Map.of("agent", "enabled=1,fstrim_cloned_disks=1,type=isa"), "agent",
                        List.of(block("enabled", true, "trim", true, "type", "isa"))),
                Arguments.of(Map.of("vga", "virtio,memory=64"), "vga", List.of(block("type", "virtio", "memory", 64L))),
                Arguments.of(Map.of("serial0", "socket", "serial1", "/dev/ttyS0"), "serial_device",
                        List.of(block("device", "socket"), block("device", "/dev/ttyS0"))),
                Arguments.of(Map.of("audio0", "device=ich9-intel-hda,driver=spice"), "audio_device",
                        List.of(block("device", "ich9-intel-hda", "driver", "spice"))),
                Arguments.of(Map.of("watchdog", "model=ib700,action=reset"), "watchdog",
                        List.of(block("enabled", true, "model", "ib700", "action", "reset"))),
                Arguments.of(Map.of("rng0", "source=/dev/urandom,max_bytes=1024"), "rng",
                        List.of(block("source", "/dev/urandom", "max_bytes", 1024L))),
                Arguments.of(Map.of("virtiofs0", "dirid=share,cache=always,direct-io=1"), "virtiofs",
                        List.of(block("mapping", "share", "cache", "always", "direct_io", true))),
                Arguments.of(Map.of("smbios1", "uuid=5b0f,base64=1,manufacturer=UmlncGxhbmU="), "smbios",
                        List.of(block("uuid", "5b0f", "manufacturer", "Rigplane"))),
                Arguments.of(Map.of("amd-sev", "type=snp,no-debug=1"), "amd_sev",
                        List.of(block("type", "snp", "no_debug", true))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("attributes")
    void mapsEachKeyToItsAttribute(Map<String, String> config, String attribute, Object expected) {
        ExportedVm vm = export(config);
        assertThat(vm.attributes()).containsEntry(attribute, expected);
        assertThat(vm.unmapped()).isEmpty();
    }

    static Stream<Arguments> unmapped() {
        return Stream.of(
                Arguments.of(Map.of("cpu", "host,hidden=1"), "cpu", "hidden=1"),
                Arguments.of(Map.of("localtime", "1"), "localtime", "1"),
                Arguments.of(Map.of("shares", "500"), "shares", "500"),
                Arguments.of(Map.of("ciuser", "admin"), "ciuser", "admin"),
                Arguments.of(Map.of("cipassword", "$5$secret"), "cipassword", "(not shown)"),
                Arguments.of(Map.of("ipconfig0", "ip=dhcp"), "ipconfig0", "ip=dhcp"),
                Arguments.of(Map.of("ide2", "local-lvm:vm-4321-cloudinit,media=cdrom"), "ide2", "local-lvm:vm-4321-cloudinit,media=cdrom"),
                Arguments.of(Map.of("ide2", "local-lvm:vm-4321-cloudinit"), "ide2", "local-lvm:vm-4321-cloudinit"),
                Arguments.of(Map.of("ide0", "local-lvm:vm-4321-disk-3,size=8G"), "ide0", "local-lvm:vm-4321-disk-3,size=8G"),
                Arguments.of(Map.of("scsi0", "local-lvm:vm-4321-disk-0,size=528K"), "scsi0", "local-lvm:vm-4321-disk-0,size=528K"),
                Arguments.of(Map.of("scsi0", "local-lvm:vm-4321-disk-0,size=8G,wwn=0x5000c500"), "scsi0", "wwn=0x5000c500"),
                Arguments.of(Map.of("unused0", "local-lvm:vm-4321-disk-9"), "unused0", "local-lvm:vm-4321-disk-9"),
                Arguments.of(Map.of("net1", "virtio,bridge=vmbr0"), "net1", "virtio,bridge=vmbr0"),
                Arguments.of(Map.of("net0", "virtio,bridge=vmbr0,foo=1"), "net0", "foo=1"),
                Arguments.of(Map.of("hostpci0", "mapping=gpu,legacy-igd=1"), "hostpci0", "legacy-igd=1"),
                Arguments.of(Map.of("agent", "1,freeze-fs-on-backup=0"), "agent", "freeze-fs-on-backup=0"),
                Arguments.of(Map.of("ide1", "none,media=cdrom", "ide2", "none,media=cdrom"), "ide2", "none,media=cdrom"),
                Arguments.of(Map.of("vmgenid", "abc"), "vmgenid", "abc"),
                Arguments.of(Map.of("boot", "cdn"), "boot", "cdn"));
    }

    @ParameterizedTest(name = "{0} -> comment for {1}: {2}")
    @MethodSource("unmapped")
    void listsWhatNoAttributeCarries(Map<String, String> config, String key, String value) {
        ExportedVm vm = export(config);
        assertThat(vm.unmapped()).anySatisfy(setting -> {
            assertThat(setting.key()).isEqualTo(key);
            assertThat(setting.value()).isEqualTo(value);
            assertThat(setting.reason()).isNotBlank();
        });
    }

    @Test
    void startsWithTheNodeAndTheVmidAndImportsAnExistingVm() {
        ExportedVm vm = ProxmoxToBpg.export("heading", "gaming-pc", "srv02", 100, true, Map.of("name", "gaming-pc"),
                List.of("rigplane-7"));
        assertThat(vm.label()).isEqualTo("gaming-pc");
        assertThat(vm.importId()).isEqualTo("srv02/100");
        assertThat(List.copyOf(vm.attributes().keySet()).subList(0, 3)).containsExactly("node_name", "vm_id", "name");
        assertThat(vm.attributes()).containsEntry("node_name", "srv02").containsEntry("vm_id", 100L)
                .containsEntry("tags", List.of("rigplane-7"));
    }

    @Test
    void aVmThatDoesNotExistHasNoImport() {
        assertThat(ProxmoxToBpg.export("h", "web", "pve", 100, false, Map.of(), List.of()).importId()).isNull();
        assertThat(ProxmoxToBpg.export("h", "web", "pve", null, false, Map.of(), List.of()).attributes())
                .doesNotContainKey("vm_id");
    }

    @Test
    void labelsStartWithALetter() {
        assertThat(ProxmoxToBpg.label("4k-editing")).isEqualTo("vm_4k-editing");
        assertThat(ProxmoxToBpg.label("web-1")).isEqualTo("web-1");
    }

    private static Map<String, Object> block(Object... pairs) {
        Map<String, Object> block = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            block.put((String) pairs[i], pairs[i + 1]);
        }
        return block;
    }
}
