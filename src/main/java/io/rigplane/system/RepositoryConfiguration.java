package io.rigplane.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * Spring Data's repositories, with their declared queries read by the regular-expression enhancer
 * rather than Spring Data's HQL grammar. The grammar's first use cost about a quarter of a second of
 * every start (ANTLR builds its tables then), and the service's few declared queries are plain selects
 * and one delete: they need a sort appended at most, with explicit count queries where they page.
 * Hibernate still parses and checks each of them at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackages = "io.rigplane", queryEnhancerSelector = RepositoryConfiguration.PlainQueries.class)
class RepositoryConfiguration {

    static class PlainQueries extends QueryEnhancerSelector.DefaultQueryEnhancerSelector {
        public PlainQueries() {
            super(QueryEnhancerFactories.fallback(), QueryEnhancerFactories.fallback());
        }
    }
}
