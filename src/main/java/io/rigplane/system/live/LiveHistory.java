package io.rigplane.system.live;

import java.util.List;

/**
 * A key's events, oldest first with growing ids, and whether the key has finished: a finished
 * key's streams end after its last event.
 */
public record LiveHistory(List<LiveEvent> events, boolean finished) {

    public LiveHistory {
        events = List.copyOf(events);
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).id() <= events.get(i - 1).id()) {
                throw new IllegalArgumentException("event ids must grow: " + events.get(i - 1).id() + " then "
                        + events.get(i).id());
            }
        }
    }

    /** The id of the newest event; {@link LiveStream#NOTHING_SEEN} when there is none. */
    long newest() {
        return events.isEmpty() ? LiveStream.NOTHING_SEEN : events.get(events.size() - 1).id();
    }
}
