package io.rigplane.notification;

import io.rigplane.system.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The dashboard's target form. The secret is never filled in from the stored target: an empty one
 * keeps the stored secret when editing, so that it never travels back to a browser.
 */
public class TargetForm {

    private String name = "";
    private String kind = "webhook";
    private String url = "";
    private String secret = "";
    private List<String> events = new ArrayList<>();
    private String priority = "";
    private String tags = "";
    private boolean paused;

    static TargetForm of(TargetView target) {
        TargetForm form = new TargetForm();
        form.name = target.name();
        form.kind = target.kind();
        form.url = target.url();
        form.events = new ArrayList<>(target.events());
        form.priority = target.priority() == null ? "" : String.valueOf(target.priority());
        form.tags = String.join(", ", target.tags());
        form.paused = target.paused();
        return form;
    }

    /** The request the API would get; a priority that is no number is reported, not guessed. */
    TargetRequest toRequest(boolean editing, Consumer<FieldError> errors) {
        Integer level = null;
        if (!priority.isBlank()) {
            try {
                level = Integer.valueOf(priority.strip());
            } catch (NumberFormatException e) {
                errors.accept(new FieldError("priority", "must be a number from 1 to 5"));
            }
        }
        List<String> tagList = Arrays.stream(tags.split("[,\\s]+")).filter(tag -> !tag.isBlank()).toList();
        // a Discord target has no secret, and a blank field means "keep" (edit) or "none" (new)
        String given = secret.isEmpty() ? null : secret;
        return new TargetRequest(name.strip(), kind, url.strip(), given, List.copyOf(events),
                "ntfy".equals(kind) ? level : null, "ntfy".equals(kind) ? tagList : List.of(),
                editing ? paused : null);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind == null ? "" : kind;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url == null ? "" : url;
    }

    /** Always empty when shown: what the browser sent is not echoed back either. */
    public String getSecret() {
        return "";
    }

    public void setSecret(String secret) {
        this.secret = secret == null ? "" : secret;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events == null ? new ArrayList<>() : new ArrayList<>(events);
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority == null ? "" : priority;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags == null ? "" : tags;
    }

    public boolean isPaused() {
        return paused;
    }

    public void setPaused(boolean paused) {
        this.paused = paused;
    }
}
