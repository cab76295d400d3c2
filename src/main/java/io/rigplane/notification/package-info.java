/**
 * Notifications: targets (a signed webhook, an ntfy topic, a Discord webhook) told about trouble that
 * other modules publish as events, through a queue in PostgreSQL that every replica works from and that
 * delivers each notification once, in order per target, with retries, pausing a target that keeps failing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "operation", "power", "provisioning", "session", "snapshot", "system"})
@org.jspecify.annotations.NullMarked
package io.rigplane.notification;
