package io.rigplane.operation;

import io.rigplane.operation.internal.OperationRunner;
import java.util.UUID;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The Quartz job behind one operation; recovered by another replica if this one dies. */
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
        runner.run(id, context.isRecovering());
    }
}
