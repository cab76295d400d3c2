package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ProxmoxAgentException;
import io.rigplane.proxmox.ProxmoxConfigChangedException;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.proxmox.ProxmoxLockedException;
import io.rigplane.proxmox.ProxmoxNotFoundException;
import io.rigplane.proxmox.ProxmoxRootOnlyException;
import io.rigplane.proxmox.ProxmoxUnavailableException;
import io.rigplane.system.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Maps an error answer of Proxmox to a specific exception. The text comes from the body's
 * {@code message} (PVE since 2025) or the reason phrase; the JDK HTTP client does not expose reason
 * phrases, so with older servers only the status and the {@code errors} map are known.
 */
public final class ProxmoxErrors {

    private static final Pattern VM_LOCKED = Pattern.compile("VM is locked \\(([^)]+)\\)");
    private static final Pattern VM_NOT_RUNNING = Pattern.compile("VM \\d+ (is )?not running");
    /** The VM a call is about: qemu-server checks a VM's lock before it starts a task, so the call itself is refused. */
    private static final Pattern VM_CALL = Pattern.compile(" /nodes/([^/\\s]+)/qemu/(\\d+)(?:/|$)");
    private static final Pattern FILE_LOCK = Pattern.compile("can't lock file '([^']*)' - got timeout");
    /** qemu-server's refusals of a key or device to anyone but root@pam (an API token included). */
    private static final Pattern ROOT_ONLY = Pattern.compile("only root can (?:set|delete) '([^']+)' config");
    /** qemu-server ("checksum mismatch") and pve-common's assert_if_modified on a stale digest. */
    private static final Pattern CONFIG_CHANGED = Pattern.compile(
            "checksum mismatch \\(file change by other user\\?\\)|detected modified configuration - file changed by other user");

    private ProxmoxErrors() {
    }

    public static ProxmoxException map(int status, @Nullable String message, @Nullable JsonNode body, String call) {
        String text = message == null || message.isBlank() ? "HTTP " + status : message.strip();
        String detail = call + ": " + text;
        if (status == 401) {
            return new ProxmoxAuthenticationException(401, call + ": the API token was refused (401 " + text
                    + "); check the token id and secret");
        }
        if (status == 403) {
            return new ProxmoxAuthenticationException(403, call + ": the API token lacks a permission (403 " + text + ")");
        }
        if (status == 400) {
            return new ProxmoxParameterException(detail, fieldErrors(body));
        }
        Matcher rootOnly = ROOT_ONLY.matcher(text);
        if (rootOnly.find()) {
            return new ProxmoxRootOnlyException(rootOnly.group(1), detail + " (an API token can never do this)");
        }
        if (CONFIG_CHANGED.matcher(text).find()) {
            return new ProxmoxConfigChangedException(detail);
        }
        Matcher locked = VM_LOCKED.matcher(text);
        if (locked.find()) {
            Matcher vm = VM_CALL.matcher(call);
            return vm.find() ? new ProxmoxLockedException(locked.group(1), detail, vm.group(1), Integer.valueOf(vm.group(2)))
                    : new ProxmoxLockedException(locked.group(1), detail);
        }
        if (FILE_LOCK.matcher(text).find()) {
            return new ProxmoxLockedException("config", detail);
        }
        if (text.contains("does not exist") || text.contains("not found") || status == 404) {
            return new ProxmoxNotFoundException(detail);
        }
        if (text.contains("guest agent is not running") || VM_NOT_RUNNING.matcher(text).find() || text.contains("No QEMU guest agent configured")) {
            return new ProxmoxAgentException(detail);
        }
        if (status == 595) {
            return new ProxmoxUnavailableException(595, detail + " (the node is unreachable or offline)");
        }
        return new ProxmoxUnavailableException(status, detail);
    }

    public static List<FieldError> fieldErrors(@Nullable JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode map = body == null ? null : body.get("errors");
        if (map != null && map.isObject()) {
            for (Map.Entry<String, JsonNode> e : map.properties()) {
                errors.add(new FieldError(e.getKey(), e.getValue().asString().strip()));
            }
        }
        return errors;
    }

    /**
     * Lock contention changed nothing on Proxmox, so any method may be repeated; but the lock of a
     * snapshot deletion that did not finish stays until someone unlocks the VM on the node, so
     * repeating only delays the report.
     */
    public static boolean isLockContention(ProxmoxException e) {
        return e instanceof ProxmoxLockedException locked && !"snapshot-delete".equals(locked.lock());
    }
}
