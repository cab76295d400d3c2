package io.rigplane.access.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.rigplane.system.DatabaseNotifications;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bearer tokens this replica verified lately, keyed by the hash of the secret (never the
 * secret), so that a request with a known token costs no database round trip.
 *
 * <p>What a cached verification rests on (the token's revocation and expiry, its scopes, its
 * owner's role and existence) is watched by database triggers that notify every replica on commit
 * ({@code V11_1}); a notification drops the entries it concerns at once. The token's expiry is
 * checked on every request. While this replica does not listen (starting, or its listening
 * connection lost) nothing is cached and every request asks the database; the cache is emptied
 * whenever the connection goes or comes back, since notifications may have been missed. An entry
 * lives {@link TokenCacheProperties#lifetime()} at most in any case.
 */
@Component
public class VerifiedTokens implements DatabaseNotifications.Listener {

    static final String CHANNEL = "rigplane_auth";
    private static final Logger log = LoggerFactory.getLogger(VerifiedTokens.class);

    private final List<BearerCredentials> kinds;
    private final Clock clock;
    private final Cache<String, BearerAuthentication> verified;
    /**
     * Counts the changes heard of; a verification read from the database is kept only when no
     * change was heard of while it was read, since the change may concern it.
     */
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean listening;

    VerifiedTokens(List<BearerCredentials> kinds, Clock clock, TokenCacheProperties properties,
            MeterRegistry meters) {
        this.kinds = List.copyOf(kinds);
        this.clock = clock;
        this.verified = Caffeine.newBuilder().expireAfterWrite(properties.lifetime())
                .maximumSize(properties.maxTokens()).recordStats().build();
        // hits and misses as cache_gets_total{cache="verified-tokens"}
        CaffeineCacheMetrics.monitor(meters, verified, "verified-tokens");
    }

    /** What the secret stands for, if it is a usable token of any kind. */
    public Optional<BearerAuthentication> authenticate(String secret) {
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        String hash = TokenSecrets.hash(secret);
        BearerAuthentication known = verified.getIfPresent(hash);
        if (known != null) {
            if (known.usableAt(clock.instant())) {
                return Optional.of(known);
            }
            verified.invalidate(hash);
            return Optional.empty();
        }
        long seen = changes.get();
        Optional<BearerAuthentication> found = lookUp(secret);
        found.ifPresent(authentication -> keep(hash, authentication, seen));
        return found;
    }

    private Optional<BearerAuthentication> lookUp(String secret) {
        for (BearerCredentials kind : kinds) {
            Optional<? extends BearerAuthentication> found = kind.authenticate(secret);
            if (found.isPresent()) {
                return Optional.of(found.get());
            }
        }
        return Optional.empty();
    }

    private void keep(String hash, BearerAuthentication authentication, long seen) {
        if (!listening || changes.get() != seen) {
            return;
        }
        verified.put(hash, authentication);
        // a change heard of between the check above and the put must not be outlived by the entry
        if (!listening || changes.get() != seen) {
            verified.invalidate(hash);
        }
    }

    /**
     * Drops what the change concerns from this replica's cache as soon as the caller's transaction
     * commits, so the replica that made it never answers the next request from the old state;
     * the other replicas hear of it from the database's notification.
     */
    public void forgetAfterCommit(String change) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    notified(change);
                }
            });
        } else {
            notified(change);
        }
    }

    /** The change of a token, as the database notifies it. */
    public static String tokenChange(String tokenHash) {
        return "token:" + tokenHash;
    }

    /** The change of a user, as the database notifies it. */
    public static String userChange(long userId) {
        return "user:" + userId;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void notified(String payload) {
        changes.incrementAndGet();
        if (payload.startsWith("token:")) {
            verified.invalidate(payload.substring("token:".length()));
        } else if (payload.startsWith("user:") && userId(payload) != null) {
            long user = userId(payload);
            verified.asMap().values().removeIf(authentication -> authentication.ownedBy(user));
        } else {
            log.warn("Unknown change of access '{}': forgetting every verified token", payload);
            verified.invalidateAll();
        }
    }

    @Override
    public void listening(boolean listening) {
        changes.incrementAndGet();
        this.listening = listening;
        verified.invalidateAll();
    }

    /** Whether verified tokens are kept now: only while the replica hears of every change. */
    public boolean caching() {
        return listening;
    }

    private static @Nullable Long userId(String payload) {
        try {
            return Long.valueOf(payload.substring("user:".length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
