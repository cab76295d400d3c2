package io.rigplane.provisioning;

import io.rigplane.profile.ProfileView;
import java.util.List;

/** A VM adopted as it is, and how far it is from each platform it could move to. */
public record Adopted(ProfileView profile, List<PlatformDistance> platforms) {
}
