package io.rigplane.bare;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the table the benchmark creates. */
@Entity
@Table(name = "item")
public class Item {
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
