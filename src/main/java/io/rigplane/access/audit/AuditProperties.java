package io.rigplane.access.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long the audit log keeps an event ({@code rigplane.audit.retention}, default 365 days). */
@ConfigurationProperties("rigplane.audit")
public record AuditProperties(@DefaultValue("365d") Duration retention) {
}
