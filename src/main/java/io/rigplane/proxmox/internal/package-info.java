/**
 * How the Proxmox client works: the HTTP transport with its retries and error mapping, certificate
 * pinning, lenient parsing, task waiting, the configuration and the clusters' own REST resource.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.proxmox.internal;
