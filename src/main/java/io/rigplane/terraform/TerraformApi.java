package io.rigplane.terraform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Terraform", description = "Profiles as resources of the bpg/proxmox provider, and back")
class TerraformApi {

    private final TerraformExport export;

    TerraformApi(TerraformExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/profiles/{name}/terraform")
    @Operation(summary = "The profile as a proxmox_virtual_environment_vm resource of the bpg/proxmox provider",
            description = "With an import block when the profile manages a VM. Proxmox keys that no attribute"
                    + " of the provider carries are written as comments, each with the reason.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
            schema = @Schema(type = "string")))
    ResponseEntity<String> profile(@PathVariable String name) {
        return hcl(export.profile(name));
    }

    @GetMapping("/api/v1/terraform")
    @Operation(summary = "Every profile as a proxmox_virtual_environment_vm resource, in one file")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
            schema = @Schema(type = "string")))
    ResponseEntity<String> all() {
        return hcl(export.all());
    }

    private static ResponseEntity<String> hcl(String text) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(text);
    }
}
