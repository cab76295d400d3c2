package io.rigplane.access.token;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DeviceTokenRepository extends JpaRepository<DeviceToken, Long> {

    Optional<DeviceToken> findByTokenHash(String tokenHash);

    Optional<DeviceToken> findByDeviceId(UUID deviceId);

    List<DeviceToken> findByDeviceIdIn(Collection<UUID> deviceIds);
}
