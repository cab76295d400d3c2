package io.rigplane.streamhost.web;

import io.rigplane.streamhost.settings.StreamHostConfigs;
import io.rigplane.streamhost.settings.StreamHostSettingsChange;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard form of a profile's stream-host settings; the password field is never filled in. */
@Controller
@RequestMapping("/profiles/{name}/stream-host")
class StreamHostPage implements DashboardPage {

    private final StreamHostConfigs configs;

    StreamHostPage(StreamHostConfigs configs) {
        this.configs = configs;
    }

    @GetMapping
    String show(@PathVariable String name, Model model) {
        model.addAttribute("name", name);
        model.addAttribute("settings", configs.view(name));
        return "streamhost/settings";
    }

    @PostMapping
    String save(@PathVariable String name, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String app,
            @RequestParam(required = false) @Nullable String httpPort,
            @RequestParam(required = false) @Nullable String username,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(defaultValue = "false") boolean removePassword, Model model, RedirectAttributes redirect) {
        Integer port = null;
        try {
            port = httpPort == null || httpPort.isBlank() ? null : Integer.valueOf(httpPort.strip());
        } catch (NumberFormatException e) {
            port = -1;
        }
        // an empty password box means "keep the stored one"; removing it is a separate choice
        String newPassword = removePassword ? "" : (password == null || password.isEmpty() ? null : password);
        try {
            configs.update(name, new StreamHostSettingsChange(kind, app, port, username, newPassword));
            redirect.addFlashAttribute("message", "Saved the stream-host settings of " + name + ".");
            return "redirect:/profiles/" + name + "/stream-host";
        } catch (InvalidRequestException e) {
            model.addAttribute("name", name);
            model.addAttribute("settings", configs.view(name));
            model.addAttribute("errors", e.errors());
            return "streamhost/settings";
        }
    }
}
