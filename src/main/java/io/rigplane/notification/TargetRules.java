package io.rigplane.notification;

import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a target must be; every broken rule is listed in one 400 answer. */
final class TargetRules {

    static final List<String> KINDS = List.of("webhook", "ntfy", "discord");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_+-]{1,40}");
    private static final int MAX_URL = 2000;
    private static final int MAX_SECRET = 512;
    private static final int MAX_TAGS = 10;

    private TargetRules() {
    }

    /**
     * The request as it will be stored, or {@link InvalidRequestException}. {@code hasSecret} says
     * whether the target keeps a stored secret when the request leaves it out (PUT).
     */
    static ValidTarget check(TargetRequest request, boolean creating, boolean hasSecret) {
        List<FieldError> errors = new ArrayList<>();
        String name = request.name();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "must be 1 to 64 letters, digits, spaces, '.', '_' or '-', "
                    + "starting with a letter or digit"));
        }
        String kind = request.kind();
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "must be one of " + String.join(", ", KINDS)));
        }
        String url = request.url();
        if (url == null || !httpUrl(url)) {
            errors.add(new FieldError("url", "must be an absolute http or https URL with a host, at most "
                    + MAX_URL + " characters"));
        }
        String secret = request.secret();
        if (secret != null && (secret.isEmpty() || secret.length() > MAX_SECRET || secret.isBlank())) {
            errors.add(new FieldError("secret", "must be 1 to " + MAX_SECRET + " characters, not only spaces"));
        }
        if ("webhook".equals(kind) && secret == null && (creating || !hasSecret)) {
            errors.add(new FieldError("secret", "a webhook needs a secret to sign its requests with"));
        }
        if ("discord".equals(kind) && secret != null) {
            errors.add(new FieldError("secret", "a Discord webhook takes no secret (its URL holds its token)"));
        }
        List<String> events = request.events() == null ? List.of() : request.events();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String event = events.get(i);
            if (event == null || !EventType.subscribable().contains(event)) {
                errors.add(new FieldError("events[" + i + "]", "must be one of "
                        + String.join(", ", EventType.subscribable())));
            } else if (!seen.add(event)) {
                errors.add(new FieldError("events[" + i + "]", "is listed twice"));
            }
        }
        Integer priority = request.priority();
        if (priority != null && (!"ntfy".equals(kind) || priority < 1 || priority > 5)) {
            errors.add(new FieldError("priority", "only for ntfy, from 1 (min) to 5 (max)"));
        }
        List<String> tags = request.tags() == null ? List.of() : request.tags();
        if (!tags.isEmpty() && !"ntfy".equals(kind)) {
            errors.add(new FieldError("tags", "only for ntfy"));
        } else if (tags.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "at most " + MAX_TAGS));
        } else {
            for (int i = 0; i < tags.size(); i++) {
                if (tags.get(i) == null || !TAG.matcher(tags.get(i)).matches()) {
                    errors.add(new FieldError("tags[" + i + "]", "must be 1 to 40 letters, digits, '_', '+' or '-'"));
                }
            }
        }
        if (creating && request.paused() != null) {
            errors.add(new FieldError("paused", "a new target starts active; pause it with PUT"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ValidTarget(name, kind, url, secret, List.copyOf(events), priority, List.copyOf(tags),
                request.paused());
    }

    private static boolean httpUrl(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
