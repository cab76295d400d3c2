/**
 * Who may do what: users, API tokens, roles, the security filter chains, and the audit trail
 * every other module writes to.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.access;
