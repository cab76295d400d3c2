package io.rigplane.terraform.internal;

import io.rigplane.system.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One resource being read: its attributes, the Proxmox config written so far, and what the
 * reading found: problems (the profile would not be what the resource says), attributes left
 * alone on purpose, and attributes that only matter when Terraform creates the VM.
 */
final class ImportContext {

    private final AttributeBlock resource;
    private final List<FieldError> problems;
    private final Map<String, String> config = new TreeMap<>();
    private final List<FieldError> ignored = new ArrayList<>();
    private final List<FieldError> creationOnly = new ArrayList<>();

    ImportContext(AttributeBlock resource, List<FieldError> problems) {
        this.resource = resource;
        this.problems = problems;
    }

    AttributeBlock resource() {
        return resource;
    }

    /** Sets a Proxmox key; an unset value (null or empty) sets nothing. */
    void put(String key, @Nullable Object value) {
        if (value != null && !(value instanceof String text && text.isEmpty())) {
            config.put(key, ProxmoxValue.text(value));
        }
    }

    void put(String key, ProxmoxValue value) {
        if (!value.isEmpty()) {
            config.put(key, value.print());
        }
    }

    boolean has(String key) {
        return config.containsKey(key);
    }

    void problem(String attribute, String message) {
        problems.add(new FieldError(attribute, message));
    }

    /** A documented attribute that Rigplane leaves alone; reported, but no reason to refuse. */
    void ignored(String attribute, String reason) {
        ignored.add(new FieldError(attribute, reason));
    }

    /** An attribute that only shapes the VM Terraform creates: refused unless the VM exists. */
    void creationOnly(String attribute, String reason) {
        creationOnly.add(new FieldError(attribute, reason));
    }

    Map<String, String> config() {
        return config;
    }

    List<FieldError> ignoredAttributes() {
        return ignored;
    }

    List<FieldError> creationOnlyAttributes() {
        return creationOnly;
    }
}
