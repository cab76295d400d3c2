package io.rigplane.system.live;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a module supplies to stream its records live: two queries against its own tables, so the
 * stream sees the work of every replica. A key's events carry ids that only grow, and a key's
 * position is the id of its newest event.
 *
 * @param <K> what a client follows, such as an operation's id
 */
public interface LiveSource<K> {

    /**
     * Where each of the keys stands now: the id of its newest event. Keys that no longer exist are
     * left out. Called once per tick for all the keys this replica's subscribers follow, so it must
     * be one query, not one per key.
     */
    Map<K, Long> positions(Set<K> keys);

    /**
     * The key's events so far, oldest first (a source that keeps no history gives its latest state as
     * one event), and whether the key has finished; empty when the key no longer exists.
     */
    Optional<LiveHistory> read(K key);
}
