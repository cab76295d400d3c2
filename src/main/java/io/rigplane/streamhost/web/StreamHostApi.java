package io.rigplane.streamhost.web;

import io.rigplane.streamhost.settings.StreamHostConfigs;
import io.rigplane.streamhost.settings.StreamHostSettings;
import io.rigplane.streamhost.settings.StreamHostSettingsChange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/profiles/{name}/stream-host")
@Tag(name = "Stream host", description = "How Rigplane reaches the Apollo (or Sunshine) stream host in a profile's VM")
class StreamHostApi {

    private final StreamHostConfigs configs;

    StreamHostApi(StreamHostConfigs configs) {
        this.configs = configs;
    }

    @GetMapping
    @Operation(summary = "The profile's stream-host settings; the password is never shown, only passwordSet")
    StreamHostSettings get(@PathVariable String name) {
        return configs.view(name);
    }

    @PutMapping
    @Operation(summary = "Replace the profile's stream-host settings",
            description = "Absent fields take their defaults (apollo, Desktop, 47989, the environment's login);"
                    + " an absent password keeps the stored one, an empty one removes it. The password is stored"
                    + " encrypted and never returned.")
    StreamHostSettings put(@PathVariable String name, @RequestBody StreamHostSettingsChange change) {
        return configs.update(name, change);
    }
}
