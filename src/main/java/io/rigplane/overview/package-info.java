/** The dashboard's start page: what Rigplane manages at a glance. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"profile", "system"})
@org.jspecify.annotations.NullMarked
package io.rigplane.overview;
