package io.rigplane.overview;

import io.rigplane.profile.ProfileCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class OverviewPage {

    private final ProfileCatalog profiles;

    OverviewPage(ProfileCatalog profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("profileCount", profiles.count());
        model.addAttribute("nodes", profiles.countByNode());
        return "overview/overview";
    }
}
