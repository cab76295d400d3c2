package io.rigplane.session;

import io.rigplane.session.prewarm.Prewarmer;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * One look at pre-warming: VMs due to start before they are wanted, warm-ups to follow. Quartz's
 * cluster runs it on one replica at a time. It stays in the base package: Quartz's tables store
 * its class name.
 */
@DisallowConcurrentExecution
public class PrewarmJob extends QuartzJobBean {

    private Prewarmer prewarmer;

    @Autowired
    public void setPrewarmer(Prewarmer prewarmer) {
        this.prewarmer = prewarmer;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        prewarmer.tick();
    }
}
