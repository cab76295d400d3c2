package io.rigplane.streamhost.apollo;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.streamhost.ClientPresence;
import io.rigplane.streamhost.ConnectionOffer;
import io.rigplane.streamhost.ReadyStreamHost;
import io.rigplane.streamhost.StreamHostException;
import io.rigplane.streamhost.readiness.StreamHostPorts;
import io.rigplane.streamhost.settings.StreamHostConfigs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Connection offers and client presence through Apollo's config API. */
@Component
public class ClientAccess {

    private static final Logger log = LoggerFactory.getLogger(ClientAccess.class);
    /** Apollo keeps a one-time pairing code three minutes. */
    static final Duration PIN_VALIDITY = Duration.ofMinutes(3);
    private static final String PASSPHRASE_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StreamHostConfigs configs;
    private final ApolloConfigClient apollo;
    private final PairingRequests pairings;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, String> lastPresenceFailure = new ConcurrentHashMap<>();

    ClientAccess(StreamHostConfigs configs, ApolloConfigClient apollo, PairingRequests pairings, AuditTrail audit, Clock clock) {
        this.configs = configs;
        this.apollo = apollo;
        this.pairings = pairings;
        this.audit = audit;
        this.clock = clock;
    }

    public ConnectionOffer offer(String profile, ReadyStreamHost host, String clientName) {
        StreamHostConfigs.Effective settings = configs.effective(profile);
        Map<String, Integer> ports = StreamHostPorts.all(host.httpPort());
        if (settings.sunshine()) {
            return new ConnectionOffer(host.address(), host.httpPort(), ports, settings.app(), null, false, null, null,
                    "In Moonlight, add host " + host.authority() + " and pair it: enter the PIN Moonlight shows in"
                            + " Sunshine's web UI (https://" + webAuthority(host) + "/pin); then start \""
                            + settings.app() + "\".");
        }
        ApolloConfigClient.Host api = api(host, settings);
        Optional<JsonNode> client = ApolloClients.named(api.clients(), clientName);
        if (client.isPresent()) {
            if (!ApolloClients.canLaunch(client.get())) {
                grantIfPending(profile, api, client.get(), clientName);
            }
            return launchOffer(host, settings, api, ports);
        }
        String passphrase = passphrase();
        String pin = api.otp(passphrase, clientName);
        pairings.requested(profile, clientName);
        audit.record("streamhost.pairing-code", "profile:" + profile, AuditOutcome.SUCCESS,
                "one-time pairing code for client " + clientName);
        String link = "art://" + host.authority() + "?pin=" + pin + "&passphrase=" + encode(passphrase)
                + "&name=" + encode(host.hostName());
        return new ConnectionOffer(host.address(), host.httpPort(), ports, settings.app(), link, true, pin,
                clock.instant().plus(PIN_VALIDITY),
                "In Moonlight, add host " + host.authority() + "; when it shows a PIN, enter it in Apollo's web UI"
                        + " (https://" + webAuthority(host) + "/pin); then start \"" + settings.app() + "\".");
    }

    public Optional<ClientPresence> presence(String profile, ReadyStreamHost host, String clientName) {
        StreamHostConfigs.Effective settings = configs.effective(profile);
        if (settings.sunshine()) {
            return Optional.empty();
        }
        try {
            ApolloConfigClient.Host api = api(host, settings);
            List<JsonNode> clients = api.clients();
            Optional<JsonNode> client = ApolloClients.named(clients, clientName);
            boolean connected = ApolloClients.connected(clients, clientName);
            ClientPresence presence = client.map(c -> new ClientPresence(true, connected,
                    ApolloClients.granted(c) || grantIfPending(profile, api, c, clientName)))
                    .orElse(ClientPresence.NOT_PAIRED);
            if (lastPresenceFailure.remove(host.authority()) != null) {
                log.info("Apollo at {} answers again", host.authority());
            }
            return Optional.of(presence);
        } catch (StreamHostException e) {
            // the caller falls back to heartbeats; say so once per new reason, not on every poll
            if (!e.getMessage().equals(lastPresenceFailure.put(host.authority(), e.getMessage()))) {
                log.warn("Cannot ask Apollo whether client '{}' of profile {} streams: {}", clientName, profile,
                        e.getMessage());
            }
            return Optional.empty();
        }
    }

    /** Grants launch and input to a client that paired with a code Rigplane issued for it, once. */
    private boolean grantIfPending(String profile, ApolloConfigClient.Host api, JsonNode client, String clientName) {
        if (!pairings.awaitingGrant(profile, clientName)) {
            return false;
        }
        api.updateClient(ApolloClients.withLaunchAndInput(client));
        if (pairings.granted(profile, clientName)) {
            audit.record("streamhost.grant", "profile:" + profile, AuditOutcome.SUCCESS,
                    "launch and input for client " + clientName);
        }
        return true;
    }

    private ConnectionOffer launchOffer(ReadyStreamHost host, StreamHostConfigs.Effective settings, ApolloConfigClient.Host api,
            Map<String, Integer> ports) {
        JsonNode apps = api.apps();
        List<JsonNode> list = apps.path("apps").isArray() ? apps.path("apps").valueStream().toList() : List.of();
        JsonNode app = list.stream().filter(a -> a.path("name").asString("").equalsIgnoreCase(settings.app()))
                .findFirst().orElseThrow(() -> new StreamHostException("Apollo at " + host.authority()
                        + " has no app named \"" + settings.app() + "\" (it has: " + list.stream()
                        .map(a -> a.path("name").asString("?")).collect(Collectors.joining(", "))
                        + "); set the app in the profile's stream-host settings"));
        String hostUuid = host.uniqueId().isEmpty() ? apps.path("host_uuid").asString("") : host.uniqueId();
        String appName = app.path("name").asString();
        String link = "art://launch?host_uuid=" + encode(hostUuid) + "&host_name=" + encode(host.hostName())
                + "&app_uuid=" + encode(app.path("uuid").asString("")) + "&app_name=" + encode(appName);
        return new ConnectionOffer(host.address(), host.httpPort(), ports, appName, link, false, null, null,
                "In Moonlight, open host " + host.hostName() + " (" + host.authority() + ") and start \"" + appName
                        + "\".");
    }

    private ApolloConfigClient.Host api(ReadyStreamHost host, StreamHostConfigs.Effective settings) {
        ApolloCredentials login = settings.login().orElseThrow(() -> StreamHostException.loginMissing(
                "No Apollo login is configured for this profile: set username and password in its stream-host"
                        + " settings, or RIGPLANE_APOLLO_USERNAME and RIGPLANE_APOLLO_PASSWORD"));
        return apollo.at(host.address(), StreamHostPorts.web(host.httpPort()), login);
    }

    private static String webAuthority(ReadyStreamHost host) {
        return StreamHostPorts.authority(host.address(), StreamHostPorts.web(host.httpPort()));
    }

    private static String passphrase() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            s.append(PASSPHRASE_LETTERS.charAt(RANDOM.nextInt(PASSPHRASE_LETTERS.length())));
        }
        return s.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
