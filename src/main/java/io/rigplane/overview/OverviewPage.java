package io.rigplane.overview;

import io.rigplane.system.DashboardPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The overview, and its live part on its own for the page to fetch again every few seconds (as the
 * power panel does); without JavaScript the page reloads itself now and then.
 */
@Controller
class OverviewPage implements DashboardPage {

    static final int REFRESH_SECONDS = 30;

    private final Fleet fleet;

    OverviewPage(Fleet fleet) {
        this.fleet = fleet;
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("fleet", fleet.read());
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        return "overview/overview";
    }

    @GetMapping("/overview/live")
    String live(Model model) {
        model.addAttribute("fleet", fleet.read());
        return "overview/overview :: live";
    }
}
