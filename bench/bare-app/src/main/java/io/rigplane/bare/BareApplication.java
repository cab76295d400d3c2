package io.rigplane.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest Spring Boot + Data JPA service that does what Rigplane's session read does at its core:
 * one row by key from PostgreSQL, returned as JSON. bench/api/run.sh creates the table and its row.
 */
@SpringBootApplication
public class BareApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }
}
