/**
 * Snapshot policies: the policies themselves, their cron schedule on Quartz's cluster, their storage
 * and the rules a policy must follow.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.snapshot.policy;
