package io.rigplane.access.token;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface DeviceTokenRepository extends JpaRepository<DeviceToken, Long> {

    Optional<DeviceToken> findByTokenHash(String tokenHash);

    Optional<DeviceToken> findByDeviceId(UUID deviceId);

    List<DeviceToken> findByDeviceIdIn(Collection<UUID> deviceIds);

    /** Records use at most once a minute, so that a polling thin client does not write on every call. */
    @Transactional
    @Modifying
    @Query(nativeQuery = true, value = """
            update device_token set last_used_at = :now
            where id = :id and (last_used_at is null or last_used_at < :cutoff)""")
    int touch(Long id, Instant now, Instant cutoff);
}
