/**
 * Power's REST API and dashboard pages for VMs and nodes.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.power.web;
