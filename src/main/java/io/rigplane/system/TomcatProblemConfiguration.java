package io.rigplane.system;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error page. */
@Configuration(proxyBeanMethods = false)
class TomcatProblemConfiguration {

    @Bean
    TomcatContextCustomizer problemErrorReports() {
        // on BEFORE_START every customizer has added its valves, Boot's own error report valve included
        return context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        });
    }
}
