package io.rigplane.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every SQL statement and every transaction boundary the service's pooled connections see, with
 * the thread that caused it, so a test can count what one request costs the database. Import it
 * into a test's context; the listening connection of database notifications is not pooled and so
 * not counted.
 */
public class StatementLog {

    /** A statement, or a transaction boundary ({@code setAutoCommit(false)}, {@code commit}, {@code rollback}). */
    public record Entry(String thread, String what, boolean statement) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public void clear() {
        entries.clear();
    }

    public List<Entry> byThreads(Predicate<String> thread) {
        return entries.stream().filter(entry -> thread.test(entry.thread())).toList();
    }

    /** Statements run on Tomcat's request threads. */
    public List<String> requestStatements() {
        return byThreads(StatementLog::requestThread).stream().filter(Entry::statement).map(Entry::what).toList();
    }

    /** Transaction boundaries on Tomcat's request threads. */
    public List<String> requestTransactions() {
        return byThreads(StatementLog::requestThread).stream().filter(entry -> !entry.statement())
                .map(Entry::what).toList();
    }

    public static boolean requestThread(String name) {
        return name.startsWith("http-nio-");
    }

    DataSource wrap(DataSource dataSource) {
        QueryExecutionListener queries = new QueryExecutionListener() {
            @Override
            public void beforeQuery(net.ttddyy.dsproxy.ExecutionInfo execution, List<net.ttddyy.dsproxy.QueryInfo> list) {
                list.forEach(query -> entries.add(new Entry(Thread.currentThread().getName(), query.getQuery(), true)));
            }

            @Override
            public void afterQuery(net.ttddyy.dsproxy.ExecutionInfo execution, List<net.ttddyy.dsproxy.QueryInfo> list) {
            }
        };
        MethodExecutionListener boundaries = new MethodExecutionListener() {
            @Override
            public void beforeMethod(MethodExecutionContext context) {
                String method = context.getMethod().getName();
                boolean begin = method.equals("setAutoCommit") && Boolean.FALSE.equals(context.getMethodArgs()[0]);
                if (begin || method.equals("commit") || method.equals("rollback")) {
                    entries.add(new Entry(Thread.currentThread().getName(), begin ? "begin" : method, false));
                }
            }

            @Override
            public void afterMethod(MethodExecutionContext context) {
            }
        };
        return ProxyDataSourceBuilder.create(dataSource).name("counted").listener(queries).methodListener(boundaries)
                .build();
    }

    /** Wraps the service's data source. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        StatementLog statementLog() {
            return new StatementLog();
        }

        @Bean
        static BeanPostProcessor countingDataSource(org.springframework.beans.factory.ObjectProvider<StatementLog> log) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)
                            ? log.getObject().wrap(dataSource) : bean;
                }
            };
        }
    }
}
