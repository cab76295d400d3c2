package io.rigplane.streamhost.readiness;

import io.rigplane.streamhost.ReadyStreamHost;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the few fields Rigplane needs from a GameStream {@code /serverinfo} answer. Real hosts send
 * quirky XML (a UTF-16 declaration on a UTF-8 body, trailing spaces, empty elements), so this looks
 * for the elements themselves instead of demanding a well-formed document.
 */
final class ServerInfo {

    private ServerInfo() {
    }

    static ReadyStreamHost parse(String address, int httpPort, String xml) {
        String hostName = element(xml, "hostname").filter(h -> !h.isBlank()).orElse(address);
        return new ReadyStreamHost(address, httpPort, hostName, element(xml, "uniqueid").orElse(""),
                element(xml, "appversion").orElse(null), element(xml, "mac").orElse(null));
    }

    static Optional<String> element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + "(?:\\s*/>|>([^<]*)</" + name + ">)").matcher(xml);
        if (!m.find()) {
            return Optional.empty();
        }
        @Nullable String text = m.group(1);
        return Optional.of(text == null ? "" : unescape(text).trim());
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
