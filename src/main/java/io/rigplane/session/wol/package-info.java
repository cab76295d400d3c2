/**
 * The Wake-on-LAN listener: magic packets for a profile's VM start a session, within limits.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.session.wol;
