package io.rigplane.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigplane.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A write to Quartz's tables outside a Spring transaction (a recurring job registered at start, a snapshot
 * policy's schedule, an operation queued again by the watchdog) is several statements. Quartz's Spring job
 * store ran them on a connection that committed each alone, without its TRIGGER_ACCESS lock holding past
 * the first: a database lost between them left a trigger row without its schedule, which every replica's
 * trigger acquisition then failed on, sleeping 15 s between tries, for good. Such a write now runs in a
 * transaction of its own, under the lock: all of it or nothing.
 */
@IntegrationTest
class SchedulerWritesTest {

    private static final String GROUP = "scheduler-writes-test";

    @Autowired
    Scheduler scheduler;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void liftFault() {
        jdbc.sql("drop trigger if exists scheduler_write_fault on qrtz_simple_triggers").update();
        jdbc.sql("drop function if exists scheduler_write_fault()").update();
    }

    @Test
    void aRescheduleThatFailsHalfwayLeavesTheTriggerAsItWas() throws Exception {
        Instant first = Instant.now().plus(Duration.ofHours(1));
        RecurringJobs.register(scheduler, Idle.class, "idle", GROUP, Duration.ofHours(2), first);
        TriggerKey key = TriggerKey.triggerKey("idle", GROUP);
        assertThat(rows()).isEqualTo(new Rows(1, 1));

        // the database fails the insert of the new schedule, after the old trigger's delete and the new
        // trigger row (as a connection lost between the statements would)
        jdbc.sql("""
                create function scheduler_write_fault() returns trigger language plpgsql as $$
                begin
                    raise exception 'injected: the connection is lost between the statements of a write';
                end $$""").update();
        jdbc.sql("""
                create trigger scheduler_write_fault before insert on qrtz_simple_triggers
                for each row when (new.trigger_group = 'scheduler-writes-test')
                execute function scheduler_write_fault()""").update();
        assertThatThrownBy(() -> RecurringJobs.register(scheduler, Idle.class, "idle", GROUP, Duration.ofHours(3),
                first.plus(Duration.ofHours(1)))).as("the reschedule fails").isNotNull();
        liftFault();

        assertThat(rows()).as("trigger row and schedule row").isEqualTo(new Rows(1, 1));
        assertThat(scheduler.getTrigger(key).getNextFireTime()).as("the schedule before the failed write")
                .isEqualTo(new Date(first.toEpochMilli()));
        scheduler.deleteJob(JobKey.jobKey("idle", GROUP));
    }

    private Rows rows() {
        int trigger = jdbc.sql("select count(*) from qrtz_triggers where trigger_group = :group")
                .param("group", GROUP).query(Integer.class).single();
        int schedule = jdbc.sql("select count(*) from qrtz_simple_triggers where trigger_group = :group")
                .param("group", GROUP).query(Integer.class).single();
        return new Rows(trigger, schedule);
    }

    /** Never fires within the test (its first run is an hour away). */
    public static class Idle implements Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }

    private record Rows(int trigger, int schedule) {
    }
}
