package io.rigplane.snapshot;

import java.util.UUID;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Queues a run again that found another operation working on its profile. */
class SnapshotRetryJob extends QuartzJobBean {

    static final String RUN_ID = "runId";

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
