package io.rigplane.terraform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.system.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BpgToProxmoxTest {

    /** What the provider makes of a resource that gives nothing but its node and name. */
    private static final Map<String, String> PROVIDER_DEFAULTS = Map.of("name", "web", "cores", "1", "memory", "512",
            "balloon", "0", "onboot", "1", "scsihw", "virtio-scsi-pci", "scsi0", "local-lvm:8,size=8G");

    private static MappedVm read(Map<String, Object> attributes) {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("node_name", "pve", "name", "web", "vm_id", 4321));
        values.putAll(attributes);
        return BpgToProxmox.read(new TerraformResource("proxmox_virtual_environment_vm.web", "web", values));
    }

    @Test
    void aResourceWithNothingButANodeGetsTheProviderDefaults() {
        MappedVm vm = read(Map.of());
        assertThat(vm.name()).isEqualTo("web");
        assertThat(vm.node()).isEqualTo("pve");
        assertThat(vm.vmid()).isEqualTo(4321);
        assertThat(vm.config()).isEqualTo(PROVIDER_DEFAULTS);
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.unknownAttributes()).isEmpty();
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of(Map.of("description", "two\nlines"), Map.of("description", "two\nlines")),
                Arguments.of(Map.of("tags", List.of("web", "a")), Map.of("tags", "a;web")),
                Arguments.of(Map.of("on_boot", false), Map.of("onboot", REMOVED)),
                Arguments.of(Map.of("scsi_hardware", "lsi"), Map.of("scsihw", REMOVED)),
                Arguments.of(Map.of("scsi_hardware", "virtio-scsi-single"), Map.of("scsihw", "virtio-scsi-single")),
                Arguments.of(Map.of("machine", "q35", "bios", "ovmf", "operating_system", List.of(Map.of("type", "l26"))),
                        Map.of("machine", "q35", "bios", "ovmf", "ostype", "l26")),
                Arguments.of(Map.of("machine", "", "kvm_arguments", "", "hook_script_file_id", ""),
                        Map.of()),
                Arguments.of(Map.of("acpi", true, "tablet_device", false, "protection", true, "keyboard_layout", "de"),
                        Map.of("acpi", "1", "tablet", "0", "protection", "1", "keyboard", "de")),
                Arguments.of(Map.of("boot_order", List.of("scsi0", "ide2", "net0")), Map.of("boot", "order=scsi0;ide2;net0")),
                Arguments.of(Map.of("startup", List.of(Map.of("order", 3, "up_delay", 60, "down_delay", -1))),
                        Map.of("startup", "order=3,up=60")),
                Arguments.of(Map.of("cpu", List.of(Map.of("cores", 8, "sockets", 1, "numa", true, "type", "host",
                        "flags", List.of("+aes"), "units", 0, "limit", 0, "hotplugged", 0, "affinity", "", "architecture", ""))),
                        Map.of("cores", "8", "sockets", "1", "numa", "1", "cpu", "host,flags=+aes")),
                Arguments.of(Map.of("cpu", List.of(Map.of("flags", List.of("+pcid", "-aes"), "units", 100, "limit", 2.5,
                        "hotplugged", 2))), Map.of("cpu", "qemu64,flags=+pcid;-aes", "cpuunits", "100", "cpulimit", "2.5",
                        "vcpus", "2")),
                Arguments.of(Map.of("memory", List.of(Map.of("dedicated", 4096, "floating", 4096))),
                        Map.of("memory", "4096", "balloon", REMOVED)),
                Arguments.of(Map.of("memory", List.of(Map.of("dedicated", 4096, "floating", 1024, "shared", 64))),
                        Map.of("memory", "4096", "balloon", "1024", "ivshmem", "name=vm-4321-ivshmem,size=64")),
                Arguments.of(Map.of("numa", List.of(Map.of("device", "numa0", "cpus", "0-3", "memory", 2048))),
                        Map.of("numa0", "cpus=0-3,memory=2048")),
                Arguments.of(Map.of("disk", List.of(Map.of("interface", "scsi0", "datastore_id", "local-zfs", "size", 200,
                        "aio", "io_uring", "cache", "none", "discard", "on", "iothread", true, "ssd", true))),
                        Map.of("scsi0", "local-zfs:200,aio=io_uring,cache=none,discard=on,iothread=1,size=200G,ssd=1")),
                Arguments.of(Map.of("disk", List.of(Map.of("interface", "scsi0"))), Map.of("scsi0", "local-lvm:8,size=8G")),
                Arguments.of(Map.of("disk", List.of(Map.of("interface", "virtio0", "size", 16))),
                        Map.of("scsi0", REMOVED, "virtio0", "local-lvm:16,size=16G")),
                Arguments.of(Map.of("disk", List.of(Map.of("interface", "virtio0", "datastore_id", "tank",
                        "path_in_datastore", "vm-4321-disk-0", "size", 32, "ssd", true, "iothread", true, "file_format", "raw",
                        "backup", false, "speed", List.of(Map.of("read", 100, "iops_write_burstable", 500, "write", 0))))),
                        Map.of("scsi0", REMOVED,
                                "virtio0", "tank:vm-4321-disk-0,backup=0,format=raw,iops_wr_max=500,iothread=1,mbps_rd=100,size=32G")),
                Arguments.of(Map.of("disk", List.of(Map.of("interface", "sata1", "size", 16, "iothread", false, "queues", 0))),
                        Map.of("scsi0", REMOVED, "sata1", "local-lvm:16,size=16G")),
                Arguments.of(Map.of("cdrom", List.of(Map.of("interface", "ide2", "file_id", "local:iso/win.iso"))),
                        Map.of("ide2", "local:iso/win.iso,media=cdrom")),
                Arguments.of(Map.of("cdrom", List.of(Map.of("file_id", ""))), Map.of("ide3", "cdrom,media=cdrom")),
                Arguments.of(Map.of("efi_disk", List.of(Map.of("datastore_id", "local-zfs", "type", "4m",
                        "pre_enrolled_keys", true))), Map.of("efidisk0", "local-zfs:1,efitype=4m,pre-enrolled-keys=1")),
                Arguments.of(Map.of("tpm_state", List.of(Map.of("datastore_id", "local-zfs"))),
                        Map.of("tpmstate0", "local-zfs:1,version=v2.0")),
                Arguments.of(Map.of("tpm_state", List.of(Map.of("version", "v1.2"))), Map.of("tpmstate0", "local-lvm:1")),
                Arguments.of(Map.of("network_device", List.of(Map.of("bridge", "vmbr1", "mac_address", "bc:24:11:aa:bb:cc",
                        "vlan_id", 20, "firewall", false, "mtu", 0, "queues", 0, "rate_limit", 0, "trunks", ""),
                        Map.of("model", "e1000", "disconnected", true))),
                        Map.of("net0", "virtio=BC:24:11:AA:BB:CC,bridge=vmbr1,firewall=0,tag=20",
                                "net1", "e1000,bridge=vmbr0,link_down=1")),
                Arguments.of(Map.of("network_device", List.of(Map.of("enabled", false), Map.of("bridge", "vmbr2"))),
                        Map.of("net0", "virtio,bridge=vmbr2")),
                Arguments.of(Map.of("hostpci", List.of(Map.of("device", "hostpci0", "mapping", "rtx3070", "pcie", true,
                        "xvga", true))), Map.of("hostpci0", "mapping=rtx3070,pcie=1,x-vga=1")),
                Arguments.of(Map.of("usb", List.of(Map.of("mapping", "keyboard", "usb3", true), Map.of("host", "spice"))),
                        Map.of("usb0", "mapping=keyboard,usb3=1", "usb1", "host=spice")),
                Arguments.of(Map.of("agent", List.of(Map.of("enabled", true, "timeout", "15m"))), Map.of("agent", "1")),
                Arguments.of(Map.of("agent", List.of(Map.of("enabled", false, "trim", false, "type", "virtio"))),
                        Map.of("agent", "0,fstrim_cloned_disks=0,type=virtio")),
                Arguments.of(Map.of("vga", List.of(Map.of("type", "virtio", "memory", 64))), Map.of("vga", "virtio,memory=64")),
                Arguments.of(Map.of("serial_device", List.of(Map.of("device", "socket"), Map.of())),
                        Map.of("serial0", "socket", "serial1", "socket")),
                Arguments.of(Map.of("audio_device", List.of(Map.of("device", "AC97"))),
                        Map.of("audio0", "device=AC97,driver=spice")),
                Arguments.of(Map.of("watchdog", List.of(Map.of("enabled", true, "model", "ib700", "action", "reset"))),
                        Map.of("watchdog", "action=reset,model=ib700")),
                Arguments.of(Map.of("watchdog", List.of(Map.of("enabled", false, "model", "i6300esb"))), Map.of()),
                Arguments.of(Map.of("virtiofs", List.of(Map.of("mapping", "share", "cache", "always", "direct_io", true))),
                        Map.of("virtiofs0", "cache=always,direct-io=1,dirid=share")),
                Arguments.of(Map.of("smbios", List.of(Map.of("uuid", "5b0f", "manufacturer", "Rigplane"))),
                        Map.of("smbios1", "base64=1,manufacturer=UmlncGxhbmU=,uuid=5b0f")));
    }

    /** Marks a key the resource removes from the provider defaults. */
    private static final String REMOVED = "<removed>";

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("keys")
    void mapsEachAttributeToItsKey(Map<String, Object> attributes, Map<String, String> keys) {
        MappedVm vm = read(attributes);
        Map<String, String> expected = new TreeMap<>(PROVIDER_DEFAULTS);
        keys.forEach((key, value) -> {
            if (value.equals(REMOVED)) {
                expected.remove(key);
            } else {
                expected.put(key, value);
            }
        });
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.unknownAttributes()).isEmpty();
        assertThat(new TreeMap<>(vm.config())).isEqualTo(expected);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(Map.of("kvm_arguments", "-cpu host"), "kvm_arguments"),
                Arguments.of(Map.of("hostpci", List.of(Map.of("device", "hostpci0", "id", "0000:01:00.0"))), "hostpci[0].id"),
                Arguments.of(Map.of("hostpci", List.of(Map.of("device", "hostpci0"))), "hostpci[0].mapping"),
                Arguments.of(Map.of("hostpci", List.of(Map.of("device", "hostpci16", "mapping", "gpu"))), "hostpci[0].device"),
                Arguments.of(Map.of("hostpci", List.of(Map.of("device", "hostpci0", "mapping", "gpu", "rom_file", "vbios.bin"))),
                        "hostpci[0].rom_file"),
                Arguments.of(Map.of("usb", List.of(Map.of("host", "046d:c52b"))), "usb[0].host"),
                Arguments.of(Map.of("clone", List.of(Map.of("vm_id", 9000))), "clone"),
                Arguments.of(Map.of("initialization", List.of(Map.of("datastore_id", "local-lvm"))), "initialization"),
                Arguments.of(Map.of("template", true), "template"),
                Arguments.of(Map.of("cpu", List.of(Map.of("affinity", "0-3"))), "cpu[0].affinity"),
                Arguments.of(Map.of("cpu", List.of(Map.of("architecture", "aarch64"))), "cpu[0].architecture"),
                Arguments.of(Map.of("memory", List.of(Map.of("hugepages", "1024"))), "memory[0].hugepages"),
                Arguments.of(Map.of("rng", List.of(Map.of("source", "/dev/urandom"))), "rng[0]"),
                Arguments.of(Map.of("amd_sev", List.of(Map.of("type", "std"))), "amd_sev[0]"),
                Arguments.of(Map.of("node_name", "srv_02"), "node_name"),
                Arguments.of(Map.of("vm_id", 99), "vm_id"),
                Arguments.of(Map.of("cpu", List.of(Map.of("cores", "eight"))), "cpu[0].cores"),
                Arguments.of(Map.of("disk", List.of(Map.of("interface", "nvme0"))), "disk[0].interface"),
                Arguments.of(Map.of("disk", List.of(Map.of("interface", "scsi0"), Map.of("interface", "scsi0"))),
                        "disk[1].interface"),
                Arguments.of(Map.of("network_device", List.of(Map.of("model", "ne2000"))), "network_device[0].model"),
                Arguments.of(Map.of("network_device", List.of(Map.of("mac_address", "not-a-mac"))),
                        "network_device[0].mac_address"),
                Arguments.of(Map.of("name", "Web.Example", "vm_id", 4321), "name-from-label"));
    }

    @ParameterizedTest(name = "{0} -> problem at {1}")
    @MethodSource("refused")
    void reportsWhatItCannotCarryAsProblems(Map<String, Object> attributes, String field) {
        if (field.equals("name-from-label")) {
            MappedVm vm = BpgToProxmox.read(new TerraformResource("proxmox_virtual_environment_vm.Web_1", "Web_1",
                    Map.of("node_name", "pve", "name", "Web.Example")));
            assertThat(vm.name()).isEqualTo("web-1");
            assertThat(vm.config()).containsEntry("name", "web-1");
            assertThat(vm.ignoredAttributes()).extracting(FieldError::field).containsExactly("name");
            return;
        }
        assertThat(read(attributes).problems()).extracting(FieldError::field).contains(field);
    }

    @Test
    void reportsEveryAttributeItDoesNotKnowWithItsPath() {
        MappedVm vm = read(Map.of("hovercraft", true, "cpu", List.of(Map.of("cores", 2, "turbo", "max")),
                "disk", List.of(Map.of("interface", "scsi0", "eels", 3)), "timeout_create", 1800, "id", "4321",
                "ipv4_addresses", List.of(List.of("10.0.0.2"))));
        assertThat(vm.unknownAttributes()).containsExactly("hovercraft", "cpu[0].turbo", "disk[0].eels");
    }

    @Test
    void imagesMatterOnlyWhenTheVmIsCreated() {
        MappedVm vm = read(Map.of("disk", List.of(Map.of("interface", "scsi0", "import_from", "local:import/noble.qcow2"))));
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.creationOnlyAttributes()).extracting(FieldError::field).containsExactly("disk[0].import_from");
    }

    @Test
    void leavesPowerStateAndPoolsAloneButSaysSo() {
        MappedVm vm = read(Map.of("started", false, "pool_id", "gaming"));
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.ignoredAttributes()).extracting(FieldError::field).containsExactly("started", "pool_id");
    }
}
