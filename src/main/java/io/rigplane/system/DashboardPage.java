package io.rigplane.system;

/**
 * Marks a controller that renders dashboard pages. The advice that only pages need (the signed-in
 * user for the layout, the limit on form rows) is scoped to this type, so the REST API's requests,
 * the ones scripts and thin clients send in numbers, do not pay for it.
 */
public interface DashboardPage {
}
