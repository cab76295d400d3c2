package io.rigplane.access.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a replica trusts a token it verified without asking the database again, and how
 * often it writes down when tokens were last used.
 *
 * @param lifetime the longest a verified token is kept; a change another replica makes reaches
 *     this one at once by notification, and this bounds anything a lost notification could leave
 * @param maxTokens how many verified tokens a replica keeps at most
 * @param lastUseFlush how often the uses marked in memory are written, in one statement per kind
 */
@ConfigurationProperties("rigplane.tokens")
public record TokenCacheProperties(@DefaultValue("30s") Duration lifetime, @DefaultValue("10000") int maxTokens,
        @DefaultValue("15s") Duration lastUseFlush) {
}
