package io.rigplane.snapshot;

import io.rigplane.snapshot.run.SnapshotRuns;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** A policy's firing: records the run and queues its operation; the work runs as that operation. */
public class SnapshotPolicyJob extends QuartzJobBean {

    public static final String POLICY_ID = "policyId";

    private SnapshotRuns runs;

    @Autowired
    public void setRuns(SnapshotRuns runs) {
        this.runs = runs;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        long policy = Long.parseLong(context.getMergedJobDataMap().getString(POLICY_ID));
        runs.fire(policy, context.getScheduledFireTime().toInstant());
    }
}
