package io.rigplane.operation;

import io.rigplane.operation.internal.OperationRunner;
import io.rigplane.operation.internal.WaitTriggers;
import java.util.UUID;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job behind one operation; recovered by another replica if this one dies. An operation
 * that waits fires again later through a second trigger ({@link WaitTriggers}); disallowing concurrent
 * execution keeps such a firing from overlapping the one that scheduled it, on any replica.
 */
@DisallowConcurrentExecution
class OperationJob extends QuartzJobBean {

    static final String OPERATION_ID = "operationId";

    private OperationRunner runner;

    @Autowired
    public void setRunner(OperationRunner runner) {
        this.runner = runner;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        UUID id = UUID.fromString(context.getMergedJobDataMap().getString(OPERATION_ID));
        // a recovered firing starts a new run, even when it recovers one that carried a wait on
        runner.run(id, context.isRecovering(), context.isRecovering() ? null : WaitTriggers.fromStep(context.getTrigger()));
    }
}
