/** The dashboard's start page: what Rigplane manages at a glance. */
@org.jspecify.annotations.NullMarked
package io.rigplane.overview;
