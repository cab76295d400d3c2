package io.rigplane.session.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import io.rigplane.streamhost.ReadyStreamHost;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Sessions, their transitions and pending grace-period shutdowns, in PostgreSQL. */
@Repository
class SessionStore {

    private static final String LIVE = "state not in ('ENDING', 'ENDED', 'FAILED')";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SessionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record NewSession(UUID id, String profile, @Nullable UUID deviceId, @Nullable String deviceName,
            io.rigplane.access.Actor actor, String clientName, Instant at) {
    }

    @Transactional
    void insert(NewSession session) {
        jdbc.sql("""
                insert into stream_session (id, profile, device_id, device_name, actor_type, actor_name, client_name,
                                            state, created_at, last_activity_at)
                values (:id, :profile, :device, :deviceName, :actorType, :actorName, :client, 'REQUESTED', :at, :at)""")
                .param("id", session.id()).param("profile", session.profile()).param("device", session.deviceId())
                .param("deviceName", session.deviceName()).param("actorType", session.actor().type().name())
                .param("actorName", session.actor().name()).param("client", session.clientName())
                .param("at", ts(session.at()))
                .update();
        recordTransition(session.id(), SessionState.REQUESTED, session.at(), null);
    }

    /**
     * Moves the session to {@code to} when it is in one of {@code from}; false when it was not
     * (another replica or request moved it first). Stores the transition with its time.
     */
    @Transactional
    boolean transition(UUID id, Set<SessionState> from, SessionState to, Instant at, @Nullable String detail) {
        int changed = jdbc.sql("""
                update stream_session set state = :to, version = version + 1,
                    reason = coalesce(cast(:reason as text), reason),
                    ready_at = case when :to = 'READY' and ready_at is null then :at else ready_at end,
                    ended_at = case when :to in ('ENDED', 'FAILED') then :at else ended_at end,
                    last_activity_at = case when :to = 'READY' then :at else last_activity_at end,
                    queue_key = case when :to = 'REQUESTED' then queue_key else null end
                where id = :id and state in (:from)""")
                .param("to", to.name()).param("at", ts(at)).param("id", id)
                .param("reason", to == SessionState.FAILED || to == SessionState.ENDING ? detail : null)
                .param("from", from.stream().map(Enum::name).toList())
                .update();
        if (changed == 0) {
            return false;
        }
        recordTransition(id, to, at, detail);
        return true;
    }

    private void recordTransition(UUID id, SessionState state, Instant at, @Nullable String detail) {
        jdbc.sql("insert into stream_session_transition (session_id, state, at, detail) values (:id, :state, :at, :detail)")
                .param("id", id).param("state", state.name()).param("at", ts(at))
                .param("detail", detail == null ? null : truncate(detail))
                .update();
    }

    Optional<SessionRow> row(UUID id) {
        return jdbc.sql("select * from stream_session where id = :id").param("id", id).query((rs, n) -> row(rs, n)).optional();
    }

    /**
     * The session as clients see it, with its transitions and its place in a GPU's queue, in one
     * statement (one row per transition) and no transaction: the hottest read of the API.
     */
    Optional<StreamSession> find(UUID id) {
        List<StreamSession.Transition> transitions = new ArrayList<>();
        List<Stored> session = new ArrayList<>();
        List<Integer> position = new ArrayList<>();
        jdbc.sql("""
                select s.*, t.state as transition_state, t.at as transition_at, t.detail as transition_detail,
                       case when s.queue_key is not null and s.state = 'REQUESTED' then
                           (select count(*) from stream_session q
                            where q.queue_key = s.queue_key and q.state = 'REQUESTED'
                              and (q.queued_at, q.created_at) <= (s.queued_at, s.created_at)) end as queue_position
                from stream_session s left join stream_session_transition t on t.session_id = s.id
                where s.id = :id order by t.id""")
                .param("id", id)
                .query(rs -> {
                    if (session.isEmpty()) {
                        session.add(stored(rs));
                        int place = rs.getInt("queue_position");
                        position.add(rs.wasNull() ? null : place);
                    }
                    if (rs.getString("transition_state") != null) {
                        transitions.add(new StreamSession.Transition(SessionState.valueOf(rs.getString("transition_state")),
                                rs.getTimestamp("transition_at").toInstant(), rs.getString("transition_detail")));
                    }
                });
        return session.stream().findFirst().map(row -> view(row, transitions, position.get(0)));
    }

    List<StreamSession> list(SessionQuery query) {
        StringBuilder sql = new StringBuilder("select * from stream_session where true");
        if (query.profile() != null) {
            sql.append(" and profile = :profile");
        }
        if (query.states() != null && !query.states().isEmpty()) {
            sql.append(" and state in (:states)");
        }
        if (query.deviceId() != null) {
            sql.append(" and device_id = :device");
        }
        sql.append(" order by created_at desc limit :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("limit", query.limit());
        if (query.profile() != null) {
            spec = spec.param("profile", query.profile());
        }
        if (query.states() != null && !query.states().isEmpty()) {
            spec = spec.param("states", query.states().stream().map(Enum::name).toList());
        }
        if (query.deviceId() != null) {
            spec = spec.param("device", query.deviceId());
        }
        List<Stored> rows = spec.query((rs, n) -> stored(rs)).list();
        Map<UUID, List<StreamSession.Transition>> transitions = transitions(rows.stream().map(Stored::id).toList());
        return rows.stream().map(row -> view(row, transitions.getOrDefault(row.id(), List.of()), queuePosition(row)))
                .toList();
    }

    /** Sessions that hold or are about to hold the profile's VM. */
    List<SessionRow> liveOn(String profile) {
        return jdbc.sql("select * from stream_session where profile = :profile and " + LIVE + " order by created_at")
                .param("profile", profile).query((rs, n) -> row(rs, n)).list();
    }

    List<SessionRow> inStates(Set<SessionState> states) {
        return jdbc.sql("select * from stream_session where state in (:states) order by created_at")
                .param("states", states.stream().map(Enum::name).toList()).query((rs, n) -> row(rs, n)).list();
    }

    void operation(UUID id, UUID operation, @Nullable String placement) {
        jdbc.sql("update stream_session set operation_id = :op, placement = :placement, version = version + 1 where id = :id")
                .param("op", operation).param("placement", placement).param("id", id).update();
    }

    /** Puts the session in the queue for a busy GPU (keeping its place when already queued). */
    void queue(UUID id, String key, Instant at) {
        jdbc.sql("""
                update stream_session set queue_key = :key, queued_at = coalesce(queued_at, :at), version = version + 1
                where id = :id and (queue_key is distinct from :key)""")
                .param("key", key).param("at", ts(at)).param("id", id).update();
    }

    void connection(UUID id, StreamSession.Connection connection, ReadyStreamHost host) {
        jdbc.sql("""
                update stream_session set connection = :connection, stream_host = :host, version = version + 1
                where id = :id""")
                .param("connection", json.writeValueAsString(connection))
                .param("host", json.writeValueAsString(host)).param("id", id).update();
    }

    /** A stream or a heartbeat was seen: the session is in use. */
    void activity(UUID id, Instant at) {
        jdbc.sql("update stream_session set last_activity_at = greatest(last_activity_at, :at) where id = :id")
                .param("at", ts(at)).param("id", id).update();
    }

    /** Renews this replica's lease on driving the session; false when another replica holds it. */
    boolean lease(UUID id, String driver, Instant now, Instant staleBefore) {
        return jdbc.sql("""
                update stream_session set driver = :driver, driver_seen_at = :now
                where id = :id and (driver is null or driver = :driver or driver_seen_at < :stale)""")
                .param("driver", driver).param("now", ts(now)).param("id", id).param("stale", ts(staleBefore))
                .update() == 1;
    }

    /** A lease taken: the session's profile, and the driver that held it before (null: none). */
    record Lease(String profile, @Nullable String before) {
    }

    /**
     * Takes the lease on driving the session, as {@link #lease} does, and says who held it before:
     * another driver means this replica takes over its work. The joined row is read as it was
     * before this update; a replica that takes the lease at the same moment makes this one match
     * no row.
     */
    Optional<Lease> takeLease(UUID id, String driver, Instant now, Instant staleBefore) {
        return jdbc.sql("""
                update stream_session s set driver = :driver, driver_seen_at = :now
                from stream_session before
                where s.id = :id and before.id = s.id
                  and (s.driver is null or s.driver = :driver or s.driver_seen_at < :stale)
                returning s.profile, before.driver""")
                .param("driver", driver).param("now", ts(now)).param("id", id).param("stale", ts(staleBefore))
                .query((rs, row) -> new Lease(rs.getString(1), rs.getString(2))).optional();
    }

    /** Starting sessions whose driver stopped renewing its lease (its replica died). */
    List<UUID> orphans(Instant staleBefore) {
        return jdbc.sql("""
                select id from stream_session where state in ('REQUESTED', 'WAKING_HOST', 'STARTING_VM',
                    'WAITING_FOR_STREAM_HOST') and (driver_seen_at is null or driver_seen_at < :stale)""")
                .param("stale", ts(staleBefore)).query(UUID.class).list();
    }

    int queuePosition(String key, UUID id) {
        return jdbc.sql("""
                select count(*) from stream_session s, stream_session me
                where me.id = :id and s.queue_key = :key and s.state = 'REQUESTED'
                  and (s.queued_at, s.created_at) <= (me.queued_at, me.created_at)""")
                .param("id", id).param("key", key).query(Integer.class).single();
    }

    /** How many transitions each of the sessions that exist has made, in one query. */
    Map<UUID, Long> transitionCounts(Collection<UUID> ids) {
        Map<UUID, Long> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select session_id, count(*) as transitions from stream_session_transition
                where session_id in (:ids) group by session_id""")
                .param("ids", ids)
                .query(rs -> {
                    counts.put(rs.getObject("session_id", UUID.class), rs.getLong("transitions"));
                });
        return counts;
    }

    // grace-period shutdowns

    void scheduleShutdown(String profile, Instant due, String reason) {
        jdbc.sql("""
                insert into session_shutdown (profile, due_at, reason) values (:profile, :due, :reason)
                on conflict (profile) do update set due_at = excluded.due_at, reason = excluded.reason,
                    operation_id = null""")
                .param("profile", profile).param("due", ts(due)).param("reason", truncate(reason)).update();
    }

    /** Drops the plan; true when its shutdown was still to come (not already submitted). */
    boolean cancelShutdown(String profile) {
        return jdbc.sql("delete from session_shutdown where profile = :profile returning operation_id")
                .param("profile", profile).query((rs, n) -> rs.getObject(1) == null).list().contains(true);
    }

    /** Brings a pending shutdown forward to now, for someone waiting for the GPU. */
    boolean hurryShutdown(String profile, Instant now) {
        return jdbc.sql("update session_shutdown set due_at = least(due_at, :now) where profile = :profile")
                .param("now", ts(now)).param("profile", profile).update() > 0;
    }

    /** A shutdown that is due, with the operation carrying it out once one was submitted. */
    record DueShutdown(String profile, String reason, @Nullable UUID operation) {
    }

    List<DueShutdown> dueShutdowns(Instant now) {
        return jdbc.sql("select profile, reason, operation_id from session_shutdown where due_at <= :now order by due_at")
                .param("now", ts(now))
                .query((rs, n) -> new DueShutdown(rs.getString("profile"), rs.getString("reason"),
                        rs.getObject("operation_id", UUID.class))).list();
    }

    /** The shutdown's operation was submitted; the plan stays until that operation has stopped the VM. */
    void shutdownSubmitted(String profile, UUID operation) {
        jdbc.sql("update session_shutdown set operation_id = :operation where profile = :profile")
                .param("operation", operation).param("profile", profile).update();
    }

    /** The plan is carried out; false when it was planned anew meanwhile (then it stays). */
    boolean shutdownDone(String profile, UUID operation) {
        return jdbc.sql("delete from session_shutdown where profile = :profile and operation_id = :operation")
                .param("profile", profile).param("operation", operation).update() > 0;
    }

    Optional<Instant> shutdownDue(String profile) {
        return jdbc.sql("select due_at from session_shutdown where profile = :profile").param("profile", profile)
                .query((rs, n) -> rs.getTimestamp("due_at").toInstant()).optional();
    }

    private Map<UUID, List<StreamSession.Transition>> transitions(List<UUID> ids) {
        Map<UUID, List<StreamSession.Transition>> all = new HashMap<>();
        if (ids.isEmpty()) {
            return all;
        }
        jdbc.sql("select session_id, state, at, detail from stream_session_transition where session_id in (:ids) order by id")
                .param("ids", ids)
                .query(rs -> {
                    all.computeIfAbsent(rs.getObject("session_id", UUID.class), key -> new ArrayList<>())
                            .add(new StreamSession.Transition(SessionState.valueOf(rs.getString("state")),
                                    rs.getTimestamp("at").toInstant(), rs.getString("detail")));
                });
        return all;
    }

    private SessionRow row(ResultSet rs, int n) throws SQLException {
        String connection = rs.getString("connection");
        boolean pairing = connection != null
                && json.readValue(connection, StreamSession.Connection.class).pairingRequired();
        return new SessionRow(rs.getObject("id", UUID.class), rs.getString("profile"),
                rs.getObject("device_id", UUID.class), rs.getString("device_name"), rs.getString("actor_type"),
                rs.getString("actor_name"), rs.getString("client_name"), SessionState.valueOf(rs.getString("state")),
                rs.getObject("operation_id", UUID.class), streamHost(rs.getString("stream_host")), pairing, rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("ready_at")), instant(rs.getTimestamp("last_activity_at")));
    }

    private @Nullable ReadyStreamHost streamHost(@Nullable String stored) {
        return stored == null ? null : json.readValue(stored, ReadyStreamHost.class);
    }

    /** A session's row as stored, read without touching the database again. */
    private record Stored(UUID id, String profile, @Nullable String deviceName, String requestedBy,
            String clientName, SessionState state, @Nullable String reason, @Nullable String queueKey,
            Instant createdAt, @Nullable Instant readyAt, @Nullable Instant endedAt,
            @Nullable Instant lastActivityAt, @Nullable String connection, @Nullable UUID operationId,
            @Nullable String placement) {
    }

    private Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getObject("id", UUID.class), rs.getString("profile"), rs.getString("device_name"),
                rs.getString("actor_type") + ":" + rs.getString("actor_name"), rs.getString("client_name"),
                SessionState.valueOf(rs.getString("state")), rs.getString("reason"), rs.getString("queue_key"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("ready_at")),
                instant(rs.getTimestamp("ended_at")), instant(rs.getTimestamp("last_activity_at")),
                rs.getString("connection"), rs.getObject("operation_id", UUID.class), rs.getString("placement"));
    }

    private @Nullable Integer queuePosition(Stored row) {
        return row.queueKey() != null && row.state() == SessionState.REQUESTED
                ? queuePosition(row.queueKey(), row.id()) : null;
    }

    private StreamSession view(Stored row, List<StreamSession.Transition> transitions, @Nullable Integer position) {
        return new StreamSession(row.id(), row.profile(), row.deviceName(), row.requestedBy(), row.clientName(),
                row.state(), row.reason(), position, row.createdAt(), row.readyAt(), row.endedAt(),
                row.lastActivityAt(),
                row.connection() == null || row.state().finished() ? null
                        : json.readValue(row.connection(), StreamSession.Connection.class),
                transitions, row.operationId(), row.placement() == null ? null : json.readTree(row.placement()));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "…";
    }
}
