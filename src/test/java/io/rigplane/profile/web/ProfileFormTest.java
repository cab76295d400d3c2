package io.rigplane.profile.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.profile.Disk;
import io.rigplane.profile.DiskRole;
import io.rigplane.profile.GpuPolicy;
import io.rigplane.profile.Network;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.ProfileView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Editing a profile in the dashboard keeps every field the form does not change. */
class ProfileFormTest {

    @Test
    void aProfileSurvivesTheRoundTripThroughTheForm() {
        ProfileSpec spec = new ProfileSpec("studio-1", "CAD seat", "srv02", 120, "windows-11-gaming", 12, 65536,
                List.of(new Disk("scsi0", "local-zfs", 200, DiskRole.SYSTEM),
                        new Disk("scsi2", "tank", 1000, DiskRole.DATA)),
                "rtx4090", new Network("vmbr1", "BC:24:11:00:00:01", 30), List.of("cad", "studio"),
                Map.of("sockets", "2", "numa", "1"), "lab", GpuPolicy.PREEMPT, 600);
        ProfileForm form = ProfileForm.of(new ProfileView(1, spec, 3, Instant.EPOCH, Instant.EPOCH, 120));

        List<io.rigplane.system.FieldError> errors = new ArrayList<>();
        ProfileSpec back = form.toSpec(errors::add, new ArrayList<>());

        assertThat(errors).isEmpty();
        assertThat(back).isEqualTo(spec);
    }

    @Test
    void textWhereANumberBelongsIsAFieldError() {
        ProfileForm form = new ProfileForm();
        form.setCores("many");
        form.setShutdownTimeoutSeconds("soon");

        List<io.rigplane.system.FieldError> errors = new ArrayList<>();
        form.toSpec(errors::add, new ArrayList<>());

        assertThat(errors).extracting(io.rigplane.system.FieldError::field)
                .containsExactlyInAnyOrder("cores", "shutdownTimeoutSeconds");
    }
}
