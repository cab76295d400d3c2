package io.rigplane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuestAndStreamHostTest extends SimulatorTestBase {

    private final HttpClient plain = HttpClient.newHttpClient();

    @Test
    void guestAgentAnswersOnlyAfterTheGuestBooted() {
        PveTestClient.Reply stopped = api.post(vmPath(100) + "/agent/ping");
        assertThat(stopped.message()).isEqualTo("VM 100 is not running\n");
        api.runTask(api.post(vmPath(100) + "/status/start"), "OK");
        PveTestClient.Reply early = api.post(vmPath(100) + "/agent/ping");
        assertThat(early.status()).isEqualTo(500);
        assertThat(early.message()).isEqualTo("QEMU guest agent is not running\n");

        PveTestClient.eventually(3000, "agent ping", () -> api.post(vmPath(100) + "/agent/ping").status() == 200);
        assertThat(api.post(vmPath(100) + "/agent/ping").dataMap()).containsEntry("result", Map.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ifaces = (List<Map<String, Object>>) api.get(vmPath(100) + "/agent/network-get-interfaces")
                .dataMap().get("result");
        Map<String, Object> eth = ifaces.get(1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> addrs = (List<Map<String, Object>>) eth.get("ip-addresses");
        assertThat(addrs).anySatisfy(a -> assertThat(a).containsEntry("ip-address-type", "ipv4")
                .hasEntrySatisfying("ip-address", ip -> assertThat((String) ip).startsWith("127.")));
        String net0 = (String) api.config("srv02", 100).get("net0");
        assertThat(net0.toLowerCase()).contains((String) eth.get("hardware-address"));
    }

    @Test
    void guestThatNeverBootsKeepsTheAgentSilent() {
        sim.faults().guestNeverReady(true);
        api.runTask(api.post(vmPath(100) + "/status/start"), "OK");
        PveTestClient.sleep(600);
        assertThat(api.post(vmPath(100) + "/agent/ping").status()).isEqualTo(500);
        assertThat(sim.streamHostAddress(100)).containsEntry("ready", false);
    }

    @Test
    void streamHostServesServerinfoAndTheApolloApi() throws Exception {
        api.runTask(api.post(vmPath(100) + "/status/start"), "OK");
        PveTestClient.eventually(3000, "stream host", () -> Boolean.TRUE.equals(sim.streamHostAddress(100).get("ready")));
        Map<String, Object> where = sim.streamHostAddress(100);
        String ip = (String) where.get("ip");
        int httpPort = (Integer) where.get("httpPort");
        int apiPort = (Integer) where.get("apiPort");
        assertThat(api.get("/simulator/vms/100/stream-host").body()).containsEntry("ip", ip);

        HttpResponse<String> info = plain.send(HttpRequest.newBuilder(URI.create("http://" + ip + ":" + httpPort + "/serverinfo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(info.statusCode()).isEqualTo(200);
        String xml = info.body();
        for (String field : List.of("hostname", "appversion", "GfeVersion", "uniqueid", "HttpsPort", "ExternalPort", "mac",
                "LocalIP", "ServerCodecModeSupport", "MaxLumaPixelsHEVC", "PairStatus", "currentgame", "state")) {
            assertThat(xml).contains("<" + field + ">");
        }
        assertThat(xml).contains("<PairStatus>0</PairStatus>", "<state>SUNSHINE_SERVER_FREE</state>",
                "<LocalIP>" + ip + "</LocalIP>", "<ExternalPort>" + httpPort + "</ExternalPort>");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        ApolloClient apollo = new ApolloClient(ip, apiPort);
        assertThat(apollo.call("GET", "/api/clients/list", null).statusCode()).isEqualTo(401);
        assertThat(apollo.login("admin", "wrong")).isEqualTo(401);
        assertThat(apollo.login("admin", "admin")).isEqualTo(200);
        String firstSession = apollo.cookie;

        Map<String, Object> client = sim.pairClient(100, "living-room");
        String uuid = (String) client.get("uuid");
        Map<String, Object> listed = apollo.json("GET", "/api/clients/list", null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> certs = (List<Map<String, Object>>) listed.get("named_certs");
        assertThat(certs).singleElement().satisfies(c -> assertThat(c).containsEntry("name", "living-room")
                .containsEntry("connected", false).containsEntry("perm", (int) ApolloState.PERM_DEFAULT));

        // a client without launch permission cannot start a stream
        assertThat(api.send("POST", "/simulator/vms/100/clients/" + uuid + "/connect", "", null).status()).isEqualTo(400);
        // update replaces every field: name must be sent again or it is lost
        apollo.json("POST", "/api/clients/update", Map.of("uuid", uuid, "perm", ApolloState.PERM_DEFAULT | ApolloState.PERM_LAUNCH));
        @SuppressWarnings("unchecked")
        Map<String, Object> updated = ((List<Map<String, Object>>) apollo.json("GET", "/api/clients/list", null)
                .get("named_certs")).get(0);
        assertThat(updated).containsEntry("name", "");
        sim.connectClient(100, uuid);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> afterConnect = (List<Map<String, Object>>) apollo.json("GET", "/api/clients/list", null)
                .get("named_certs");
        assertThat(afterConnect).singleElement().satisfies(c -> assertThat(c).containsEntry("connected", true));
        Map<String, Object> apps = apollo.json("GET", "/api/apps", null);
        assertThat((String) apps.get("current_app")).isNotEmpty();
        sim.disconnectClient(100, uuid);
        assertThat(apollo.json("GET", "/api/apps", null).get("current_app")).isEqualTo(apps.get("current_app"));

        Map<String, Object> otp = apollo.json("POST", "/api/otp", Map.of("passphrase", "secret", "deviceName", "tablet"));
        assertThat((String) otp.get("otp")).matches("\\d{4}");
        Map<String, Object> paired = sim.pairWithPin(100, (String) otp.get("otp"), "secret", "ignored");
        assertThat(paired).containsEntry("name", "tablet");

        // one session at a time: a new login logs the previous one out
        ApolloClient second = new ApolloClient(ip, apiPort);
        assertThat(second.login("admin", "admin")).isEqualTo(200);
        apollo.cookie = firstSession;
        assertThat(apollo.call("GET", "/api/apps", null).statusCode()).isEqualTo(401);

        api.runTask(api.post(vmPath(100) + "/status/stop"), "OK");
        assertThat(sim.streamHostAddress(100)).containsEntry("ready", false);
    }

    /** Apollo's HTTPS config API (self-signed), trusted by the stream hosts' fingerprint. */
    private final class ApolloClient {
        final String base;
        final HttpClient client;
        String cookie;

        ApolloClient(String ip, int port) throws Exception {
            this.base = "https://" + ip + ":" + port;
            javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) PveTestClient.trustAll().getSocketFactory().createSocket(ip, port);
            s.startHandshake();
            String fp = SelfSignedCertificate.fingerprint((java.security.cert.X509Certificate) s.getSession().getPeerCertificates()[0]);
            s.close();
            this.client = HttpClient.newBuilder().sslContext(PveTestClient.pinned(fp)).build();
        }

        int login(String user, String password) throws Exception {
            HttpResponse<String> r = call("POST", "/api/login", Map.of("username", user, "password", password));
            r.headers().firstValue("set-cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            return r.statusCode();
        }

        HttpResponse<String> call(String method, String path, Object body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)));
            b.header("Content-Type", "application/json");
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        Map<String, Object> json(String method, String path, Object body) throws Exception {
            HttpResponse<String> r = call(method, path, body);
            assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
            return Json.readObject(r.body());
        }
    }
}
