/**
 * What every module shares: the embedded database for zero-setup runs, RFC 9457 problem
 * responses, the OpenAPI description, the dashboard's shell pages and live streams of
 * server-sent events ({@code live}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package io.rigplane.system;
