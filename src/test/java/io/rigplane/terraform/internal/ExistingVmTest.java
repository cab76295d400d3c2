package io.rigplane.terraform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExistingVmTest {

    private static final String NONE = "<none>";

    static Stream<Arguments> keys() {
        return Stream.of(
                // key, from the document, on the VM, recorded, differs
                Arguments.of("acpi", "1", NONE, NONE, false),
                Arguments.of("acpi", "0", NONE, "0", true),
                Arguments.of("numa", "0", "0", "0", false),
                Arguments.of("numa", NONE, "0", "0", false),
                Arguments.of("sockets", NONE, "2", NONE, true),
                Arguments.of("keyboard", "en-us", NONE, NONE, false),
                Arguments.of("onboot", "1", NONE, "1", true),
                Arguments.of("onboot", NONE, "0", "0", false),
                Arguments.of("cpu", "host", "host,hidden=1", "host,hidden=1", false),
                Arguments.of("cpu", "host,flags=+aes", "host,hidden=1", "host,flags=+aes", true),
                Arguments.of("cpu", "qemu64", NONE, NONE, false),
                Arguments.of("cpu", "x86-64-v2-AES", "cputype=x86-64-v2-AES", "cputype=x86-64-v2-AES", false),
                Arguments.of("agent", "0,fstrim_cloned_disks=0,type=virtio", NONE, NONE, false),
                Arguments.of("agent", "1", "enabled=1,freeze-fs-on-backup=0", "enabled=1,freeze-fs-on-backup=0", false),
                Arguments.of("agent", "1", NONE, "1", true),
                Arguments.of("scsi0", "local-zfs:vm-9-disk-0,aio=io_uring,backup=1,cache=none,discard=ignore,format=raw,"
                        + "iothread=1,replicate=1,size=32G,ssd=0", "local-zfs:vm-9-disk-0,iothread=1,size=32G",
                        "local-zfs:vm-9-disk-0,iothread=1,size=32G", false),
                Arguments.of("scsi0", "local-zfs:32,size=32G", "local-zfs:vm-9-disk-0,size=32768M",
                        "local-zfs:vm-9-disk-0,size=32768M", false),
                Arguments.of("scsi0", "local-zfs:64,size=64G", "local-zfs:vm-9-disk-0,size=32G", "local-zfs:64,size=64G", true),
                Arguments.of("scsi0", "local-zfs:32,ssd=1,size=32G", "local-zfs:vm-9-disk-0,size=32G",
                        "local-zfs:32,ssd=1,size=32G", true),
                Arguments.of("scsi1", "tank:10,size=10G", NONE, "tank:10,size=10G", true),
                Arguments.of("ide2", NONE, "none,media=cdrom", NONE, false),
                Arguments.of("efidisk0", "local-zfs:1,efitype=4m,format=raw,pre-enrolled-keys=1",
                        "local-zfs:vm-9-disk-1,efitype=4m,pre-enrolled-keys=1,size=4M",
                        "local-zfs:vm-9-disk-1,efitype=4m,pre-enrolled-keys=1,size=4M", false),
                Arguments.of("efidisk0", "local-zfs:1,efitype=4m", "local-zfs:vm-9-disk-1,size=128K", "local-zfs:1,efitype=4m", true),
                Arguments.of("tpmstate0", "local-zfs:1,version=v2.0", "local-zfs:vm-9-disk-2,size=4M,version=v2.0",
                        "local-zfs:vm-9-disk-2,size=4M,version=v2.0", false),
                Arguments.of("tpmstate0", "local-zfs:1", "local-zfs:vm-9-disk-2,size=4M", "local-zfs:vm-9-disk-2,size=4M", false),
                Arguments.of("net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0,firewall=0", "virtio=bc:24:11:00:00:01,bridge=vmbr0",
                        "virtio=bc:24:11:00:00:01,bridge=vmbr0", false),
                Arguments.of("net0", "virtio,bridge=vmbr0", "virtio=BC:24:11:00:00:01,bridge=vmbr0",
                        "virtio=BC:24:11:00:00:01,bridge=vmbr0", false),
                Arguments.of("net0", "virtio,bridge=vmbr1", "virtio=BC:24:11:00:00:01,bridge=vmbr0", "virtio,bridge=vmbr1", true),
                Arguments.of("net1", "e1000,bridge=vmbr0", NONE, "e1000,bridge=vmbr0", true),
                Arguments.of("hostpci0", "mapping=gpu,pcie=1,rombar=1,x-vga=1", "mapping=gpu,pcie=1,x-vga=1",
                        "mapping=gpu,pcie=1,x-vga=1", false),
                Arguments.of("description", "hello", "hello\n", "hello\n", false),
                Arguments.of("localtime", NONE, "1", NONE, false),
                Arguments.of("vmgenid", NONE, "4f2a", NONE, false));
    }

    @ParameterizedTest(name = "{0}: document {1}, VM {2} -> {3}")
    @MethodSource("keys")
    void keepsTheVmsValueWhereBothMeanTheSame(String key, String fromDocument, String onVm, String recorded,
            boolean differs) {
        Map<String, String> document = new HashMap<>(Map.of("memory", "4096"));
        Map<String, String> vm = new HashMap<>(Map.of("memory", "4096"));
        if (!fromDocument.equals(NONE)) {
            document.put(key, fromDocument);
        }
        if (!onVm.equals(NONE)) {
            vm.put(key, onVm);
        }
        Set<String> differences = new TreeSet<>();

        Map<String, String> fitted = ExistingVm.fit(document, vm, differences);

        assertThat(fitted.get(key)).isEqualTo(recorded.equals(NONE) ? null : recorded);
        assertThat(differences).isEqualTo(differs ? Set.of(key) : Set.of());
    }

    static Stream<Arguments> balloons() {
        return Stream.of(
                // from the document, on the VM, recorded, differs
                Arguments.of("0", NONE, NONE, false),
                Arguments.of(NONE, "4096", "4096", false),
                Arguments.of("0", "0", "0", false),
                Arguments.of("1024", NONE, "1024", true),
                Arguments.of("0", "4096", "0", true),
                Arguments.of(NONE, "1024", "4096", true));
    }

    @ParameterizedTest(name = "balloon: document {0}, VM {1} -> {2}")
    @MethodSource("balloons")
    void readsBallooningBothWays(String fromDocument, String onVm, String recorded, boolean differs) {
        Map<String, String> document = new HashMap<>(Map.of("memory", "4096"));
        Map<String, String> vm = new HashMap<>(Map.of("memory", "4096"));
        if (!fromDocument.equals(NONE)) {
            document.put("balloon", fromDocument);
        }
        if (!onVm.equals(NONE)) {
            vm.put("balloon", onVm);
        }
        Set<String> differences = new TreeSet<>();

        Map<String, String> fitted = ExistingVm.fit(document, vm, differences);

        assertThat(fitted.get("balloon")).isEqualTo(recorded.equals(NONE) ? null : recorded);
        assertThat(differences).isEqualTo(differs ? Set.of("balloon") : Set.of());
    }
}
