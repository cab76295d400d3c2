/**
 * Stream sessions: thin-client devices, wake-and-stream sessions, the Wake-on-LAN listener and
 * idle stop.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "operation", "power", "profile", "provisioning", "streamhost", "system"})
@org.jspecify.annotations.NullMarked
package io.rigplane.session;
