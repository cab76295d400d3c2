/**
 * Snapshots' REST API and dashboard pages: policies, runs and the run timeline.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.snapshot.web;
