package io.rigplane.profile.web;

import io.rigplane.profile.platform.PlatformDefinition;
import io.rigplane.profile.platform.PlatformRequest;
import io.rigplane.system.FieldError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The dashboard's platform form: text fields as a person types them, one setting per line. */
public class PlatformForm {

    private String id = "";
    private String description = "";
    private String parent = "";
    private String osType = "";
    private String streamHost = "";
    private String settings = "";
    private String version = "";

    static PlatformForm of(PlatformDefinition platform) {
        PlatformForm form = new PlatformForm();
        form.id = platform.id();
        form.description = platform.description();
        form.parent = platform.parent() == null ? "" : platform.parent();
        form.osType = platform.osType() == null ? "" : platform.osType();
        form.streamHost = platform.streamHost() == null ? "" : platform.streamHost();
        StringBuilder lines = new StringBuilder();
        platform.settings().forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        form.settings = lines.toString().strip();
        form.version = Long.toString(platform.version());
        return form;
    }

    /** The request this form stands for; a line without {@code key=value} is reported to {@code errors}. */
    PlatformRequest toRequest(Consumer<FieldError> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : settings.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                errors.accept(new FieldError("settings", "each line must be key=value: '" + line.trim() + "'"));
                continue;
            }
            map.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
        return new PlatformRequest(id.trim(), description, parent, map, osType, streamHost);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getParent() { return parent; }
    public void setParent(String parent) { this.parent = parent; }
    public String getOsType() { return osType; }
    public void setOsType(String osType) { this.osType = osType; }
    public String getStreamHost() { return streamHost; }
    public void setStreamHost(String streamHost) { this.streamHost = streamHost; }
    public String getSettings() { return settings; }
    public void setSettings(String settings) { this.settings = settings; }
    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
}
