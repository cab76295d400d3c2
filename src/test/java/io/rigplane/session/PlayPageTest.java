package io.rigplane.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.session.web.PlayPage;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The play page and its QR images are open without a sign-in; bad QR input is a problem answer. */
@IntegrationTest
class PlayPageTest {

    @LocalServerPort
    int port;

    @Test
    void thePageNeedsNoSignIn() {
        Api.Reply page = Api.anonymous(port).get("/play");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"play-profile-buttons\"").contains("/js/play.js");
    }

    @Test
    void drawsAQrCodeOfAnArtemisLink() {
        String link = "art://192.168.1.50:47989?pin=1234&passphrase=abcd&name=gaming-pc";
        Api.Reply qr = Api.anonymous(port).get("/play/qr?data=" + URLEncoder.encode(link, StandardCharsets.UTF_8));
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.contentType()).startsWith("image/svg+xml");
        assertThat(qr.header("Cache-Control").orElse("")).contains("no-store");
        assertThat(qr.body()).startsWith("<svg").contains("<path");
    }

    @Test
    void refusesAMissingOrOverlongText() {
        for (String query : new String[] {"", "?data=", "?data=" + "a".repeat(PlayPage.MAX_QR_TEXT + 1)}) {
            Api.Reply qr = Api.anonymous(port).get("/play/qr" + query);
            assertThat(qr.status()).as(query).isEqualTo(400);
            assertThat(qr.contentType()).as(query).startsWith("application/problem+json");
        }
        Api.Reply longest = Api.anonymous(port).get("/play/qr?data="
                + URLEncoder.encode("€".repeat(PlayPage.MAX_QR_TEXT), StandardCharsets.UTF_8));
        assertThat(longest.status()).isEqualTo(200);
    }
}
