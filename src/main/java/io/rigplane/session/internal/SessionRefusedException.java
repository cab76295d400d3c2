package io.rigplane.session.internal;

import io.rigplane.system.ProblemException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** A session that cannot be opened now: the profile is in use and refuses a second one, or its GPU is busy. */
class SessionRefusedException extends ProblemException {

    private final Map<String, Object> properties;

    private SessionRefusedException(String kind, String title, String detail, Map<String, Object> properties) {
        super(HttpStatus.CONFLICT, kind, title, detail);
        this.properties = properties;
    }

    static SessionRefusedException profileInUse(String profile, SessionRow holder) {
        return new SessionRefusedException("session-conflict", "Profile in use",
                "Profile '" + profile + "' is in use by " + who(holder) + " since " + holder.createdAt()
                        + ", and its session settings allow one session at a time",
                Map.of("session", holder.id(), "holder", who(holder)));
    }

    static SessionRefusedException gpuBusy(String profile, @Nullable String gpu, SessionRow holder) {
        return new SessionRefusedException("gpu-busy", "GPU in use",
                "The GPU of profile '" + profile + "'" + (gpu == null ? "" : " (" + gpu + ")") + " is in use by "
                        + who(holder) + "'s session on profile '" + holder.profile() + "'",
                Map.of("holder", holder.profile(), "session", holder.id(), "by", who(holder)));
    }

    static String who(SessionRow session) {
        return session.deviceName() != null ? session.deviceName() : session.actorName();
    }

    @Override
    protected Map<String, Object> properties() {
        return properties;
    }
}
