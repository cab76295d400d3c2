package io.rigplane.access.token;

import io.rigplane.access.user.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    Optional<ApiToken> findByOwnerAndName(UserAccount owner, String name);

    List<ApiToken> findAllByOrderByIdAsc();

    List<ApiToken> findByOwnerUsernameOrderByIdAsc(String username);

    /** Records use at most once a minute, so that a busy script does not write on every call. */
    @Transactional
    @Modifying
    @Query(nativeQuery = true, value = """
            update api_token set last_used_at = :now
            where id = :id and (last_used_at is null or last_used_at < :cutoff)""")
    int touch(Long id, Instant now, Instant cutoff);
}
