package io.rigplane.proxmox;

import java.time.Instant;

/**
 * A Proxmox task id: {@code UPID:{node}:{pid}:{pstart}:{starttime}:{type}:{id}:{user}:}, all numbers in hex.
 * The node in it is where the task runs, so its status is asked there.
 */
public record Upid(String value, String node, String type, String id, String user, Instant startTime) {

    public static Upid parse(String value) {
        String[] p = value.trim().split(":", -1);
        // 9 parts with the trailing colon; the user (root@pam!token) contains no colon
        if (p.length < 9 || !p[0].equals("UPID") || p[1].isEmpty()) {
            throw new IllegalArgumentException("not a UPID: " + value);
        }
        try {
            Long.parseLong(p[2], 16);
            Long.parseLong(p[3], 16);
            Instant start = Instant.ofEpochSecond(Long.parseLong(p[4], 16));
            return new Upid(value.trim(), p[1], p[5], p[6], p[7], start);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a UPID (hex fields): " + value, e);
        }
    }

    /** The VMID the task acts on, when its id is one. */
    public java.util.OptionalInt vmid() {
        return id.matches("\\d+") ? java.util.OptionalInt.of(Integer.parseInt(id)) : java.util.OptionalInt.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
