package io.rigplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.RigplaneApplication;
import io.rigplane.support.Api;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@code ./rigplane} (and {@code ./mvnw spring-boot:run}) does on a machine with nothing but Java: an embedded
 * PostgreSQL whose data outlives the process, and an admin token printed once.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZeroSetupRunTest {

    private static final Pattern TOKEN = Pattern.compile("Created admin API token: (rgp_[A-Za-z0-9_-]+)");
    private static final Pattern PASSWORD = Pattern.compile("Created user 'admin' with generated password: (\\S+)");

    @Test
    void keepsItsDataBetweenRunsAndPrintsGeneratedSecretsOnce(@TempDir Path data, CapturedOutput output) {
        String token;
        try (ConfigurableApplicationContext first = start(data)) {
            Matcher printed = TOKEN.matcher(output.getOut());
            assertThat(printed.find()).as("the generated token is printed").isTrue();
            assertThat(PASSWORD.matcher(output.getOut()).find()).as("the generated password is printed").isTrue();
            token = printed.group(1);
            // sized for one Rigplane on a small box, not the library's 300 connections and 128 MB of buffers
            JdbcTemplate sql = new JdbcTemplate(first.getBean(DataSource.class));
            assertThat(sql.queryForObject("SHOW max_connections", String.class)).isEqualTo("50");
            assertThat(sql.queryForObject("SHOW shared_buffers", String.class)).isEqualTo("32MB");
            Api api = Api.at(port(first)).withToken(token);
            assertThat(api.post("/api/v1/profiles", """
                    {"name": "kept", "node": "srv02", "platform": "windows-11-gaming", "cores": 2,
                     "memoryMiB": 4096, "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64,
                     "role": "system"}]}""").status()).isEqualTo(201);
        }
        int printedBefore = count(TOKEN, output.getOut());

        try (ConfigurableApplicationContext second = start(data)) {
            Api api = Api.at(port(second)).withToken(token);
            assertThat(api.get("/api/v1/profiles/kept").status()).isEqualTo(200);
            assertThat(count(TOKEN, output.getOut())).as("printed only at the first start").isEqualTo(printedBefore);
        }
        assertThat(data.resolve("postgres/PG_VERSION")).exists();
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplication(RigplaneApplication.class).run(
                "--server.port=0",
                "--rigplane.simulator.port=0",
                // Quartz keeps data sources in a JVM-wide registry by scheduler name: under the same
                // name, closing this app would close the data source of the cached test context
                "--spring.quartz.scheduler-name=zero-setup-" + java.util.UUID.randomUUID(),
                "--rigplane.embedded-database.directory=" + data.resolve("postgres"),
                "--rigplane.admin.token=",
                "--rigplane.admin.password=");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static int count(Pattern pattern, String text) {
        return (int) pattern.matcher(text).results().count();
    }
}
