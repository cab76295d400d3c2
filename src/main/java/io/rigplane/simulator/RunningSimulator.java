package io.rigplane.simulator;

/**
 * Connection settings of the in-process demo simulator: base URL, certificate fingerprint to pin,
 * and the API token ({@code USER@REALM!TOKENID=SECRET}).
 */
public record RunningSimulator(String url, String fingerprint, String token) {

    @Override
    public String toString() {
        // the secret stays out of logs and toString
        return "RunningSimulator[url=" + url + ", fingerprint=" + fingerprint + ", token="
                + token.substring(0, token.indexOf('=')) + "=***]";
    }
}
