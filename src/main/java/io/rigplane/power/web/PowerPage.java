package io.rigplane.power.web;

import io.rigplane.access.CurrentActor;
import io.rigplane.operation.OperationConflictException;
import io.rigplane.operation.OperationView;
import io.rigplane.power.GpuHeldException;
import io.rigplane.power.PowerControl;
import io.rigplane.power.internal.PowerReadings;
import io.rigplane.provisioning.VmMissingException;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.system.DashboardPage;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard's power panel of a profile: its VM's state and the Start, Shut down and Stop
 * buttons. The profile page loads the panel into itself; without JavaScript it links here.
 */
@Controller
@RequestMapping("/profiles/{name}")
class PowerPage implements DashboardPage {

    private final PowerControl control;
    private final PowerReadings readings;
    private final CurrentActor actor;

    PowerPage(PowerControl control, PowerReadings readings, CurrentActor actor) {
        this.control = control;
        this.readings = readings;
        this.actor = actor;
    }

    /** The whole page, or with {@code panel=true} only the panel for the profile page. */
    @GetMapping("/power")
    String power(@PathVariable String name, @RequestParam(defaultValue = "false") boolean panel, Model model) {
        model.addAttribute("name", name);
        try {
            model.addAttribute("status", readings.status(name));
        } catch (ProxmoxException e) {
            model.addAttribute("powerError", e.getMessage());
        }
        return panel ? "power/panel :: panel" : "power/power";
    }

    @PostMapping("/start")
    String start(@PathVariable String name, RedirectAttributes redirect) {
        return submit(name, redirect, () -> control.start(name, actor.get(), null));
    }

    @PostMapping("/shutdown")
    String shutdown(@PathVariable String name, @RequestParam(defaultValue = "false") boolean force,
            RedirectAttributes redirect) {
        return submit(name, redirect, () -> control.shutdown(name, force, actor.get(), null));
    }

    @PostMapping("/stop")
    String stop(@PathVariable String name, RedirectAttributes redirect) {
        return submit(name, redirect, () -> control.stop(name, actor.get(), null));
    }

    private static String submit(String name, RedirectAttributes redirect, Supplier<OperationView> action) {
        try {
            return "redirect:/operations/" + action.get().id();
        } catch (OperationConflictException e) {
            redirect.addFlashAttribute("message", "Another operation is still working on " + name + ".");
            return "redirect:/operations/" + e.running();
        } catch (GpuHeldException | VmMissingException e) {
            redirect.addFlashAttribute("message", e.getMessage());
            return "redirect:/profiles/" + name;
        } catch (ProxmoxException e) {
            redirect.addFlashAttribute("message", "Proxmox could not be reached: " + e.getMessage());
            return "redirect:/profiles/" + name;
        }
    }
}
