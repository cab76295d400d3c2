package io.rigplane.access;

import io.rigplane.access.audit.Housekeeping;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class AuditRetentionTest {

    @Autowired
    Housekeeping housekeeping;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsOlderThanTheRetentionArePurgedAndTheRestKept() {
        insert("retention-old", "now() - interval '366 days'");
        insert("retention-recent", "now() - interval '364 days'");

        housekeeping.purge();
        housekeeping.purge();

        assertThat(count("retention-old")).isZero();
        assertThat(count("retention-recent")).isEqualTo(1);
    }

    private void insert(String target, String when) {
        jdbc.update("insert into audit_event (occurred_at, actor_type, actor_name, action, target, outcome) "
                + "values (" + when + ", 'SYSTEM', 'rigplane', 'test', ?, 'SUCCESS')", target);
    }

    private long count(String target) {
        return jdbc.queryForObject("select count(*) from audit_event where target = ?", Long.class, target);
    }
}
