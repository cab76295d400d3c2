/**
 * Snapshot runs: the history of every run, the snapshot operation's handler, per-node slots shared by
 * all replicas, snapshot names, retention, settings and metrics.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.snapshot.run;
