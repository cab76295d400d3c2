package io.rigplane.operation.internal;

import io.rigplane.operation.OperationBrief;
import io.rigplane.operation.OperationPhase;
import io.rigplane.operation.OperationRequest;
import io.rigplane.operation.OperationState;
import io.rigplane.operation.OperationStep;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.Operations;
import io.rigplane.operation.StepState;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Operations and their steps in PostgreSQL; every write bumps the version that watchers poll. */
@Repository
public class OperationStore {

    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    private static final String SILENT =
            "(state = 'RUNNING' and heartbeat_at < :cutoff) or (state = 'QUEUED' and created_at < :cutoff)";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public OperationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(UUID id, OperationRequest request, Instant now) {
        jdbc.sql("""
                insert into operation (id, kind, target, params, state, actor_type, actor_name, idempotency_key,
                                       created_at, updated_at)
                values (:id, :kind, :target, :params, 'QUEUED', :actorType, :actorName, :key, :now, :now)""")
                .param("id", id).param("kind", request.kind()).param("target", request.target())
                .param("params", json.writeValueAsString(request.params()))
                .param("actorType", request.actor().type().name()).param("actorName", request.actor().name())
                .param("key", request.idempotencyKey()).param("now", timestamp(now))
                .update();
    }

    public Optional<OperationView> find(UUID id) {
        // steps first, not from the row mapper: a query inside a mapper takes a second pooled connection
        // while holding the first, which stalls concurrent readers of a small pool
        List<OperationStep> steps = steps(id);
        return jdbc.sql("select * from operation where id = :id").param("id", id)
                .query((rs, row) -> new OperationView(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("target"), json.readValue(rs.getString("params"), PARAMS),
                        OperationState.valueOf(rs.getString("state")), phase(rs.getString("phase")),
                        rs.getString("actor_type"),
                        rs.getString("actor_name"), rs.getString("summary"), rs.getString("error"),
                        rs.getInt("attempts"), steps, instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                        rs.getLong("version")))
                .optional();
    }

    /** The versions of those of the operations that exist, in one query. */
    public Map<UUID, Long> versions(Collection<UUID> ids) {
        Map<UUID, Long> versions = new HashMap<>();
        if (ids.isEmpty()) {
            return versions;
        }
        jdbc.sql("select id, version from operation where id in (:ids)").param("ids", ids)
                .query(rs -> {
                    versions.put(rs.getObject("id", UUID.class), rs.getLong("version"));
                });
        return versions;
    }

    public Optional<UUID> activeFor(String target) {
        return jdbc.sql("select id from operation where target = :target and state in ('QUEUED', 'RUNNING')")
                .param("target", target).query(UUID.class).optional();
    }

    private static final String BRIEF = "select id, kind, target, state, phase, actor_name, created_at, finished_at"
            + " from operation";

    /** The newest operations of any target. */
    public List<OperationBrief> recent(int limit) {
        return jdbc.sql(BRIEF + " order by created_at desc limit :limit").param("limit", limit)
                .query(OperationStore::brief).list();
    }

    /** The newest operation of each of these targets that has one, in one query. */
    public List<OperationBrief> latestOf(Collection<String> targets) {
        if (targets.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct on (target) id, kind, target, state, phase, actor_name, created_at, finished_at"
                        + " from operation where target in (:targets) order by target, created_at desc")
                .param("targets", targets).query(OperationStore::brief).list();
    }

    /** Every operation queued or running. */
    public List<OperationBrief> active() {
        return jdbc.sql(BRIEF + " where state in ('QUEUED', 'RUNNING') order by created_at")
                .query(OperationStore::brief).list();
    }

    private static OperationBrief brief(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new OperationBrief(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("target"),
                OperationState.valueOf(rs.getString("state")), phase(rs.getString("phase")),
                rs.getString("actor_name"), rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("finished_at")));
    }

    public Optional<UUID> byIdempotencyKey(String actor, String key) {
        return jdbc.sql("select id from operation where actor_name = :actor and idempotency_key = :key")
                .param("actor", actor).param("key", key).query(UUID.class).optional();
    }

    /** Idempotency keys are honoured for a day; after that the same key starts a new operation. */
    public void forgetIdempotencyKeysBefore(Instant cutoff) {
        jdbc.sql("update operation set idempotency_key = null where idempotency_key is not null and created_at < :cutoff")
                .param("cutoff", timestamp(cutoff)).update();
    }

    public List<UUID> page(@Nullable String target, @Nullable OperationState state, int limit, int offset) {
        return jdbc.sql("""
                select id from operation
                where (cast(:target as varchar) is null or target = :target)
                  and (cast(:state as varchar) is null or state = :state)
                order by created_at desc limit :limit offset :offset""")
                .param("target", target).param("state", state == null ? null : state.name())
                .param("limit", limit).param("offset", offset)
                .query(UUID.class).list();
    }

    /** Operations of these kinds that succeeded in [from, to), oldest first. */
    public List<io.rigplane.operation.FinishedOperation> succeeded(Collection<String> kinds, Instant from, Instant to) {
        return jdbc.sql("""
                select kind, target, params, actor_type, actor_name, summary, finished_at from operation
                where state = 'SUCCEEDED' and kind in (:kinds) and finished_at >= :from and finished_at < :to
                order by finished_at, id""")
                .param("kinds", kinds).param("from", timestamp(from)).param("to", timestamp(to))
                .query((rs, row) -> new io.rigplane.operation.FinishedOperation(rs.getString("kind"),
                        rs.getString("target"), json.readValue(rs.getString("params"), PARAMS),
                        rs.getString("actor_type"), rs.getString("actor_name"),
                        rs.getString("summary"), rs.getTimestamp("finished_at").toInstant()))
                .list();
    }

    public long count(@Nullable String target, @Nullable OperationState state) {
        return jdbc.sql("""
                select count(*) from operation
                where (cast(:target as varchar) is null or target = :target)
                  and (cast(:state as varchar) is null or state = :state)""")
                .param("target", target).param("state", state == null ? null : state.name())
                .query(Long.class).single();
    }

    /** Marks the operation running; false when it has finished already (a duplicate fire). */
    public boolean markRunning(UUID id, Instant now) {
        return jdbc.sql("""
                update operation set state = 'RUNNING', attempts = attempts + 1,
                       started_at = coalesce(started_at, :now), heartbeat_at = :now, updated_at = :now,
                       version = version + 1
                where id = :id and state in ('QUEUED', 'RUNNING')""")
                .param("id", id).param("now", timestamp(now)).update() == 1;
    }

    /** Beats for a firing that carries a running operation on; false when it is not running any more. */
    public boolean heartbeatWhileRunning(UUID id, Instant now) {
        return jdbc.sql("update operation set heartbeat_at = :now where id = :id and state = 'RUNNING'")
                .param("id", id).param("now", timestamp(now)).update() == 1;
    }

    public void heartbeat(UUID id, Instant now) {
        jdbc.sql("update operation set heartbeat_at = :now where id = :id and state = 'RUNNING'")
                .param("id", id).param("now", timestamp(now)).update();
    }

    public void finish(UUID id, OperationState state, @Nullable String summary, @Nullable String error, Instant now) {
        jdbc.sql("""
                update operation set state = :state, summary = :summary, error = :error, finished_at = :now,
                       updated_at = :now, version = version + 1
                where id = :id and state in ('QUEUED', 'RUNNING')""")
                .param("id", id).param("state", state.name()).param("summary", summary).param("error", error)
                .param("now", timestamp(now)).update();
    }

    public int startStep(UUID id, String name, Instant now) {
        int position = jdbc.sql("select coalesce(max(position), -1) + 1 from operation_step where operation_id = :id")
                .param("id", id).query(Integer.class).single();
        jdbc.sql("""
                insert into operation_step (operation_id, position, name, state, started_at)
                values (:id, :position, :name, 'RUNNING', :now)""")
                .param("id", id).param("position", position).param("name", name).param("now", timestamp(now))
                .update();
        touch(id, now);
        return position;
    }

    public void finishStep(UUID id, int position, StepState state, @Nullable String message, Instant now) {
        jdbc.sql("""
                update operation_step set state = :state, message = :message, finished_at = :now
                where operation_id = :id and position = :position""")
                .param("id", id).param("position", position).param("state", state.name())
                .param("message", message).param("now", timestamp(now)).update();
        touch(id, now);
    }

    /** What a running step has done so far (a task's progress line); its final message replaces it. */
    public void stepProgress(UUID id, int position, String message, Instant now) {
        int changed = jdbc.sql("""
                update operation_step set message = :message
                where operation_id = :id and position = :position and state = 'RUNNING'
                  and message is distinct from :message""")
                .param("id", id).param("position", position).param("message", message).update();
        if (changed > 0) {
            touch(id, now);
        }
    }

    public void stepUpid(UUID id, int position, String upid, Instant now) {
        jdbc.sql("update operation_step set upid = :upid where operation_id = :id and position = :position")
                .param("id", id).param("position", position).param("upid", upid).update();
        touch(id, now);
    }

    public void phase(UUID id, OperationPhase phase, Instant now) {
        // a replay after a wait reports the phases it passes again: only a step forward is news for
        // followers, so a replay never shows the operation going back to an earlier phase
        List<String> earlier = java.util.Arrays.stream(OperationPhase.values())
                .filter(other -> other.ordinal() < phase.ordinal()).map(Enum::name).toList();
        int changed = earlier.isEmpty()
                ? jdbc.sql("update operation set phase = :phase where id = :id and phase is null")
                        .param("id", id).param("phase", phase.name()).update()
                : jdbc.sql("update operation set phase = :phase where id = :id and (phase is null or phase in (:earlier))")
                        .param("id", id).param("phase", phase.name()).param("earlier", earlier).update();
        if (changed == 1) {
            touch(id, now);
        }
    }

    /** Operations that claim to run but whose replica stopped beating before the cutoff. */
    public List<UUID> silentSince(Instant cutoff) {
        return jdbc.sql("select id from operation where " + SILENT)
                .param("cutoff", timestamp(cutoff)).query(UUID.class).list();
    }

    /**
     * Fails the operation only while it is still silent: a replica that has just started it again
     * beat its heartbeat, and keeps it. False when it was not failed.
     */
    public boolean failIfSilent(UUID id, Instant cutoff, String error, Instant now) {
        return jdbc.sql("""
                update operation set state = 'FAILED', error = :error, finished_at = :now, updated_at = :now,
                       version = version + 1
                where id = :id and (""" + SILENT + ")")
                .param("id", id).param("cutoff", timestamp(cutoff)).param("error", error)
                .param("now", timestamp(now)).update() == 1;
    }

    private void touch(UUID id, Instant now) {
        jdbc.sql("update operation set version = version + 1, updated_at = :now, heartbeat_at = :now where id = :id")
                .param("id", id).param("now", timestamp(now)).update();
    }

    /** The steps from {@code position} on: those of the run that a firing after a wait carries on. */
    public List<OperationStep> stepsFrom(UUID id, int position) {
        return steps(id).stream().filter(step -> step.position() >= position).toList();
    }

    private List<OperationStep> steps(UUID id) {
        return jdbc.sql("select * from operation_step where operation_id = :id order by position").param("id", id)
                .query((rs, row) -> new OperationStep(rs.getInt("position"), rs.getString("name"),
                        StepState.valueOf(rs.getString("state")), rs.getString("upid"), rs.getString("message"),
                        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at"))))
                .list();
    }

    private static @Nullable OperationPhase phase(@Nullable String name) {
        return name == null ? null : OperationPhase.valueOf(name);
    }

    private static java.sql.Timestamp timestamp(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
