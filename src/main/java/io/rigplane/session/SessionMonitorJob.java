package io.rigplane.session;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** One look at every session; Quartz's cluster runs it on one replica at a time. */
@DisallowConcurrentExecution
class SessionMonitorJob extends QuartzJobBean {

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
