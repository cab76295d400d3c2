package io.rigplane.proxmox;

import org.jspecify.annotations.Nullable;

/**
 * How to reach one Proxmox VE cluster: base URL ({@code https://host:8006}, without {@code /api2/json}),
 * API token id ({@code USER@REALM!TOKENID}) and secret, and the TLS trust: the SHA-256 fingerprint of
 * the server certificate ({@code AA:BB:…}) or a CA bundle in PEM. One of the two is required.
 */
public record ClusterConnection(String id, String url, String tokenId, String tokenSecret,
        @Nullable String fingerprint, @Nullable String caBundlePem) {

    public ClusterConnection {
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (url.endsWith("/api2/json")) {
            url = url.substring(0, url.length() - "/api2/json".length());
        }
    }

    /** From a token written as Proxmox shows it: {@code USER@REALM!TOKENID=SECRET}. */
    public static ClusterConnection of(String id, String url, String token, @Nullable String fingerprint,
            @Nullable String caBundlePem) {
        int bang = token.indexOf('!');
        int eq = token.indexOf('=', Math.max(bang, 0));
        if (bang < 1 || eq < bang + 2 || eq == token.length() - 1) {
            // never echo the token: it holds the secret
            throw new IllegalArgumentException("cluster '" + id + "': the token must look like USER@REALM!TOKENID=SECRET");
        }
        return new ClusterConnection(id, url, token.substring(0, eq), token.substring(eq + 1), fingerprint, caBundlePem);
    }

    @Override
    public String toString() {
        return "ClusterConnection[id=" + id + ", url=" + url + ", tokenId=" + tokenId + ", tokenSecret=***, fingerprint="
                + fingerprint + ", caBundlePem=" + (caBundlePem == null ? "null" : "(PEM)") + "]";
    }
}
