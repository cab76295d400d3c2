package io.rigplane.session.signin;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.CurrentActor;
import io.rigplane.access.DeviceTokens;
import io.rigplane.access.RateLimits;
import io.rigplane.session.device.DeviceRegistry;
import io.rigplane.session.device.DeviceView;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Device Authorization Grant (RFC 8628) for thin clients. A TV asks for codes (anonymous,
 * limited per address), an admin approves the user code with a name and profiles (which registers
 * the device) or denies it, and the TV polls with its device code until it gets the device's
 * token, exactly once. The token is made at that exchange, so no secret waits in the database.
 */
@Service
public class DeviceAuthorizations {

    /** RFC 8628 §3.5: each slow_down adds this to the interval. */
    static final int SLOW_DOWN_STEP = 5;
    /** A poll this much early still counts as on time: replicas' clocks differ a little. */
    private static final Duration POLL_TOLERANCE = Duration.ofMillis(500);
    /** An approval leaves the TV at least this long to collect its token. */
    private static final Duration COLLECT_AT_LEAST = Duration.ofMinutes(1);
    private static final int MAX_DEVICE_CODE = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignInRequestStore store;
    private final DeviceRegistry registry;
    private final DeviceTokens tokens;
    private final RateLimits limits;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final DeviceFlowProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DeviceAuthorizations(SignInRequestStore store, DeviceRegistry registry, DeviceTokens tokens, RateLimits limits,
            AuditTrail audit, CurrentActor actor, DeviceFlowProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.tokens = tokens;
        this.limits = limits;
        this.audit = audit;
        this.actor = actor;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What the TV shows and keeps: the codes, how long they live and how often to ask. */
    public record Codes(String deviceCode, String userCode, Duration expiresIn, int interval) {
    }

    /** A pending request as the approving admin sees it. */
    public record Pending(String userCode, Instant requestedAt, @Nullable String requestedFrom, Instant expiresAt) {
    }

    /** Starts a TV's sign-in; 429 when the address asked too often. */
    public Codes start(String source) {
        limits.take("device-authorization", source, properties.maxRequests(), properties.requestWindow());
        Instant now = clock.instant();
        int interval = (int) Math.max(1, properties.interval().toSeconds());
        for (int attempt = 0; ; attempt++) {
            String deviceCode = newDeviceCode();
            UserCode userCode = UserCode.random();
            try {
                store.insert(UUID.randomUUID(), hash(deviceCode), hash(userCode.value()), now, source,
                        now.plus(properties.lifetime()), interval);
                return new Codes(deviceCode, userCode.display(), properties.lifetime(), interval);
            } catch (DuplicateKeyException taken) {
                // a user code another TV holds right now: draw again
                if (attempt == 5) {
                    throw taken;
                }
            }
        }
    }

    /** The pending request with this user code, for the admin to check before approving. */
    public Optional<Pending> pending(String typedUserCode) {
        Optional<UserCode> code = UserCode.parse(typedUserCode);
        Instant now = clock.instant();
        return code.flatMap(c -> store.findByUserCode(hash(c.value())))
                .filter(request -> request.state() == SignInRequest.State.PENDING && !request.expired(now))
                .map(request -> new Pending(code.get().display(), request.requestedAt(), request.requestedFrom(),
                        request.expiresAt()));
    }

    /** Approves the code: registers the device with its name and profiles; the TV collects the token. */
    public DeviceView approve(@Nullable String typedUserCode, @Nullable String name, @Nullable List<String> profiles) {
        Actor by = actor.get();
        DecidedRequest decided = transaction.execute(status -> {
            SignInRequest request = pendingOrRefused(typedUserCode);
            DeviceView device = registry.createWithoutToken(name, profiles, "signed in with a code by " + by.name());
            Instant now = clock.instant();
            Instant collectBy = request.expiresAt().isBefore(now.plus(COLLECT_AT_LEAST)) ? now.plus(COLLECT_AT_LEAST)
                    : request.expiresAt();
            store.decided(request.id(), SignInRequest.State.APPROVED, now, by.name(), device.id(), device.name(),
                    collectBy);
            return new DecidedRequest(request, device);
        });
        audit.record(by, "device-authorization.approve", "device:" + decided.device().name(), AuditOutcome.SUCCESS,
                "code requested from " + decided.request().requestedFrom() + "; profiles "
                        + String.join(" ", decided.device().profiles()));
        return decided.device();
    }

    /** Denies the code: the TV's next poll gets access_denied. */
    public void deny(@Nullable String typedUserCode) {
        Actor by = actor.get();
        SignInRequest denied = transaction.execute(status -> {
            SignInRequest request = pendingOrRefused(typedUserCode);
            store.decided(request.id(), SignInRequest.State.DENIED, clock.instant(), by.name(), null, null,
                    request.expiresAt());
            return request;
        });
        audit.record(by, "device-authorization.deny", "device-authorization:" + denied.id(), AuditOutcome.SUCCESS,
                "code requested from " + denied.requestedFrom());
    }

    /**
     * The TV's poll: the device token once approved (exactly once), otherwise the RFC 8628 error
     * that tells it what to do. Unknown codes count against the address like bad tokens.
     */
    public String exchange(@Nullable String deviceCode, String source) {
        if (deviceCode == null || deviceCode.isBlank()) {
            throw DeviceFlowError.missing();
        }
        if (deviceCode.length() > MAX_DEVICE_CODE) {
            limits.take("device-token-unknown", source, properties.maxRequests(), properties.requestWindow());
            throw DeviceFlowError.unknown();
        }
        Exchange outcome = transaction.execute(status -> exchangeLocked(hash(deviceCode)));
        if (outcome.unknown()) {
            limits.take("device-token-unknown", source, properties.maxRequests(), properties.requestWindow());
        }
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.token();
    }

    private Exchange exchangeLocked(String deviceCodeHash) {
        Optional<SignInRequest> found = store.lockByDeviceCode(deviceCodeHash);
        if (found.isEmpty()) {
            return Exchange.failed(DeviceFlowError.unknown(), true);
        }
        SignInRequest request = found.get();
        Instant now = clock.instant();
        if (request.state() == SignInRequest.State.REDEEMED) {
            return Exchange.failed(DeviceFlowError.unknown(), false);
        }
        if (request.expired(now)) {
            return Exchange.failed(DeviceFlowError.expired(), false);
        }
        if (request.state() == SignInRequest.State.DENIED) {
            return Exchange.failed(DeviceFlowError.denied(), false);
        }
        if (request.state() == SignInRequest.State.PENDING) {
            int interval = request.intervalSeconds();
            boolean early = request.lastPolledAt() != null && now.isBefore(request.lastPolledAt()
                    .plusSeconds(interval).minus(POLL_TOLERANCE));
            if (early) {
                interval += SLOW_DOWN_STEP;
            }
            store.polled(request.id(), now, interval);
            return Exchange.failed(early ? DeviceFlowError.slowDown(interval) : DeviceFlowError.pending(), false);
        }
        UUID deviceId = request.deviceId();
        if (deviceId == null || registry.get(deviceId).revokedAt() != null || !store.redeem(request.id())) {
            // revoked between approval and collection: this TV is not to be signed in
            return Exchange.failed(DeviceFlowError.denied(), false);
        }
        return new Exchange(tokens.issue(deviceId, request.deviceName()), null, false);
    }

    /** Approved requests whose TV never collected its token: their devices are revoked, not left lying around. */
    public void removeStale() {
        Instant now = clock.instant();
        List<UUID> uncollected = transaction.execute(status -> store.removeUncollected(now));
        for (UUID device : uncollected) {
            if (device != null) {
                registry.revoke(device);
            }
        }
        store.removeExpiredBefore(now.minus(Duration.ofHours(1)));
    }

    private SignInRequest pendingOrRefused(@Nullable String typedUserCode) {
        Optional<UserCode> code = UserCode.parse(typedUserCode == null ? "" : typedUserCode);
        if (code.isEmpty()) {
            throw invalidCode("must be the 8 letters the TV shows, such as BDFG-HJKL");
        }
        SignInRequest request = store.lockByUserCode(hash(code.get().value()))
                .orElseThrow(() -> invalidCode("no TV shows this code; check it, or let the TV show a new one"));
        if (request.state() != SignInRequest.State.PENDING) {
            throw invalidCode("this code was " + (request.state() == SignInRequest.State.DENIED ? "denied" : "approved")
                    + " already");
        }
        if (request.expired(clock.instant())) {
            throw invalidCode("this code expired; let the TV show a new one");
        }
        return request;
    }

    private static InvalidRequestException invalidCode(String message) {
        return new InvalidRequestException(List.of(new FieldError("userCode", message)));
    }

    private static String newDeviceCode() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private record DecidedRequest(SignInRequest request, DeviceView device) {
    }

    private record Exchange(@Nullable String token, @Nullable DeviceFlowError error, boolean unknown) {
        static Exchange failed(DeviceFlowError error, boolean unknown) {
            return new Exchange(null, error, unknown);
        }
    }
}
