package io.rigplane.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /** Pages seen by someone other than the admin: signed out, or an operator where only admins may go. */
    private static final Map<String, String> USERS = Map.of("login", "", "play-code", "", "forbidden", "olivia");

    /** States reached by using a page rather than by its address. */
    private static final List<String> STATES = List.of("play-signin", "play-starting", "play-ready", "device-new");

    private static final String OPERATOR_PASSWORD = "operator-password-1";

    private String laptopToken;

    @LocalServerPort
    int port;

    @Autowired
    ProfileCatalog catalog;

    @Autowired
    ProxmoxClusters clusters;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    JdbcClient jdbc;

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
                    signedIn(USERS.getOrDefault(page.getKey(), "admin"));
                    browser.screen(size[0], size[1], size[0] < 600);
                    browser.go(path(page.getValue()));
                    settle();
                    Files.write(folder.resolve(page.getKey() + ".png"), wholePage(size[0], size[1]));
                    shots++;
                }
            }
        }
        // the states a page reaches by being used, photographed at each size without a reload
        for (String scheme : List.of("dark", "light")) {
            browser.colorScheme(scheme);
            for (String state : STATES) {
                if (!only.isEmpty() && !only.contains(state)) {
                    continue;
                }
                reach(state, scheme);
                for (int[] size : SIZES) {
                    Path folder = root.resolve(scheme).resolve(size[0] + "x" + size[1]);
                    Files.createDirectories(folder);
                    browser.screen(size[0], size[1], size[0] < 600);
                    settle();
                    Files.write(folder.resolve(state + ".png"), wholePage(size[0], size[1]));
                    shots++;
                }
                leave(state);
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
        laptopToken = device("office-laptop", "workstation", "dev-box");
        api.post("/api/v1/users", "{\"username\": \"olivia\", \"password\": \"" + OPERATOR_PASSWORD
                + "\", \"role\": \"operator\"}");
        api.post("/api/v1/tokens", "{\"name\": \"backup-script\", \"scopes\": [\"profiles:read\"]}");
        history();
        api.put("/api/v1/profiles/gaming-pc/prewarm", "{\"mode\": \"suggest\"}");
        api.post("/api/v1/notifications/targets", """
                {"name": "ops-webhook", "kind": "webhook", "url": "http://127.0.0.1:9/rigplane", "secret": "tour-secret"}""");
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
        pages.put("operations", "/operations");
        pages.put("prewarm", "/profiles/gaming-pc/prewarm");
        pages.put("usage", "/usage");
        pages.put("notifications", "/notifications");
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
        pages.put("devices-approve", "/devices/approve");
        pages.put("devices-approve-code", "/devices/approve?code={code}");
        pages.put("users", "/users");
        pages.put("audit", "/audit");
        pages.put("account", "/account");
        pages.put("not-found", "/no-such-page");
        pages.put("profile-not-found", "/profiles/does-not-exist");
        pages.put("forbidden", "/users");
        for (String extra : System.getProperty("tour.pages", "").split(",")) {
            if (!extra.isBlank()) {
                pages.put(extra.strip().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", ""), extra.strip());
            }
        }
        return pages;
    }

    private String signedIn = "";

    /** Signs in as this user ("" signs out), unless already so. */
    private void signedIn(String user) {
        if (user.equals(signedIn)) {
            return;
        }
        browser.screen(1280, 900, false);
        browser.driver().manage().deleteAllCookies();
        if (!user.isEmpty()) {
            browser.signIn(user, user.equals("admin") ? IntegrationTest.ADMIN_PASSWORD : OPERATOR_PASSWORD);
        }
        signedIn = user;
    }

    /** A page's address; {code} becomes a code a TV is showing right now, for the approval form. */
    private String path(String path) {
        if (!path.contains("{code}")) {
            return path;
        }
        String code = api.post("/api/v1/device-authorization", null).json().get("user_code").asString();
        return path.replace("{code}", code);
    }

    /** Brings the browser into a state by using the page as a person would. */
    private void reach(String state, String scheme) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(90));
        browser.screen(1440, 900, false);
        switch (state) {
            case "play-signin" -> {
                signedIn("");
                browser.go("/play");
                browser.script("localStorage.clear()");
                browser.go("/play");
                wait.until(d -> !browser.find("#play-user-code").getText().contains("·"));
                wait.until(d -> ((Number) browser.script(
                        "return document.getElementById('play-code-qr').naturalWidth")).intValue() > 0);
            }
            case "play-starting" -> {
                // the stream host never answers, so the start stays on its last step with the clock running
                Api.Reply saved = api.put("/api/v1/profiles/workstation/session-settings",
                        "{\"streamHostTimeoutSeconds\": 600, \"graceSeconds\": 0}");
                assertThat(saved.status()).as(saved.body()).isEqualTo(200);
                simulator.faults().streamHostNeverReady(true);
                startOnTheLaptop(wait);
                wait.until(d -> browser.find("#play-progress-step").getText().equals("Waiting for the stream host"));
                sleepQuietly(3000);
            }
            case "play-ready" -> {
                startOnTheLaptop(wait);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("play-ready")));
                wait.until(d -> ((Number) browser.script(
                        "return document.getElementById('play-qr').naturalWidth")).intValue() > 0);
            }
            case "device-new" -> {
                signedIn("admin");
                browser.go("/devices");
                browser.type("#new-device-form input[name=name]", "kitchen-tablet-" + scheme);
                browser.find("#new-device-form input[value=gaming-pc]").click();
                browser.submit("#new-device-form button[type=submit]");
                browser.find("#new-device .qr-code svg");
            }
            default -> throw new IllegalArgumentException(state);
        }
    }

    private void leave(String state) {
        if (state.equals("play-starting") || state.equals("play-ready")) {
            for (JsonNode session : api.get("/api/v1/sessions?profile=workstation").json()) {
                if (!List.of("ENDED", "FAILED").contains(session.get("state").asString())) {
                    api.delete("/api/v1/sessions/" + session.get("id").asString());
                    awaitSessionEnd(session.get("id").asString());
                }
            }
            simulator.faults().clear();
        }
        browser.driver().get("about:blank");
    }

    private void startOnTheLaptop(WebDriverWait wait) {
        signedIn("");
        browser.go("/play");
        browser.script("localStorage.clear()");
        browser.go("/play#token=" + laptopToken);
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#play-profile-buttons button[data-profile=workstation]"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("play-session")));
    }

    private void awaitSessionEnd(String id) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until
                && !List.of("ENDED", "FAILED").contains(api.get("/api/v1/sessions/" + id).json().get("state").asString())) {
            sleepQuietly(300);
        }
    }

    /**
     * Three weeks of recorded use, so that the usage chart and the learned pre-warm habit have
     * something to show: gaming-pc on weekday evenings (streamed, then stopped by idle stop),
     * workstation on working days (on all day, streamed in the morning).
     */
    private void history() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int back = 21; back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            DayOfWeek weekday = day.getDayOfWeek();
            boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
            if (!weekend || back % 2 == 0) {
                operation("power-start", "gaming-pc", "USER", "admin", at(day, "18:00"));
                pastSession("gaming-pc", "living-room-tv", at(day, "18:02"), at(day, weekend ? "23:30" : "21:15"));
                operation("power-shutdown", "gaming-pc", "SCHEDULE", "session idle stop",
                        at(day, weekend ? "23:50" : "21:40"));
            }
            if (!weekend) {
                operation("power-start", "workstation", "USER", "admin", at(day, "08:30"));
                pastSession("workstation", "office-laptop", at(day, "08:35"), at(day, "12:00"));
                operation("power-shutdown", "workstation", "USER", "admin", at(day, "17:30"));
            }
        }
    }

    private static Instant at(LocalDate day, String time) {
        return Instant.parse(day + "T" + time + ":00Z");
    }

    private void operation(String kind, String target, String actorType, String actor, Instant finished) {
        jdbc.sql("""
                insert into operation (id, kind, target, params, state, actor_type, actor_name, summary, attempts,
                                       created_at, started_at, finished_at, updated_at)
                values (:id, :kind, :target, '{}', 'SUCCEEDED', :actorType, :actor, 'done', 1, :finished, :finished,
                        :finished, :finished)""")
                .param("id", UUID.randomUUID()).param("kind", kind).param("target", target)
                .param("actorType", actorType).param("actor", actor).param("finished", Timestamp.from(finished))
                .update();
    }

    private void pastSession(String profile, String client, Instant ready, Instant lastActivity) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into stream_session (id, profile, device_name, actor_type, actor_name, client_name, state,
                                            created_at, ready_at, ended_at, last_activity_at, reason)
                values (:id, :profile, :client, 'DEVICE', :client, :client, 'ENDED', :created, :ready, :ended, :last,
                        'ended by the client')""")
                .param("id", id).param("profile", profile).param("client", client)
                .param("created", Timestamp.from(ready.minusSeconds(48))).param("ready", Timestamp.from(ready))
                .param("ended", Timestamp.from(lastActivity.plusSeconds(900))).param("last", Timestamp.from(lastActivity))
                .update();
        jdbc.sql("insert into stream_session_transition (session_id, state, at) values (:id, 'ACTIVE', :at)")
                .param("id", id).param("at", Timestamp.from(ready.plusSeconds(20))).update();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
