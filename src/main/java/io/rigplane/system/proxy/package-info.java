/** Which reverse proxies may tell Rigplane the client's address and scheme. */
@org.jspecify.annotations.NullMarked
package io.rigplane.system.proxy;
