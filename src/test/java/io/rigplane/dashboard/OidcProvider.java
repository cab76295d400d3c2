package io.rigplane.dashboard;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server in an
 * application context of its own on a random port, with its own sign-in form, users whose
 * {@code groups} claim the test sets, discovery, user info and RP-initiated logout.
 */
final class OidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "rigplane";
    static final String CLIENT_SECRET = "rigplane-test-client-secret";
    static final String PASSWORD = "provider password";

    private final ConfigurableApplicationContext context;

    private OidcProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static OidcProvider start() {
        return new OidcProvider(new SpringApplicationBuilder(ProviderApplication.class)
                .web(WebApplicationType.SERVLET)
                // none of Rigplane's application.yaml: its session cookie name, database, ...
                .properties("spring.config.name=oidc-provider-test", "server.port=0",
                        "server.servlet.session.cookie.name=PROVIDER_SESSION", "spring.main.banner-mode=off")
                .run());
    }

    /** The issuer: where discovery starts. The browser reaches Rigplane at 127.0.0.1, this at localhost. */
    String issuer() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Lets Rigplane at this address sign users in here (redirect URIs must match exactly). */
    void allowClientAt(String rigplane) {
        context.getBean(InMemoryRegisteredClientRepository.class).save(client(rigplane));
    }

    /** A user of the provider with these groups in the {@code groups} claim of the next ID token. */
    void user(String name, List<String> groups) {
        InMemoryUserDetailsManager users = context.getBean(InMemoryUserDetailsManager.class);
        if (!users.userExists(name)) {
            users.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build());
        }
        context.getBean(Groups.class).byUser().put(name, List.copyOf(groups));
    }

    @Override
    public void close() {
        context.close();
    }

    private static RegisteredClient client(String rigplane) {
        return RegisteredClient.withId("rigplane-client").clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(rigplane + "/login/oauth2/code/oidc")
                .postLogoutRedirectUri(rigplane + "/login?logout")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build();
    }

    /** Group names per user, read when an ID token is made. */
    record Groups(Map<String, List<String>> byUser) {
    }

    /** A test configuration, so Rigplane's own component scan of the test classes leaves it out. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class})
    static class ProviderApplication {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, config -> config.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(rules -> rules.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager();
        }

        @Bean
        InMemoryRegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(client("http://127.0.0.1:1"));
        }

        @Bean
        Groups groups() {
            return new Groups(new ConcurrentHashMap<>());
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> groupsClaim(Groups groups) {
            return token -> {
                if (OidcParameterNames.ID_TOKEN.equals(token.getTokenType().getValue())) {
                    String name = token.getPrincipal().getName();
                    token.getClaims().claim("preferred_username", name)
                            .claim("groups", groups.byUser().getOrDefault(name, List.of()));
                }
            };
        }

        @Bean
        KeyPair signingKey() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }

        @Bean
        JWKSource<SecurityContext> keys(KeyPair signingKey) {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) signingKey.getPublic())
                    .privateKey((RSAPrivateKey) signingKey.getPrivate()).keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** The user info endpoint checks the access tokens it made with this. */
        @Bean
        JwtDecoder accessTokens(KeyPair signingKey) {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) signingKey.getPublic()).build();
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
