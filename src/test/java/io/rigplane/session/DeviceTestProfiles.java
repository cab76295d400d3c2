package io.rigplane.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import java.util.UUID;

/** Profiles for device tests, made through the API like a script would. */
final class DeviceTestProfiles {

    private DeviceTestProfiles() {
    }

    /** A small valid profile with a fresh name starting with {@code prefix}; returns its name. */
    static String create(Api admin, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = admin.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 8192,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 100, "role": "system"}]}"""
                .formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }
}
