/**
 * Waking sleeping nodes: through the cluster or with Rigplane's own magic packet, and the per-node Wake-on-LAN settings.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.power.node;
