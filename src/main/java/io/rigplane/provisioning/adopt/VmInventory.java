package io.rigplane.provisioning.adopt;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.proxmox.ProxmoxClusters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The VMs of every cluster, with the profile that manages each; the adopt form lists the others. */
@RestController
@Tag(name = "Provisioning")
public class VmInventory {

    private final ProxmoxClusters clusters;
    private final ProfileCatalog catalog;

    VmInventory(ProxmoxClusters clusters, ProfileCatalog catalog) {
        this.clusters = clusters;
        this.catalog = catalog;
    }

    /** A VM on Proxmox and the profile that manages it, if any. */
    record InventoryVm(String cluster, String node, int vmid, @Nullable String name, String status,
            List<String> tags, @Nullable String managedBy) {
    }

    @GetMapping("/api/v1/vms")
    @Operation(summary = "VMs on Proxmox; managed=false lists those no profile manages yet")
    public List<InventoryVm> vms(@RequestParam(required = false) @Nullable Boolean managed) {
        List<InventoryVm> vms = new ArrayList<>();
        for (String cluster : clusters.ids()) {
            clusters.client(cluster).vms().stream().filter(vm -> !vm.template()).forEach(vm -> {
                String owner = catalog.managing(vm.vmid()).orElse(null);
                if (managed == null || managed == (owner != null)) {
                    vms.add(new InventoryVm(cluster, vm.node(), vm.vmid(), vm.name(), vm.status(), vm.tags(), owner));
                }
            });
        }
        return vms;
    }
}
