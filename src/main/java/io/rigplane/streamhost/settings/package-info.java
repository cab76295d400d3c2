/**
 * A profile's stream-host settings, stored with the Apollo login sealed.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.streamhost.settings;
