package io.rigplane.access;

/** Who caused an action: a user, a script token, a thin-client device, a schedule, or the system. */
public record Actor(Type type, String name) {

    public enum Type { USER, TOKEN, DEVICE, SCHEDULE, WOL, SYSTEM }

    public static Actor system() {
        return new Actor(Type.SYSTEM, "rigplane");
    }

    public static Actor schedule(String name) {
        return new Actor(Type.SCHEDULE, name);
    }
}
