package io.rigplane.provisioning;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The VM a profile is bound to no longer carries the profile's tag: it may have been replaced by
 * hand. Rigplane will not change a VM it cannot recognise.
 */
public class VmIdentityLostException extends ProblemException {

    VmIdentityLostException(String profile, int vmid, String tag) {
        super(HttpStatus.CONFLICT, "vm-identity-lost", "VM not recognised",
                "VM " + vmid + " of profile '" + profile + "' no longer carries the tag " + tag + "; put the tag back "
                        + "if it is the same VM, or delete the profile with releaseVm=true and adopt the VM again");
    }
}
