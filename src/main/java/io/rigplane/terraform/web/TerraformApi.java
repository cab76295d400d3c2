package io.rigplane.terraform.web;

import io.rigplane.terraform.TerraformExport;
import io.rigplane.terraform.TerraformImport;
import io.rigplane.terraform.TerraformImportReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Terraform", description = "Profiles as resources of the bpg/proxmox provider, and back")
class TerraformApi {

    private final TerraformExport export;
    private final TerraformImport imports;

    TerraformApi(TerraformExport export, TerraformImport imports) {
        this.export = export;
        this.imports = imports;
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

    @PostMapping("/api/v1/profiles/import/terraform")
    @Operation(summary = "Create a profile for each proxmox_virtual_environment_vm of a terraform show -json document",
            description = "Takes a state or a plan, root and child modules. A resource whose VMID names an existing"
                    + " VM binds it as adopt does. All or nothing: a resource with a problem stops the import (400,"
                    + " every problem by resource). Attributes that are not the provider's documented ones are"
                    + " reported per resource. With dryRun=true nothing is stored.")
    ResponseEntity<TerraformImportReport> importDocument(@RequestBody(required = false) @Nullable Object document,
            @Parameter(description = "show what would be created, store nothing")
            @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "the Proxmox cluster; may be left out when only one is configured")
            @RequestParam(required = false) @Nullable String cluster) {
        TerraformImportReport report = imports.importDocument(document, cluster, dryRun);
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(report);
    }
}
