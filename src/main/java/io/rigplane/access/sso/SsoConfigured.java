package io.rigplane.access.sso;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Single sign-on is on when an issuer is set. An empty value (the default) counts as unset, which
 * {@code @ConditionalOnProperty} would not do.
 */
class SsoConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String issuer = context.getEnvironment().getProperty("rigplane.oidc.issuer", "");
        return issuer.isBlank() ? ConditionOutcome.noMatch("rigplane.oidc.issuer is not set")
                : ConditionOutcome.match("rigplane.oidc.issuer is set");
    }
}
