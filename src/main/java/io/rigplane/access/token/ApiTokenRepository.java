package io.rigplane.access.token;

import io.rigplane.access.user.UserAccount;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    /** The token and its owner in one statement, for a request that presents it. */
    @Query("select t from ApiToken t join fetch t.owner where t.tokenHash = :tokenHash")
    Optional<ApiToken> findWithOwnerByTokenHash(String tokenHash);

    Optional<ApiToken> findByOwnerAndName(UserAccount owner, String name);

    List<ApiToken> findAllByOrderByIdAsc();

    List<ApiToken> findByOwnerUsernameOrderByIdAsc(String username);
}
