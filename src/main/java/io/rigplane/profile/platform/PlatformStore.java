package io.rigplane.profile.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code platform} rows of user platforms and their settings. Built-ins have a row too, so
 * that profiles and platforms can refer to them, but their content is code.
 */
@Component
class PlatformStore {

    private final JdbcClient jdbc;

    PlatformStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PlatformDefinition> userPlatforms() {
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        jdbc.sql("select platform_id, key, value from platform_setting order by platform_id, key")
                .query(rs -> {
                    settings.computeIfAbsent(rs.getString("platform_id"), id -> new TreeMap<>())
                            .put(rs.getString("key"), rs.getString("value"));
                });
        List<PlatformDefinition> platforms = new ArrayList<>();
        jdbc.sql("select id, description, extends_id, os_type, stream_host, version from platform "
                        + "where not built_in order by id")
                .query(rs -> {
                    String id = rs.getString("id");
                    platforms.add(new PlatformDefinition(id, rs.getString("description"), rs.getString("extends_id"),
                            new TreeMap<>(settings.getOrDefault(id, Map.of())), rs.getString("os_type"),
                            rs.getString("stream_host"), false, rs.getLong("version")));
                });
        return platforms;
    }

    Optional<PlatformDefinition> find(String id) {
        return userPlatforms().stream().filter(platform -> platform.id().equals(id)).findFirst();
    }

    boolean exists(String id) {
        return jdbc.sql("select count(*) from platform where id = ?").param(id).query(Long.class).single() > 0;
    }

    void insert(PlatformDefinition platform, Instant now) {
        jdbc.sql("""
                insert into platform (id, description, extends_id, os_type, stream_host, built_in, version,
                                      created_at, updated_at)
                values (?, ?, ?, ?, ?, false, 0, ?, ?)""")
                .params(platform.id(), platform.description(), platform.parent(), platform.osType(),
                        platform.streamHost(), Timestamp.from(now), Timestamp.from(now))
                .update();
        insertSettings(platform);
    }

    /** Replaces a user platform's content; false when its version moved on meanwhile. */
    boolean update(PlatformDefinition platform, long expectedVersion, Instant now) {
        int updated = jdbc.sql("""
                update platform set description = ?, extends_id = ?, os_type = ?, stream_host = ?,
                       version = version + 1, updated_at = ?
                where id = ? and version = ? and not built_in""")
                .params(platform.description(), platform.parent(), platform.osType(), platform.streamHost(),
                        Timestamp.from(now), platform.id(), expectedVersion)
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from platform_setting where platform_id = ?").param(platform.id()).update();
        insertSettings(platform);
        return true;
    }

    void delete(String id) {
        jdbc.sql("delete from platform where id = ? and not built_in").param(id).update();
    }

    /** Locks a platform's row until the transaction ends, so that nobody deletes it meanwhile. */
    void lock(String id) {
        jdbc.sql("select id from platform where id = ? for share").param(id).query(String.class).optional();
    }

    /** Locks a platform's row against everything else until the transaction ends. */
    void lockForChange(String id) {
        jdbc.sql("select id from platform where id = ? for update").param(id).query(String.class).optional();
    }

    /** The names of the profiles on a platform. */
    List<String> profilesOn(String id) {
        return jdbc.sql("select name from profile where platform = ? order by name").param(id).query(String.class)
                .list();
    }

    List<String> childrenOf(String id) {
        return jdbc.sql("select id from platform where extends_id = ? order by id").param(id).query(String.class)
                .list();
    }

    private void insertSettings(PlatformDefinition platform) {
        platform.settings().forEach((key, value) -> jdbc.sql(
                        "insert into platform_setting (platform_id, key, value) values (?, ?, ?)")
                .params(platform.id(), key, value).update());
    }
}
