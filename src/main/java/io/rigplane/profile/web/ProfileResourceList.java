package io.rigplane.profile.web;

import io.rigplane.profile.ProfileList;
import io.rigplane.profile.ProfileResource;
import java.util.List;

/** One page of profiles as the API shows it. */
record ProfileResourceList(List<ProfileResource> items, int page, int size, long totalItems, int totalPages) {

    static ProfileResourceList of(ProfileList list) {
        return new ProfileResourceList(list.items().stream().map(ProfileResource::of).toList(), list.page(),
                list.size(), list.totalItems(), list.totalPages());
    }
}
