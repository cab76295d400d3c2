/**
 * The typed client of the Proxmox VE API and the only module that talks to Proxmox over HTTP:
 * token auth, TLS pinned to a certificate fingerprint or a CA bundle, lenient parsing, task (UPID)
 * waiting, error mapping to specific exceptions and retries where a retry is safe. Several clusters
 * may be configured; {@link io.rigplane.proxmox.ProxmoxClusters} hands out one client per cluster.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "system")
@org.jspecify.annotations.NullMarked
package io.rigplane.proxmox;
