package io.rigplane.profile.web;

import io.rigplane.profile.Disk;
import io.rigplane.profile.DiskRole;
import io.rigplane.profile.GpuPolicy;
import io.rigplane.profile.Network;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.ProfileView;
import io.rigplane.profile.platform.Windows11Gaming;
import io.rigplane.system.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's profile form: text fields as a person types them, a fixed number of disk rows,
 * tags separated by commas and overrides one per line.
 */
public class ProfileForm {

    static final int DISK_ROWS = 4;

    private String name = "";
    private String description = "";
    private String node = "";
    private String nodes = "";
    private String vmid = "";
    private String platform = Windows11Gaming.ID;
    private String cores = "";
    private String memoryMiB = "";
    private String gpu = "";
    private String bridge = "vmbr0";
    private String mac = "";
    private String vlanTag = "";
    private String model = "";
    private String tags = "";
    private String settings = "";
    private String version = "";
    private String cluster = "";
    private String gpuPolicy = "refuse";
    private String shutdownTimeoutSeconds = "180";
    private List<DiskRow> disks = new ArrayList<>();

    public ProfileForm() {
        padDisks();
    }

    static ProfileForm of(ProfileView view) {
        ProfileSpec spec = view.spec();
        ProfileForm form = new ProfileForm();
        form.name = spec.name();
        form.description = spec.description();
        form.node = spec.node() == null ? "" : spec.node();
        form.nodes = String.join(", ", spec.nodes());
        form.vmid = spec.vmid() == null ? "" : spec.vmid().toString();
        form.platform = spec.platform();
        form.cores = spec.cores().toString();
        form.memoryMiB = spec.memoryMiB().toString();
        form.gpu = spec.gpu() == null ? "" : spec.gpu();
        form.bridge = spec.network().bridge();
        form.mac = spec.network().mac() == null ? "" : spec.network().mac();
        form.vlanTag = spec.network().vlanTag() == null ? "" : spec.network().vlanTag().toString();
        form.model = spec.network().model() == null ? "" : spec.network().model();
        form.tags = String.join(", ", spec.tags());
        StringBuilder lines = new StringBuilder();
        spec.settings().forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        form.settings = lines.toString().strip();
        form.version = Long.toString(view.version());
        form.cluster = spec.cluster() == null ? "" : spec.cluster();
        form.gpuPolicy = spec.gpuPolicy() == GpuPolicy.PREEMPT ? "preempt" : "refuse";
        form.shutdownTimeoutSeconds = spec.shutdownTimeoutSeconds().toString();
        form.disks = new ArrayList<>();
        spec.disks().forEach(disk -> form.disks.add(DiskRow.of(disk)));
        form.padDisks();
        return form;
    }

    private void padDisks() {
        while (disks.size() < DISK_ROWS) {
            DiskRow row = new DiskRow();
            row.setRole(disks.isEmpty() ? "system" : "data");
            disks.add(row);
        }
    }

    /**
     * The spec this form stands for. Text that is not a number where one is needed is reported
     * to {@code errors} under the form's own field names, and left out of the spec.
     */
    ProfileSpec toSpec(Consumer<FieldError> errors, List<Integer> diskRows) {
        List<Disk> specDisks = new ArrayList<>();
        for (int i = 0; i < disks.size(); i++) {
            DiskRow row = disks.get(i);
            if (row.getSlot() == null || row.getSlot().isBlank()) {
                continue;
            }
            diskRows.add(i);
            specDisks.add(new Disk(row.getSlot().trim(), blankToNull(row.getStorage()),
                    number(row.getSizeGiB(), "disks[" + i + "].sizeGiB", errors),
                    "data".equals(row.getRole()) ? DiskRole.DATA : DiskRole.SYSTEM, blankToNull(row.getOptions())));
        }
        return new ProfileSpec(name.trim(), description, blankToNull(node), number(vmid, "vmid", errors),
                platform, number(cores, "cores", errors), number(memoryMiB, "memoryMiB", errors), specDisks,
                blankToNull(gpu), new Network(bridge.trim(), blankToNull(mac), number(vlanTag, "vlanTag", errors),
                        blankToNull(model)),
                Arrays.stream(tags.split(",")).map(String::trim).filter(tag -> !tag.isEmpty()).toList(),
                settingsMap(errors), blankToNull(cluster), "preempt".equals(gpuPolicy) ? GpuPolicy.PREEMPT
                        : GpuPolicy.REFUSE, number(shutdownTimeoutSeconds, "shutdownTimeoutSeconds", errors),
                Arrays.stream(nodes.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList());
    }

    private Map<String, String> settingsMap(Consumer<FieldError> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : settings.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                errors.accept(new FieldError("settings", "each line must be key=value: '" + line.trim() + "'"));
                continue;
            }
            map.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
        return map;
    }

    private static @Nullable Integer number(@Nullable String text, String field, Consumer<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.accept(new FieldError(field, "must be a whole number"));
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getNode() { return node; }
    public void setNode(String node) { this.node = node; }
    public String getNodes() { return nodes; }
    public void setNodes(String nodes) { this.nodes = nodes; }
    public String getVmid() { return vmid; }
    public void setVmid(String vmid) { this.vmid = vmid; }
    public String getPlatform() { return platform; }
    public void setPlatform(String platform) { this.platform = platform; }
    public String getCores() { return cores; }
    public void setCores(String cores) { this.cores = cores; }
    public String getMemoryMiB() { return memoryMiB; }
    public void setMemoryMiB(String memoryMiB) { this.memoryMiB = memoryMiB; }
    public String getGpu() { return gpu; }
    public void setGpu(String gpu) { this.gpu = gpu; }
    public String getBridge() { return bridge; }
    public void setBridge(String bridge) { this.bridge = bridge; }
    public String getMac() { return mac; }
    public void setMac(String mac) { this.mac = mac; }
    public String getVlanTag() { return vlanTag; }
    public void setVlanTag(String vlanTag) { this.vlanTag = vlanTag; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public String getSettings() { return settings; }
    public void setSettings(String settings) { this.settings = settings; }
    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
    public String getCluster() { return cluster; }
    public void setCluster(String cluster) { this.cluster = cluster; }
    public String getGpuPolicy() { return gpuPolicy; }
    public void setGpuPolicy(String gpuPolicy) { this.gpuPolicy = gpuPolicy; }
    public String getShutdownTimeoutSeconds() { return shutdownTimeoutSeconds; }
    public void setShutdownTimeoutSeconds(String seconds) { this.shutdownTimeoutSeconds = seconds; }
    public List<DiskRow> getDisks() { return disks; }
    public void setDisks(List<DiskRow> disks) { this.disks = disks; }

    /** One disk row of the form. */
    public static class DiskRow {

        private String slot = "";
        private String storage = "";
        private String sizeGiB = "";
        private String role = "data";
        private String options = "";

        static DiskRow of(Disk disk) {
            DiskRow row = new DiskRow();
            row.slot = disk.slot();
            row.storage = disk.storage();
            row.sizeGiB = disk.sizeGiB().toString();
            row.role = disk.role() == DiskRole.SYSTEM ? "system" : "data";
            row.options = disk.options() == null ? "" : disk.options();
            return row;
        }

        public String getSlot() { return slot; }
        public void setSlot(String slot) { this.slot = slot; }
        public String getStorage() { return storage; }
        public void setStorage(String storage) { this.storage = storage; }
        public String getSizeGiB() { return sizeGiB; }
        public void setSizeGiB(String sizeGiB) { this.sizeGiB = sizeGiB; }
        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
        public String getOptions() { return options; }
        public void setOptions(String options) { this.options = options; }
    }
}
