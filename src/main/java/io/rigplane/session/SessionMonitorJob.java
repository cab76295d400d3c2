package io.rigplane.session;

import io.rigplane.session.internal.SessionMonitor;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * One look at every session; Quartz's cluster runs it on one replica at a time. It stays in the
 * base package: Quartz's tables store its class name.
 */
@DisallowConcurrentExecution
public class SessionMonitorJob extends QuartzJobBean {

    private SessionMonitor monitor;

    @Autowired
    public void setMonitor(SessionMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        monitor.tick();
    }
}
