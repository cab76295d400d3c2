package io.rigplane.profile.platform;

import io.rigplane.system.FieldError;
import io.rigplane.system.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The platform cannot change as asked: it is built in, exists, or profiles and platforms rely on it. */
public class PlatformConflictException extends ProblemException {

    private final List<FieldError> errors;

    private PlatformConflictException(String kind, String title, String detail, List<FieldError> errors) {
        super(HttpStatus.CONFLICT, kind, title, detail);
        this.errors = List.copyOf(errors);
    }

    static PlatformConflictException builtIn(String id) {
        return new PlatformConflictException("platform-built-in", "Platform is built in",
                "Platform '" + id + "' is built into Rigplane and read-only; create a platform that extends it",
                List.of());
    }

    static PlatformConflictException exists(String id) {
        return new PlatformConflictException("platform-exists", "Platform exists",
                "A platform '" + id + "' exists already", List.of(new FieldError("id", "is taken")));
    }

    static PlatformConflictException inUse(String id, List<String> profiles, List<String> platforms) {
        List<FieldError> users = new java.util.ArrayList<>();
        profiles.forEach(profile -> users.add(new FieldError("profiles." + profile, "is on platform " + id)));
        platforms.forEach(platform -> users.add(new FieldError("platforms." + platform, "extends platform " + id)));
        return new PlatformConflictException("platform-in-use", "Platform in use", "Platform '" + id + "' is used by "
                + profiles.size() + " profile(s) and extended by " + platforms.size() + " platform(s); move them "
                + "off it first", users);
    }

    static PlatformConflictException breaks(String id, List<FieldError> broken) {
        return new PlatformConflictException("platform-in-use", "Change breaks profiles", "Changing platform '" + id
                + "' this way would break " + broken.size() + " rule(s) of profiles on it; change them first",
                broken);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    protected Map<String, Object> properties() {
        return errors.isEmpty() ? Map.of() : Map.of("errors", errors);
    }
}
