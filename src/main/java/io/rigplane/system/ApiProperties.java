package io.rigplane.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the REST API: request bodies, and the larger documents some endpoints import whole
 * (a {@code terraform show -json} of a project with many resources runs to megabytes).
 */
@ConfigurationProperties("rigplane.api")
record ApiProperties(long maxRequestBytes, @DefaultValue("8388608") long maxDocumentBytes) {

    /** Endpoints that take whole documents, by path prefix. */
    static final String DOCUMENT_IMPORTS = "/api/v1/profiles/import/";
}
