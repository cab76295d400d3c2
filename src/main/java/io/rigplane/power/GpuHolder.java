package io.rigplane.power;

import java.time.Instant;

/** One GPU device held by a profile's VM in Rigplane's books: for overviews of who uses which GPU. */
public record GpuHolder(String cluster, String node, String mapping, String device, String profile, Instant since) {
}
