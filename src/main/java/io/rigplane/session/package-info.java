/**
 * Stream sessions: thin-client devices, wake-and-stream sessions, the Wake-on-LAN listener and
 * idle stop.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.session;
