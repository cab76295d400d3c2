package io.rigplane.session.device;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeviceRepository extends JpaRepository<DeviceRegistration, UUID> {

    boolean existsByNameAndRevokedAtIsNull(String name);
}
