package io.rigplane.power;

/** A profile's VM was to start, but the GPU it passes through is held by another profile. */
public record GpuWantedWhileBusy(String profile, String gpu, String holder) {
}
