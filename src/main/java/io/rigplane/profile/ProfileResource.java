package io.rigplane.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A profile as the API shows it: the spec's fields plus its version and times. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProfileResource(String name, String description, @Nullable String cluster, @Nullable String node,
        List<String> nodes, @Nullable Integer vmid, String platform,
        int cores, int memoryMiB, List<Disk> disks, @Nullable String gpu, Network network, List<String> tags,
        Map<String, String> settings, long version, @Nullable Integer boundVmid, Instant createdAt,
        Instant updatedAt) {

    public static ProfileResource of(ProfileView view) {
        ProfileSpec spec = view.spec();
        return new ProfileResource(spec.name(), spec.description(), spec.cluster(), spec.node(),
                spec.nodes(), spec.vmid(), spec.platform(),
                spec.cores(), spec.memoryMiB(), spec.disks(), spec.gpu(), spec.network(), spec.tags(),
                spec.settings(), view.version(), view.boundVmid(), view.createdAt(), view.updatedAt());
    }
}
