/**
 * Who may do what: users, API tokens, roles, the security filter chains, and the audit trail
 * every other module writes to.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "system")
@org.jspecify.annotations.NullMarked
package io.rigplane.access;
