package io.rigplane.profile.web;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileResource;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.ProfileView;
import io.rigplane.profile.RenderedConfig;
import io.rigplane.system.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/profiles")
@Tag(name = "Profiles", description = "The desired state of each VM")
class ProfileApi {

    private final ProfileCatalog catalog;

    ProfileApi(ProfileCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "List profiles, a page at a time, optionally of one node or with one tag")
    ProfileResourceList list(@RequestParam(required = false) @Nullable String node,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return ProfileResourceList.of(catalog.list(node, tag, page, size));
    }

    @PostMapping
    @Operation(summary = "Create a profile")
    ResponseEntity<ProfileResource> create(@RequestBody ProfileSpec spec) {
        ProfileView created = catalog.create(spec);
        return ResponseEntity.created(URI.create("/api/v1/profiles/" + spec.name()))
                .eTag(created.etag())
                .body(ProfileResource.of(created));
    }

    @GetMapping("/{name}")
    @Operation(summary = "Read a profile; its ETag guards later changes")
    ResponseEntity<ProfileResource> get(@PathVariable String name,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        ProfileView view = catalog.get(name);
        if (ETags.ifNoneMatch(ifNoneMatch, view.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(view.etag()).build();
        }
        return ResponseEntity.ok().eTag(view.etag()).body(ProfileResource.of(view));
    }

    @PutMapping("/{name}")
    @Operation(summary = "Replace a profile's desired state (412 when If-Match names an older version)")
    ResponseEntity<ProfileResource> update(@PathVariable String name, @RequestBody ProfileSpec spec,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        ProfileView updated = catalog.update(name, spec, ifMatch);
        return ResponseEntity.ok().eTag(updated.etag()).body(ProfileResource.of(updated));
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Delete a profile; never touches Proxmox",
            description = "Refused with 409 while the profile manages a VM, unless releaseVm=true: "
                    + "Rigplane then forgets the VM, which stays on Proxmox as it is.")
    ResponseEntity<Void> delete(@PathVariable String name,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Parameter(description = "forget the VM this profile manages and leave it on Proxmox")
            @RequestParam(defaultValue = "false") boolean releaseVm) {
        catalog.delete(name, ifMatch, releaseVm);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{name}/proxmox-config")
    @Operation(summary = "The exact Proxmox config the profile stands for, key by key with its layer")
    RenderedConfig proxmoxConfig(@PathVariable String name) {
        return catalog.render(name);
    }
}
