package io.rigplane.profile.internal;

import io.rigplane.profile.Disk;
import io.rigplane.profile.DiskRole;
import io.rigplane.profile.GpuPolicy;
import io.rigplane.profile.Network;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.ProfileView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** A stored profile. Its fields mirror {@link ProfileSpec}; only valid specs ever reach it. */
@Entity
@Table(name = "profile")
public class Profile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(nullable = false)
    private String description;

    private @Nullable String node;

    /** Candidate nodes of a placed profile, comma-separated; null or empty: any the GPU mapping reaches. */
    @Column(name = "candidate_nodes")
    private @Nullable String candidateNodes;

    private @Nullable String cluster;

    private @Nullable Integer vmid;

    @Column(name = "gpu_policy")
    private @Nullable String gpuPolicy;

    @Column(name = "shutdown_timeout_seconds")
    private @Nullable Integer shutdownTimeoutSeconds;

    @Column(nullable = false)
    private String platform;

    @Column(nullable = false)
    private int cores;

    @Column(name = "memory_mib", nullable = false)
    private int memoryMiB;

    @Column(name = "gpu_mapping")
    private @Nullable String gpu;

    @Column(name = "net_bridge", nullable = false)
    private String bridge;

    @Column(name = "net_mac")
    private @Nullable String mac;

    @Column(name = "net_vlan")
    private @Nullable Integer vlanTag;

    @Column(name = "net_model")
    private @Nullable String netModel;

    /** The VM this profile manages on Proxmox, once one was created or adopted. */
    @Column(name = "bound_vmid")
    private @Nullable Integer boundVmid;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "profile_disk", joinColumns = @JoinColumn(name = "profile_id"))
    @OrderColumn(name = "position")
    private List<StoredDisk> disks = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "profile_tag", joinColumns = @JoinColumn(name = "profile_id"))
    @Column(name = "tag")
    private Set<String> tags = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "profile_setting", joinColumns = @JoinColumn(name = "profile_id"))
    @MapKeyColumn(name = "key")
    @Column(name = "value")
    private Map<String, String> settings = new TreeMap<>();

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Profile() {
    }

    public Profile(ProfileSpec spec, Instant now) {
        this.name = spec.name();
        this.createdAt = now;
        apply(spec, now);
    }

    public void apply(ProfileSpec spec, Instant now) {
        this.description = spec.description();
        this.node = spec.node();
        this.candidateNodes = spec.nodes().isEmpty() ? null : String.join(",", spec.nodes());
        this.cluster = spec.cluster();
        this.gpuPolicy = spec.gpuPolicy() == null ? null : spec.gpuPolicy().name();
        this.shutdownTimeoutSeconds = spec.shutdownTimeoutSeconds();
        this.vmid = spec.vmid();
        this.platform = spec.platform();
        this.cores = spec.cores();
        this.memoryMiB = spec.memoryMiB();
        this.gpu = spec.gpu();
        this.bridge = spec.network().bridge();
        this.mac = spec.network().mac() == null ? null : spec.network().mac().toUpperCase();
        this.vlanTag = spec.network().vlanTag();
        this.netModel = spec.network().model();
        this.disks.clear();
        spec.disks().forEach(disk -> disks.add(new StoredDisk(disk)));
        this.tags.clear();
        this.tags.addAll(spec.tags());
        this.settings.clear();
        this.settings.putAll(spec.settings());
        this.updatedAt = now;
    }

    public ProfileSpec toSpec() {
        return new ProfileSpec(name, description, node, vmid, platform, cores, memoryMiB,
                disks.stream().map(StoredDisk::toDisk).toList(), gpu, new Network(bridge, mac, vlanTag, netModel),
                List.copyOf(new TreeSet<>(tags)), new TreeMap<>(settings), cluster,
                gpuPolicy == null ? null : GpuPolicy.valueOf(gpuPolicy), shutdownTimeoutSeconds,
                candidateNodes == null || candidateNodes.isEmpty() ? List.of() : List.of(candidateNodes.split(",")));
    }

    public ProfileView toView() {
        return new ProfileView(id, toSpec(), version, createdAt, updatedAt, boundVmid);
    }

    public String name() {
        return name;
    }

    long version() {
        return version;
    }

    public @Nullable Integer boundVmid() {
        return boundVmid;
    }

    public void bindVm(@Nullable Integer vmid) {
        this.boundVmid = vmid;
    }

    @Embeddable
    static class StoredDisk {

        @Column(nullable = false)
        private String slot;

        @Column(nullable = false)
        private String storage;

        @Column(name = "size_gib", nullable = false)
        private int sizeGiB;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        private DiskRole role;

        private @Nullable String options;

        protected StoredDisk() {
        }

        StoredDisk(Disk disk) {
            this.slot = disk.slot();
            this.storage = disk.storage();
            this.sizeGiB = disk.sizeGiB();
            this.role = disk.role();
            this.options = disk.options();
        }

        Disk toDisk() {
            return new Disk(slot, storage, sizeGiB, role, options);
        }
    }
}
