/**
 * Users, their roles and the rules for names and passwords: the users API, the first admin at start-up and the dashboard's user lookup.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.access.user;
