package io.rigplane.bare;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ItemController {
    private final Items items;

    ItemController(Items items) {
        this.items = items;
    }

    @GetMapping("/items/{id}")
    ResponseEntity<Item> item(@PathVariable String id) {
        return ResponseEntity.of(items.findById(id));
    }
}
