package io.rigplane.profile;

import java.util.List;

/** One page of profiles. */
public record ProfileList(List<ProfileView> items, int page, int size, long totalItems, int totalPages) {
}
