package io.rigplane.simulator;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What only {@code root@pam} itself may do, answered as qemu-server answers an API token (whose
 * user is {@code root@pam!id}, never {@code root@pam}): root-only call parameters are a parameter
 * error (400), config keys outside the permission groups die with {@code only root can set 'X'
 * config} (500), a raw PCI device dies with {@code … for non-mapped devices} (500) and a
 * {@code romfile} is a parameter error (400). That is why Rigplane passes GPUs through cluster
 * mappings.
 */
final class RootOnly {

    /** Call parameters qemu-server refuses to anyone but root@pam when they are true (Perl truth). */
    private static final List<String> CALL_PARAMS = List.of("skiplock", "stateuri", "migratedfrom", "migration_type",
            "migration_network", "targetstorage", "force-cpu", "with-conntrack-state", "nets-host-mtu", "keepActive",
            "nocheck");

    /**
     * Config keys a token may set with the right VM privilege (qemu-server's cpu, memory, hwtype,
     * general, power, disk and cloud-init option groups); drives, NICs and the indexed devices
     * below are checked by value elsewhere. Anything else (args, lock, affinity, hookscript,
     * vmgenid …) is root-only.
     */
    private static final Set<String> TOKEN_KEYS = Set.of(
            "cores", "cpu", "runningcpu", "cpulimit", "cpuunits", "numa", "smp", "sockets", "vcpus",
            "memory", "balloon", "shares", "allow-ksm",
            "acpi", "hotplug", "kvm", "machine", "runningmachine", "scsihw", "smbios1", "tablet", "vga", "watchdog",
            "audio0", "rng0",
            "agent", "autostart", "bios", "description", "keyboard", "localtime", "migrate_downtime", "migrate_speed",
            "name", "onboot", "ostype", "protection", "reboot", "startdate", "startup", "tdf", "template",
            "freeze", "boot", "bootdisk", "vmstatestorage",
            "cicustom", "cipassword", "citype", "ciuser", "ciupgrade", "nameserver", "searchdomain", "sshkeys",
            "vmstate", "running-nets-host-mtu", "tags", "cdrom", "efidisk0", "tpmstate0");
    private static final String INDEXED_TOKEN_KEYS =
            "(ide|sata|scsi|virtio|unused|serial|usb|hostpci|virtiofs|net|numa|ipconfig)\\d+";

    private RootOnly() {
    }

    /** PVE::API2::Qemu's {@code raise_param_exc({ skiplock => "Only root may use this option." })} and kin. */
    static void checkCallParameters(ApiRequest request) {
        if (isRoot(request.caller())) {
            return;
        }
        for (String name : CALL_PARAMS) {
            String value = request.get(name);
            if (value != null && !value.isEmpty() && !value.equals("0")) {
                throw PveError.parameter(name, "Only root may use this option.");
            }
        }
    }

    /** {@code $check_vm_modify_config_perm}: keys being set or deleted, before any config is read. */
    static void checkConfigKeys(Caller caller, Collection<String> keys) {
        if (isRoot(caller)) {
            return;
        }
        for (String key : keys) {
            if (!TOKEN_KEYS.contains(key) && !key.matches(INDEXED_TOKEN_KEYS)) {
                throw PveError.server("only root can set '" + key + "' config");
            }
        }
    }

    /** {@code check_hostpci_perm} and the serial port check, for every hostpciN/serialN value given. */
    static void checkDevices(Caller caller, Map<String, String> values) {
        if (isRoot(caller)) {
            return;
        }
        values.forEach((key, value) -> checkDevice(caller, key, value));
    }

    static void checkDevice(Caller caller, String key, String value) {
        if (isRoot(caller) || value == null) {
            return;
        }
        if (key.matches("serial\\d+") && !value.equals("socket")) {
            throw PveError.server("only root can set '" + key + "' config for real devices");
        }
        if (!key.matches("hostpci\\d+")) {
            return;
        }
        Map<String, String> pci = VmKeys.HOSTPCI.parse(value);
        if (pci.containsKey("host")) {
            throw PveError.server("only root can set '" + key + "' config for non-mapped devices");
        }
        if (!pci.containsKey("mapping")) {
            throw PveError.server("either 'host' or 'mapping' must be set.");
        }
        if (pci.containsKey("romfile")) {
            throw PveError.parameter(key, "only root@pam can set 'romfile' option");
        }
    }

    private static boolean isRoot(Caller caller) {
        return caller == null || caller.isRootWithPassword();
    }
}
