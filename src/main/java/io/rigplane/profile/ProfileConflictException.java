package io.rigplane.profile;

import io.rigplane.system.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The change would clash with another profile or with a VM the profile manages. */
public class ProfileConflictException extends ProblemException {

    private final String field;

    private ProfileConflictException(String kind, String title, String field, String detail) {
        super(HttpStatus.CONFLICT, kind, title, detail);
        this.field = field;
    }

    static ProfileConflictException nameTaken(String name) {
        return new ProfileConflictException("profile-exists", "Profile exists", "name",
                "A profile named '" + name + "' exists already");
    }

    static ProfileConflictException vmidTaken(int vmid, String owner) {
        return new ProfileConflictException("vmid-taken", "VMID taken", "vmid",
                "VMID " + vmid + " belongs to profile '" + owner + "'");
    }

    static ProfileConflictException vmExists(String name, int vmid) {
        return new ProfileConflictException("profile-has-vm", "Profile manages a VM", "releaseVm",
                "Profile '" + name + "' manages VM " + vmid + "; delete with releaseVm=true to forget the VM "
                        + "and leave it on Proxmox as it is");
    }

    public String field() {
        return field;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("field", field);
    }
}
