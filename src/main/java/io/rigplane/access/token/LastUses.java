package io.rigplane.access.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When tokens were last used, to the minute, written off the request path: a request only marks
 * its token in memory (once a minute per token at most), and a schedule writes every mark in one
 * statement per table. Marks still pending are written when the replica shuts down.
 */
@Component
public class LastUses {

    private static final Logger log = LoggerFactory.getLogger(LastUses.class);
    static final Duration PRECISION = Duration.ofMinutes(1);
    private static final int ROWS_PER_STATEMENT = 500;

    /** The tables with a {@code last_used_at} column. */
    public enum Table {
        API_TOKEN("api_token"), DEVICE_TOKEN("device_token");

        private final String name;

        Table(String name) {
            this.name = name;
        }
    }

    public record Token(Table table, long id) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Cache<Token, Boolean> markedRecently;
    private final Map<Token, Instant> pending = new ConcurrentHashMap<>();

    LastUses(JdbcTemplate jdbc, Clock clock, TokenCacheProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.markedRecently = Caffeine.newBuilder().expireAfterWrite(PRECISION)
                .maximumSize(properties.maxTokens() * 10L).build();
    }

    /** The token was used just now; costs no database call. */
    public void mark(Token token) {
        if (markedRecently.asMap().putIfAbsent(token, Boolean.TRUE) == null) {
            pending.put(token, clock.instant());
        }
    }

    /** Writes every pending mark; one statement per table (and per 500 tokens). */
    @Scheduled(fixedDelayString = "${rigplane.tokens.last-use-flush:15s}",
            initialDelayString = "${rigplane.tokens.last-use-flush:15s}")
    public void flush() {
        for (Table table : Table.values()) {
            List<Map.Entry<Token, Instant>> taken = new ArrayList<>();
            for (Map.Entry<Token, Instant> entry : pending.entrySet()) {
                if (entry.getKey().table() == table && pending.remove(entry.getKey(), entry.getValue())) {
                    taken.add(entry);
                }
            }
            for (int from = 0; from < taken.size(); from += ROWS_PER_STATEMENT) {
                List<Map.Entry<Token, Instant>> chunk = taken.subList(from, Math.min(taken.size(), from + ROWS_PER_STATEMENT));
                try {
                    write(table, chunk);
                } catch (RuntimeException e) {
                    // kept for the next flush, unless a newer mark came in meanwhile
                    chunk.forEach(entry -> pending.putIfAbsent(entry.getKey(), entry.getValue()));
                    log.warn("Could not record the last use of {} tokens, trying again later: {}", chunk.size(),
                            e.toString());
                }
            }
        }
    }

    @PreDestroy
    void flushAtShutdown() {
        flush();
    }

    private void write(Table table, List<Map.Entry<Token, Instant>> chunk) {
        StringBuilder values = new StringBuilder();
        List<Object> arguments = new ArrayList<>();
        for (Map.Entry<Token, Instant> entry : chunk) {
            values.append(values.isEmpty() ? "" : ", ").append("(cast(? as bigint), cast(? as timestamptz))");
            arguments.add(entry.getKey().id());
            arguments.add(Timestamp.from(entry.getValue()));
        }
        // never moves a time back: another replica may have written a later use of the same token
        jdbc.update("update " + table.name + " t set last_used_at = used.at from (values " + values
                + ") as used (id, at) where t.id = used.id and (t.last_used_at is null or t.last_used_at < used.at)",
                arguments.toArray());
    }
}
