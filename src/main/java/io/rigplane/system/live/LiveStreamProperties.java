package io.rigplane.system.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the live streams, per replica and kind of stream.
 *
 * @param heartbeat a stream with nothing to say for this long gets a comment line, so proxies keep
 *     it open and a client that went away is noticed
 * @param maxSubscribers streams open at once; one more is answered 503 with {@code Retry-After}
 */
@ConfigurationProperties("rigplane.live-streams")
public record LiveStreamProperties(@DefaultValue("15s") Duration heartbeat, @DefaultValue("1000") int maxSubscribers) {
}
