/**
 * Operations: every action that takes time, run on Quartz's clustered JDBC job store so that any
 * replica may run it and another recovers it when its replica dies. One per target at a time.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "proxmox", "system"})
@org.jspecify.annotations.NullMarked
package io.rigplane.operation;
