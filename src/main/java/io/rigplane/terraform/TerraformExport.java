package io.rigplane.terraform;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileList;
import io.rigplane.profile.ProfileTags;
import io.rigplane.profile.ProfileView;
import io.rigplane.profile.RenderedConfig;
import io.rigplane.terraform.internal.ExportedVm;
import io.rigplane.terraform.internal.HclWriter;
import io.rigplane.terraform.internal.ProxmoxToBpg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Renders profiles as Terraform: each one a {@code proxmox_virtual_environment_vm} resource of the
 * bpg/proxmox provider, written from the profile's rendered Proxmox config so that every key is
 * either an attribute or a comment saying why it is not.
 */
@Service
public class TerraformExport {

    private final io.rigplane.provisioning.ProfileVms profileVms;

    private final ProfileCatalog catalog;

    TerraformExport(ProfileCatalog catalog, io.rigplane.provisioning.ProfileVms profileVms) {
        this.profileVms = profileVms;
        this.catalog = catalog;
    }

    public String profile(String name) {
        return HclWriter.write(List.of(exported(catalog.get(name))));
    }

    /** Every profile, by name, in one file. */
    public String all() {
        List<ExportedVm> vms = new ArrayList<>();
        int page = 0;
        ProfileList list;
        do {
            list = catalog.list(null, null, page++, ProfileCatalog.MAX_PAGE_SIZE);
            list.items().forEach(view -> vms.add(exported(view)));
        } while (page < list.totalPages());
        return vms.isEmpty() ? "# No profiles yet.\n" : HclWriter.write(vms);
    }

    /**
     * A bound profile is written with its VM's VMID and an import block; the VM's Rigplane tags
     * are kept in the list, since the provider would remove the tags it is not given and Rigplane
     * finds its VMs by them.
     */
    ExportedVm exported(ProfileView view) {
        Integer vmid = view.boundVmid() != null ? view.boundVmid() : view.spec().vmid();
        RenderedConfig rendered = catalog.render(vmid == null ? view.spec() : view.spec().withVmid(vmid));
        boolean exists = view.boundVmid() != null;
        List<String> identity = exists ? List.of(ProfileTags.MANAGED, view.identityTag()) : List.of();
        String heading = "Rigplane profile " + view.spec().name() + " (platform " + rendered.platform()
                + (view.spec().cluster() == null ? "" : ", cluster " + view.spec().cluster())
                + (exists ? ", VM " + vmid + ")" : vmid == null ? ", no VM yet: Terraform would create it)"
                        : ", no VM yet: Terraform would create it as " + vmid + ")");
        Map<String, String> config = new LinkedHashMap<>();
        rendered.entries().stream().filter(entry -> entry.value() != null)
                .forEach(entry -> config.put(entry.key(), entry.value()));
        return ProxmoxToBpg.export(heading, view.spec().name(), node(view), vmid, exists, config, identity);
    }

    /**
     * A placed profile (node null) has no node of its own: its VM's node now, else where apply would
     * create it; Terraform would pin it there.
     */
    private String node(ProfileView view) {
        if (view.spec().node() != null) {
            return view.spec().node();
        }
        try {
            return profileVms.find(view.spec().name()).map(io.rigplane.provisioning.VmHandle::node)
                    .orElseGet(() -> profileVms.homeNode(view));
        } catch (RuntimeException proxmoxUnreachable) {
            String home = view.spec().homeNode();
            return home == null ? "" : home;
        }
    }
}
