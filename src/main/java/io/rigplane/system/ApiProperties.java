package io.rigplane.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits of the REST API. */
@ConfigurationProperties("rigplane.api")
record ApiProperties(long maxRequestBytes) {
}
