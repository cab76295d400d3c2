package io.rigplane.provisioning;

import io.rigplane.provisioning.drift.DriftDetector;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The periodic drift check; Quartz's cluster runs it on one replica at a time. */
@DisallowConcurrentExecution
public class DriftCheckJob extends QuartzJobBean {

    private DriftDetector detector;

    @Autowired
    public void setDetector(DriftDetector detector) {
        this.detector = detector;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        detector.checkAll();
    }
}
