package io.rigplane.bare;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest Spring Boot + Data JPA service that does what Rigplane's session read does at its core:
 * one row by key from PostgreSQL, returned as JSON. bench/api/run.sh creates the table and its row.
 */
@SpringBootApplication
public class BareApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }

    @Entity
    @Table(name = "item")
    public static class Item {
        @Id
        private String id;
        private String name;
        private String state;
        private Instant createdAt;

        protected Item() {
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getState() {
            return state;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }
    }

    public interface Items extends JpaRepository<Item, String> {
    }

    @RestController
    static class ItemController {
        private final Items items;

        ItemController(Items items) {
            this.items = items;
        }

        @GetMapping("/items/{id}")
        ResponseEntity<Item> item(@PathVariable String id) {
            return ResponseEntity.of(items.findById(id));
        }
    }
}
