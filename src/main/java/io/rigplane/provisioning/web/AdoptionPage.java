package io.rigplane.provisioning.web;

import io.rigplane.profile.ProfileView;
import io.rigplane.provisioning.AdoptRequest;
import io.rigplane.provisioning.Adoption;
import io.rigplane.provisioning.AdoptionRefusedException;
import io.rigplane.provisioning.adopt.VmInventory;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.rigplane.system.ProblemException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's adopt form: the VMs no profile manages yet, each adoptable under a new profile name. */
@Controller
@RequestMapping("/profiles/adopt")
class AdoptionPage implements DashboardPage {

    private final VmInventory inventory;
    private final Adoption adoption;

    AdoptionPage(VmInventory inventory, Adoption adoption) {
        this.inventory = inventory;
        this.adoption = adoption;
    }

    @GetMapping
    String list(Model model) {
        addVms(model);
        return "provisioning/adopt";
    }

    @PostMapping
    String adopt(@RequestParam(required = false) @Nullable String cluster, @RequestParam String node,
            @RequestParam int vmid, @RequestParam(defaultValue = "") String name, Model model,
            RedirectAttributes redirect) {
        List<FieldError> reasons;
        try {
            ProfileView adopted = adoption.adopt(new AdoptRequest(cluster, node, vmid, name.strip())).profile();
            redirect.addFlashAttribute("message",
                    "Adopted VM " + vmid + " as profile " + adopted.spec().name() + " as it is; nothing on the VM "
                            + "changed but its name and tags. Below: how far it is from each platform.");
            return "redirect:/profiles/" + adopted.spec().name();
        } catch (AdoptionRefusedException e) {
            reasons = e.reasons();
        } catch (InvalidRequestException e) {
            reasons = e.errors();
        } catch (ProblemException e) {
            reasons = List.of(new FieldError("vm", e.getMessage()));
        }
        model.addAttribute("refusedVmid", vmid);
        model.addAttribute("typedName", name);
        model.addAttribute("reasons", reasons);
        addVms(model);
        return "provisioning/adopt";
    }

    private void addVms(Model model) {
        try {
            model.addAttribute("vms", inventory.vms(false));
        } catch (ProxmoxException e) {
            model.addAttribute("vms", List.of());
            model.addAttribute("inventoryError", e.getMessage());
        }
    }
}
