package io.rigplane.profile.platform;

import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.internal.DriveOptions;
import io.rigplane.profile.internal.QemuSchema;
import io.rigplane.profile.internal.SchemaFormat;
import io.rigplane.profile.internal.SchemaParam;
import io.rigplane.system.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a platform, or a profile on a platform made of data, may set: Proxmox config keys with
 * values its API schema accepts, never a key Rigplane owns, and nothing only root@pam may set.
 * Only a profile on {@code as-is} may carry such keys, because adopt records a VM as it is.
 */
public final class SettingRules {

    static final Set<String> DEVICE_TEMPLATES = Set.of("scsi[n]", "virtio[n]", "sata[n]", "ide[n]", "hostpci[n]",
            "net[n]");
    private static final Set<String> VOLUME_PARTS = Set.of("file", "size", "import-from", "media");
    private static final Map<String, String> OWNED = Map.of(
            "name", "Rigplane owns it: the VM is named after the profile",
            "tags", "Rigplane owns it: set the profile's tags field",
            "vmid", "Rigplane owns it: set the profile's vmid field",
            "cores", "set the profile's cores field",
            "memory", "set the profile's memoryMiB field",
            "description", "set the profile's description field",
            "template", "would turn the VM into a template, which cannot run");

    private SettingRules() {
    }

    /** Who writes the settings: a platform, a profile, or a profile on as-is. */
    public enum Writer { PLATFORM, PROFILE, AS_IS_PROFILE }

    /** Every error of one setting, each under {@code field}. */
    public static List<FieldError> check(String field, String key, String value, Writer writer, @Nullable ProfileSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        String problem = keyProblem(key, writer, spec);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
            return errors;
        }
        if (writer != Writer.AS_IS_PROFILE) {
            String rootOnly = QemuSchema.rootOnly(key, value);
            if (rootOnly != null) {
                errors.add(new FieldError(field, rootOnly));
                return errors;
            }
        }
        valueProblems(key, value).forEach(message -> errors.add(new FieldError(field, message)));
        return errors;
    }

    /** Errors of a disk's own drive options: those of its bus, without the volume or size. */
    public static List<String> diskOptionProblems(String slot, String options) {
        String family = QemuSchema.diskFamily(slot);
        if (family == null) {
            return List.of();
        }
        return QemuSchema.diskFormat(family).check(options, true, VOLUME_PARTS);
    }

    private static @Nullable String keyProblem(String key, Writer writer, @Nullable ProfileSpec spec) {
        if (OWNED.containsKey(key)) {
            return "cannot be set: " + OWNED.get(key);
        }
        if (key.equals("ostype") && writer == Writer.PLATFORM) {
            return "is the platform's osType field";
        }
        if (key.endsWith("[n]")) {
            return DEVICE_TEMPLATES.contains(key) ? null : "is not a device family Rigplane applies options to; "
                    + "families: " + String.join(", ", new java.util.TreeSet<>(DEVICE_TEMPLATES));
        }
        if (QemuSchema.CREATE_ONLY.contains(key)) {
            return "is not a VM config key: it only steers the create call";
        }
        if (QemuSchema.WRITTEN_BY_PROXMOX.contains(key) && !key.equals("vmgenid") && !key.equals("smbios1")
                || key.matches("^unused\\d+$")) {
            return "is written by Proxmox itself";
        }
        if (QemuSchema.diskFamily(key) != null) {
            if (writer == Writer.AS_IS_PROFILE && spec != null
                    && spec.disks().stream().noneMatch(disk -> disk.slot().equals(key))) {
                return null;
            }
            return writer == Writer.PLATFORM ? "a platform adds no disks: give options for every disk with "
                    + QemuSchema.diskFamily(key) + "[n]" : "set the profile's disks field";
        }
        if (key.equals("net0")) {
            return writer == Writer.PLATFORM ? "a platform adds no network card: give options for the profile's "
                    + "card with net[n]" : "set the profile's network field";
        }
        if (key.matches("^net\\d+$") && writer == Writer.PLATFORM) {
            return "a platform adds no network card: give options for the profile's card with net[n]";
        }
        if (key.matches("^hostpci\\d+$")) {
            if (writer == Writer.PLATFORM) {
                return "a platform adds no PCI device: give options for the profile's GPU with hostpci[n]";
            }
            if (key.equals("hostpci0") && spec != null && spec.gpu() != null) {
                return "is the GPU of the profile's gpu field";
            }
        }
        if (QemuSchema.find(key).isEmpty()) {
            return "is not a VM config key of Proxmox (POST /nodes/{node}/qemu)";
        }
        return null;
    }

    private static List<String> valueProblems(String key, String value) {
        if (value.isBlank()) {
            return List.of("must not be empty");
        }
        if (key.endsWith("[n]")) {
            String family = key.substring(0, key.length() - 3);
            return switch (family) {
                case "hostpci" -> QemuSchema.HOSTPCI.check(value, true, Set.of("host", "mapping"));
                case "net" -> QemuSchema.NET.check(value, true, Set.of("model", "macaddr", "bridge", "tag"));
                default -> QemuSchema.diskFormat(family).check(value, true, VOLUME_PARTS);
            };
        }
        if (key.equals("efidisk0") || key.equals("tpmstate0")) {
            SchemaFormat format = key.equals("efidisk0") ? QemuSchema.EFIDISK : QemuSchema.TPMSTATE;
            List<String> problems = new ArrayList<>(format.check(value, true, Set.of("import-from")));
            String head = DriveOptions.parse(value).head();
            if (head != null && !head.matches("^[a-zA-Z][\\w-]*:\\S+$")) {
                problems.add("must start with the storage (local-zfs:1) or give options only; the EFI and TPM "
                        + "disks go on the system disk's storage otherwise");
            }
            return problems;
        }
        Optional<SchemaParam> param = QemuSchema.find(key);
        if (param.isEmpty()) {
            return List.of();
        }
        String problem = param.get().check(value);
        if (problem != null) {
            return List.of(problem);
        }
        return param.get().format() == null ? List.of() : param.get().format().check(value, false, Set.of());
    }
}
