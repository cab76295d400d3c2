package io.rigplane.provisioning.plan;

import io.rigplane.profile.ConfigEntry;
import io.rigplane.profile.ProxmoxDefaults;
import io.rigplane.profile.RenderedConfig;
import io.rigplane.provisioning.Change;
import io.rigplane.provisioning.ChangeAction;
import io.rigplane.provisioning.ChangeEffect;
import io.rigplane.proxmox.PropertyString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The diff between a rendered profile and a VM, key by key, compared parsed. Pure: it reads
 * nothing and changes nothing, so a plan can be shown before anything is applied.
 */
public final class Planner {

    /** Applied to a running VM at once; everything else waits for a stop/start. */
    private static final Set<String> HOTPLUG = Set.of("name", "description", "tags", "onboot", "startup",
            "protection", "agent", "balloon");
    private static final Set<String> DISK_OPTIONS = Set.of("aio", "cache", "discard", "iothread", "ssd");
    // compiled once: String.matches compiles its pattern on every call, and a plan asks per key
    private static final Pattern DRIVE = Pattern.compile("^(scsi|virtio|sata|ide)\\d+$");
    private static final Pattern NET = Pattern.compile("^net\\d+$");
    private static final Pattern SCSI = Pattern.compile("^scsi\\d+$");
    private static final Pattern BASE_REVISION = Pattern.compile("\\+pve0$");
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[;, ]");

    private Planner() {
    }

    /** The VM does not exist: one change that creates it with the whole config. */
    static List<Change> create(RenderedConfig desired, List<String> identityTags) {
        String tags = mergeTags(desired.entry("tags").map(ConfigEntry::value).orElse(""), identityTags);
        return desired.entries().stream()
                .map(entry -> {
                    String value = entry.key().equals("tags") ? tags : entry.value();
                    String send = entry.createValue() != null ? entry.createValue() : value;
                    return new Change(entry.key(), null, value, ChangeEffect.CREATE, ChangeAction.CREATE, send, null);
                })
                .toList();
    }

    static List<Change> diff(RenderedConfig desired, List<String> identityTags, Observed observed) {
        List<Change> changes = new ArrayList<>();
        for (ConfigEntry entry : desired.entries()) {
            String key = entry.key();
            String current = observed.config().get(key);
            // a drive written in the profile's settings as Proxmox stores it is compared as written
            Kind declared = kind(key);
            Kind kind = entry.createValue() == null && declared.isVolume() ? Kind.OTHER : declared;
            Change change = switch (kind) {
                case DISK -> disk(entry, current, observed.running());
                case EFI -> efi(entry, current, observed.running());
                case TPM -> tpm(entry, current, observed.running());
                case TAGS -> {
                    String tags = mergeTags(entry.value(), identityTags);
                    yield plain(key, current, tags, observed.running(), tagsEqual(current, tags));
                }
                case NET -> card(entry, current, observed.running());
                default -> plain(key, current, entry.value(), observed.running(),
                        equivalent(key, entry.value(), current));
            };
            if (change != null && kind != declared && current != null && !sameVolume(entry.value(), current)) {
                change = refused(entry, current, "the profile names another volume for " + key + " than the VM "
                        + "has; swapping a drive's volume is left to you");
            }
            if (change != null) {
                changes.add(change);
            }
        }
        for (String key : desired.managedKeys()) {
            if (desired.entry(key).isEmpty() && observed.config().containsKey(key)) {
                changes.add(new Change(key, observed.config().get(key), null, effect(key, observed.running()),
                        ChangeAction.DELETE, null, null));
            }
        }
        observed.config().keySet().stream()
                .filter(key -> SCSI.matcher(key).matches() && desired.entry(key).isEmpty())
                .filter(key -> !isCdrom(observed.config().get(key)))
                .forEach(key -> changes.add(new Change(key, observed.config().get(key), null, ChangeEffect.REFUSED,
                        ChangeAction.NONE, null, "the profile has no disk " + key + ", but removing a disk destroys "
                                + "its data: add it to the profile, or detach it by hand")));
        return changes;
    }

    private static @Nullable Change plain(String key, @Nullable String current, String desired, boolean running,
            boolean equal) {
        if (equal) {
            return null;
        }
        return new Change(key, current, desired, effect(key, running), ChangeAction.SET, desired, null);
    }

    private static ChangeEffect effect(String key, boolean running) {
        if (!running || HOTPLUG.contains(key) || NET.matcher(key).matches()) {
            return ChangeEffect.LIVE;
        }
        return ChangeEffect.PENDING_RESTART;
    }

    private static @Nullable Change disk(ConfigEntry entry, @Nullable String current, boolean running) {
        PropertyString want = PropertyString.parse(entry.createValue());
        long wantBytes = Sizes.gib(Integer.parseInt(want.head().substring(want.head().indexOf(':') + 1)));
        if (current == null) {
            // a new, empty disk: hot-plugged on a running VM
            return new Change(entry.key(), null, entry.value(), ChangeEffect.LIVE, ChangeAction.SET,
                    entry.createValue(), null);
        }
        PropertyString have = PropertyString.parse(current);
        if (!Objects.equals(have.storage(), want.storage())) {
            return refused(entry, current, "the disk is on " + have.storage() + "; moving it to " + want.storage()
                    + " is a disk move, which Rigplane leaves to you");
        }
        Long haveBytes = Sizes.bytes(have.get("size"));
        if (haveBytes != null && wantBytes < haveBytes) {
            return refused(entry, current, "shrinking a disk destroys data: it has " + have.get("size")
                    + ", the profile asks for " + wantBytes / Sizes.gib(1) + "G");
        }
        boolean optionsDiffer = DISK_OPTIONS.stream()
                .anyMatch(option -> !Objects.equals(want.get(option), have.get(option)));
        if (optionsDiffer) {
            PropertyString updated = withOptions(have, want);
            return new Change(entry.key(), current, updated.print(), effect(entry.key(), running), ChangeAction.SET,
                    updated.print(), null);
        }
        if (haveBytes == null || wantBytes > haveBytes) {
            return new Change(entry.key(), current, entry.value(), ChangeEffect.LIVE, ChangeAction.RESIZE,
                    wantBytes / Sizes.gib(1) + "G", null);
        }
        return null;
    }

    /** The current volume with the profile's options; the size stays, resizes go separately. */
    private static PropertyString withOptions(PropertyString have, PropertyString want) {
        Map<String, String> options = new java.util.TreeMap<>(have.options());
        DISK_OPTIONS.forEach(option -> {
            if (want.get(option) == null) {
                options.remove(option);
            } else {
                options.put(option, want.get(option));
            }
        });
        return new PropertyString(have.head(), options);
    }

    private static @Nullable Change efi(ConfigEntry entry, @Nullable String current, boolean running) {
        if (current == null) {
            return new Change(entry.key(), null, entry.value(), effect(entry.key(), running), ChangeAction.SET,
                    entry.createValue(), null);
        }
        PropertyString want = PropertyString.parse(entry.createValue());
        PropertyString have = PropertyString.parse(current);
        for (String option : List.of("efitype", "pre-enrolled-keys")) {
            if (!Objects.equals(normal(want.get(option)), normal(have.get(option)))) {
                return refused(entry, current, "changing " + option + " recreates the EFI disk and loses its "
                        + "boot entries and keys; do it by hand if you mean it");
            }
        }
        if (!Objects.equals(have.storage(), want.storage())) {
            return refused(entry, current, "the EFI disk is on " + have.storage() + "; moving it is a disk move");
        }
        return null;
    }

    private static @Nullable Change tpm(ConfigEntry entry, @Nullable String current, boolean running) {
        if (current == null) {
            return new Change(entry.key(), null, entry.value(), effect(entry.key(), running), ChangeAction.SET,
                    entry.createValue(), null);
        }
        String want = PropertyString.parse(entry.createValue()).get("version");
        String have = PropertyString.parse(current).get("version");
        if (!Objects.equals(want, have == null ? "v1.2" : have)) {
            return refused(entry, current, "the TPM version can never change: a new TPM loses BitLocker keys and "
                    + "Windows Hello; the VM keeps " + (have == null ? "v1.2" : have));
        }
        return null;
    }

    private static boolean sameVolume(String desired, String current) {
        return Objects.equals(PropertyString.parse(desired).head(), PropertyString.parse(current).head());
    }

    private static Change refused(ConfigEntry entry, String current, String reason) {
        return new Change(entry.key(), current, entry.value(), ChangeEffect.REFUSED, ChangeAction.NONE, null, reason);
    }

    /** Compares values the way Proxmox means them, not the way it prints them. */
    static boolean equivalent(String key, String desired, @Nullable String current) {
        if (current == null) {
            // a key the VM leaves out has Proxmox's default: asking for that default changes nothing
            String fallback = ProxmoxDefaults.of(key).orElse(null);
            return fallback != null && equivalent(key, desired, fallback);
        }
        return switch (key) {
            case "machine" -> withoutBaseRevision(desired).equals(withoutBaseRevision(current));
            case "description" -> desired.strip().equals(current.strip());
            case "memory", "agent" -> Objects.equals(normal(PropertyString.parse(desired).head()),
                    normal(headOrOption(current, key.equals("memory") ? "current" : "enabled")));
            default -> NET.matcher(key).matches() ? network(desired, current) : parsedEqual(desired, current);
        };
    }

    private static @Nullable String headOrOption(String value, String defaultKey) {
        PropertyString parsed = PropertyString.parse(value);
        return parsed.head() != null ? parsed.head() : parsed.get(defaultKey);
    }

    private static boolean parsedEqual(String desired, String current) {
        PropertyString want = PropertyString.parse(desired);
        PropertyString have = PropertyString.parse(current);
        return Objects.equals(normal(want.head()), normal(have.head()))
                && normalized(want.options()).equals(normalized(have.options()));
    }

    /** The MAC is Proxmox's choice unless the profile fixes one; model, bridge and VLAN always count. */
    private static boolean network(String desired, String current) {
        NetworkCard want = NetworkCard.parse(desired);
        NetworkCard have = NetworkCard.parse(current);
        return want.model().equals(have.model())
                && (want.mac() == null || want.mac().equalsIgnoreCase(String.valueOf(have.mac())))
                && Objects.equals(want.options().get("bridge"), have.options().get("bridge"))
                && Objects.equals(want.options().get("tag"), have.options().get("tag"));
    }

    private static @Nullable Change card(ConfigEntry entry, @Nullable String current, boolean running) {
        if (equivalent(entry.key(), entry.value(), current)) {
            return null;
        }
        return new Change(entry.key(), current, entry.value(), effect(entry.key(), running), ChangeAction.SET,
                keepingMac(entry.value(), current), null);
    }

    /**
     * Proxmox gives a card sent without a MAC a new random one: the guest would see a new adapter and
     * Wake-on-LAN would miss it. Unless the profile fixes a MAC, the VM's goes with the change.
     */
    private static String keepingMac(String desired, @Nullable String current) {
        NetworkCard want = NetworkCard.parse(desired);
        String mac = current == null ? null : NetworkCard.parse(current).mac();
        if (want.mac() != null || mac == null) {
            return desired;
        }
        Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put(want.model(), mac);
        options.putAll(want.options());
        return new PropertyString(null, options).print();
    }

    private static Map<String, String> normalized(Map<String, String> options) {
        return options.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                option -> normal(option.getValue())));
    }

    private static @Nullable String normal(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> "1";
            case "false", "off", "no" -> "0";
            default -> trimmed;
        };
    }

    /** {@code pc-q35-10.0+pve0} is the base revision of {@code pc-q35-10.0}. */
    private static String withoutBaseRevision(String machine) {
        return BASE_REVISION.matcher(machine.trim()).replaceFirst("");
    }

    public static String mergeTags(String tags, List<String> extra) {
        Set<String> merged = new TreeSet<>(splitTags(tags));
        merged.addAll(extra);
        return String.join(";", merged);
    }

    private static boolean tagsEqual(@Nullable String current, String desired) {
        return current != null && new TreeSet<>(splitTags(current)).equals(new TreeSet<>(splitTags(desired)));
    }

    private static List<String> splitTags(String tags) {
        return Arrays.stream(TAG_SEPARATORS.split(tags)).map(tag -> tag.trim().toLowerCase(Locale.ROOT))
                .filter(tag -> !tag.isEmpty()).toList();
    }

    private static boolean isCdrom(@Nullable String value) {
        return value != null && "cdrom".equals(PropertyString.parse(value).get("media"));
    }

    private enum Kind {
        DISK, EFI, TPM, TAGS, NET, OTHER;

        boolean isVolume() {
            return this == DISK || this == EFI || this == TPM;
        }
    }

    private static Kind kind(String key) {
        if (DRIVE.matcher(key).matches()) {
            return Kind.DISK;
        }
        if (NET.matcher(key).matches()) {
            return Kind.NET;
        }
        return switch (key) {
            case "efidisk0" -> Kind.EFI;
            case "tpmstate0" -> Kind.TPM;
            case "tags" -> Kind.TAGS;
            default -> Kind.OTHER;
        };
    }
}
