package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A tour of every dashboard page for looking at, not a test: the demo app (simulated Proxmox,
 * fresh database) with seeded data, six profiles with a running VM holding the GPU, a live and an
 * ended session, snapshots, drift, an adopted VM, a profile not created yet, devices and tokens,
 * photographed whole at 1440×900, 390×844 (a phone) and 1920×1080 (a TV), in the dark and the
 * light scheme, into {@code target/screenshots/tour/<scheme>/<size>/<page>.png}.
 *
 * <p>Its name does not end in Test, so the build never runs it; run it with
 * {@code ./mvnw test -Dtest=ScreenshotTour} (docs/dashboard.md). {@code -Dtour.pages=/usage,/x}
 * adds pages, {@code -Dtour.only=nodes,sessions} photographs only those.
 */
@IntegrationTest
class ScreenshotTour {

    private static final int[][] SIZES = {{1440, 900}, {390, 844}, {1920, 1080}};

    private static final int MAX_HEIGHT = 8000;

    @LocalServerPort
    int port;

    @Autowired
    ProfileCatalog catalog;

    @Autowired
    ProxmoxClusters clusters;

    Api api;

    Browser browser;

    @Test
    void photographEveryPage() throws IOException {
        api = Api.at(port);
        browser = Browser.shared(port);
        Map<String, String> pages = seed();
        Path root = Path.of("target", "screenshots", "tour");
        List<String> only = Arrays.stream(System.getProperty("tour.only", "").split(",")).filter(s -> !s.isBlank())
                .toList();
        int shots = 0;
        for (String scheme : List.of("dark", "light")) {
            browser.colorScheme(scheme);
            for (int[] size : SIZES) {
                Path folder = root.resolve(scheme).resolve(size[0] + "x" + size[1]);
                Files.createDirectories(folder);
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    if (!only.isEmpty() && !only.contains(page.getKey())) {
                        continue;
                    }
                    signedIn(!page.getKey().equals("login"));
                    browser.screen(size[0], size[1], size[0] < 600);
                    browser.go(page.getValue());
                    settle();
                    Files.write(folder.resolve(page.getKey() + ".png"), wholePage(size[0], size[1]));
                    shots++;
                }
            }
        }
        System.out.println("Screenshot tour: " + shots + " pages photographed into " + root.toAbsolutePath());
        assertThat(shots).isPositive();
    }

    /** The demo's data; returns each page to photograph by its file name. */
    private Map<String, String> seed() {
        // a first request or two warm a cold service up before anything waits on an answer
        for (int i = 0; i < 3; i++) {
            try {
                api.get("/api/v1/profiles");
            } catch (IllegalStateException cold) {
                // tried again
            }
        }
        // gaming-pc: the GPU profile, running, streamed to the living-room TV right now
        profile("gaming-pc", "srv02", "\"gpu\": \"rtx3070\", \"tags\": [\"gaming\"],");
        String tv = device("living-room-tv", "gaming-pc");
        String liveSession = api.post("/api/v1/sessions", "{\"profile\": \"gaming-pc\"}").json().get("id").asString();
        // workstation: stopped, with a policy and a few snapshots
        profile("workstation", "srv02", "\"tags\": [\"work\"],");
        api.put("/api/v1/profiles/workstation/snapshot-policy", """
                {"policies": [{"label": "daily", "cron": "0 3 * * *", "timeZone": "UTC", "keep": 7},
                              {"label": "weekly", "cron": "0 4 * * 0", "timeZone": "UTC", "keep": 4}]}""");
        for (String name : List.of("before-driver-update", "clean-install")) {
            await(api.post("/api/v1/profiles/workstation/snapshots", "{\"name\": \"" + name + "\"}"));
        }
        // media-box: changed on Proxmox behind Rigplane's back
        profile("media-box", "srv03", "");
        ProxmoxClient client = clusters.defaultClient();
        client.await(client.updateConfig("srv03", catalog.get("media-box").boundVmid(), Map.of("cores", "1"),
                List.of(), null), Duration.ofSeconds(30));
        assertThat(api.post("/api/v1/profiles/media-box/drift", null).json().get("drifted").asBoolean()).isTrue();
        // dev-box: started, streamed once, the session ended; then stopped again
        profile("dev-box", "srv03", "\"tags\": [\"work\"],");
        String ended = api.post("/api/v1/sessions", "{\"profile\": \"dev-box\"}").json().get("id").asString();
        awaitSession(ended);
        api.delete("/api/v1/sessions/" + ended);
        // gaming-100: the demo cluster's hand-made VM, adopted as it is
        api.post("/api/v1/profiles/adopt", "{\"node\": \"srv02\", \"vmid\": 100, \"name\": \"gaming-100\"}");
        // spare-pc: a profile whose VM is not created yet
        assertThat(api.post("/api/v1/profiles", body("spare-pc", "srv03", "")).status()).isEqualTo(201);
        device("office-laptop", "workstation", "dev-box");
        api.post("/api/v1/users", "{\"username\": \"olivia\", \"password\": \"operator-password-1\", \"role\": \"operator\"}");
        api.post("/api/v1/tokens", "{\"name\": \"backup-script\", \"scopes\": [\"profiles:read\"]}");
        awaitSession(liveSession);
        String operation = api.get("/api/v1/operations?target=gaming-pc&size=1").json().get("items").get(0)
                .get("id").asString();

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("login", "/login");
        pages.put("overview", "/");
        pages.put("profiles", "/profiles");
        pages.put("profile", "/profiles/gaming-pc");
        pages.put("profile-not-created", "/profiles/spare-pc");
        pages.put("profile-new", "/profiles/new");
        pages.put("profile-edit", "/profiles/gaming-pc/edit");
        pages.put("plan", "/profiles/gaming-pc/plan");
        pages.put("plan-drifted", "/profiles/media-box/plan");
        pages.put("power", "/profiles/gaming-pc/power");
        pages.put("stream-host", "/profiles/gaming-pc/stream-host");
        pages.put("snapshots", "/profiles/workstation/snapshots");
        pages.put("adopt", "/profiles/adopt");
        pages.put("operation", "/operations/" + operation);
        pages.put("platforms", "/platforms");
        pages.put("platform", "/platforms/windows-11-gaming");
        pages.put("platform-new", "/platforms/new");
        pages.put("nodes", "/nodes");
        pages.put("sessions", "/sessions");
        pages.put("session", "/sessions/" + liveSession);
        pages.put("session-ended", "/sessions/" + ended);
        pages.put("play", "/play#token=" + tv);
        pages.put("tokens", "/tokens");
        pages.put("devices", "/devices");
        pages.put("users", "/users");
        pages.put("audit", "/audit");
        pages.put("account", "/account");
        pages.put("not-found", "/no-such-page");
        for (String extra : System.getProperty("tour.pages", "").split(",")) {
            if (!extra.isBlank()) {
                pages.put(extra.strip().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", ""), extra.strip());
            }
        }
        return pages;
    }

    private boolean signedIn;

    private void signedIn(boolean wanted) {
        if (wanted == signedIn) {
            return;
        }
        browser.screen(1280, 900, false);
        if (wanted) {
            browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        } else {
            browser.driver().manage().deleteAllCookies();
        }
        signedIn = wanted;
    }

    /** Waits for live pages to draw what they fetch, and for fonts and layout to settle. */
    private void settle() {
        try {
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The whole page, not only the screen's first view, at the screen's width. */
    private byte[] wholePage(int width, int height) {
        long full = ((Number) browser.script("return Math.max(document.documentElement.scrollHeight, "
                + "document.body ? document.body.scrollHeight : 0)")).longValue();
        int pageHeight = (int) Math.min(Math.max(full, height), MAX_HEIGHT);
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", pageHeight, "scale", 1);
        Map<String, Object> shot = ((ChromiumDriver) browser.driver()).executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    private void profile(String name, String node, String extra) {
        Api.Reply created = api.post("/api/v1/profiles", body(name, node, extra));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id;
        try {
            Api.Reply accepted = api.post("/api/v1/profiles/" + name + "/apply", null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            id = accepted.json().get("id").asString();
        } catch (IllegalStateException slowMachine) {
            // the answer came too late on a busy machine, but the apply was accepted: follow it
            id = api.get("/api/v1/operations?target=" + name + "&size=1").json().get("items").get(0)
                    .get("id").asString();
        }
        JsonNode done = api.awaitOperation(id, Duration.ofSeconds(120));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
    }

    private static String body(String name, String node, String extra) {
        return """
                {"name": "%s", "node": "%s", "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 8192, %s
                 "description": "Seeded by the screenshot tour",
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64, "role": "system"}],
                 "shutdownTimeoutSeconds": 5}""".formatted(name, node, extra);
    }

    private String device(String name, String... profiles) {
        List<String> quoted = new ArrayList<>();
        for (String profile : profiles) {
            quoted.add('"' + profile + '"');
        }
        Api.Reply created = api.post("/api/v1/devices",
                "{\"name\": \"" + name + "\", \"profiles\": [" + String.join(", ", quoted) + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    private JsonNode await(Api.Reply accepted) {
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return api.awaitOperation(accepted.json().get("id").asString(), Duration.ofSeconds(120));
    }

    private void awaitSession(String id) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            String state = api.get("/api/v1/sessions/" + id).json().get("state").asString();
            if (List.of("READY", "ACTIVE", "FAILED", "ENDED").contains(state)) {
                return;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
