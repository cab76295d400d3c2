package io.rigplane.bare;

import org.springframework.data.jpa.repository.JpaRepository;

interface Items extends JpaRepository<Item, String> {
}
