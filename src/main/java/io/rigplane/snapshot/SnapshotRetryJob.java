package io.rigplane.snapshot;

import io.rigplane.snapshot.run.SnapshotRuns;
import java.util.UUID;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Queues a run again that found another operation working on its profile. */
public class SnapshotRetryJob extends QuartzJobBean {

    public static final String RUN_ID = "runId";

    private SnapshotRuns runs;

    @Autowired
    public void setRuns(SnapshotRuns runs) {
        this.runs = runs;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        runs.retry(UUID.fromString(context.getMergedJobDataMap().getString(RUN_ID)));
    }
}
