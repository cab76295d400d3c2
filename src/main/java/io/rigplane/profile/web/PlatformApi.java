package io.rigplane.profile.web;

import io.rigplane.profile.platform.PlatformCatalog;
import io.rigplane.profile.platform.PlatformDefinition;
import io.rigplane.profile.platform.PlatformRequest;
import io.rigplane.system.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/platforms")
@Tag(name = "Platforms", description = "Defaults profiles inherit, layer over layer: built-in ones and your own")
class PlatformApi {

    private final PlatformCatalog platforms;

    PlatformApi(PlatformCatalog platforms) {
        this.platforms = platforms;
    }

    @GetMapping
    @Operation(summary = "List the platforms: the built-in ones (read-only), then the users' own")
    List<PlatformDefinition> list() {
        return platforms.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a platform; its ETag guards later changes")
    ResponseEntity<PlatformDefinition> get(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        PlatformDefinition platform = platforms.get(id);
        if (ETags.ifNoneMatch(ifNoneMatch, platform.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(platform.etag()).build();
        }
        return ResponseEntity.ok().eTag(platform.etag()).body(platform);
    }

    @PostMapping
    @Operation(summary = "Create a platform (admins)",
            description = "Keys and values are checked against the Proxmox API schema of POST /nodes/{node}/qemu; "
                    + "root-only keys and keys Rigplane owns are refused. 400 lists every broken key.")
    ResponseEntity<PlatformDefinition> create(@RequestBody PlatformRequest request) {
        PlatformDefinition created = platforms.create(request);
        return ResponseEntity.created(URI.create("/api/v1/platforms/" + created.id())).eTag(created.etag())
                .body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a platform (admins)",
            description = "409 for a built-in platform, or when the change would break a profile on it; 412 when "
                    + "If-Match names an older version.")
    ResponseEntity<PlatformDefinition> update(@PathVariable String id, @RequestBody PlatformRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        PlatformDefinition updated = platforms.update(id, request, ifMatch);
        return ResponseEntity.ok().eTag(updated.etag()).body(updated);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a platform (admins)",
            description = "409 for a built-in platform, and while a profile is on it or a platform extends it.")
    ResponseEntity<Void> delete(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        platforms.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }
}
