package io.rigplane.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The system disk holds the OS (and places the EFI and TPM disks on its storage); data disks the rest. */
public enum DiskRole {
    @JsonProperty("system") SYSTEM,
    @JsonProperty("data") DATA
}
