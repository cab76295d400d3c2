package io.rigplane.access.user;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findBySsoIssuerAndSsoSubject(String ssoIssuer, String ssoSubject);

    List<UserAccount> findAllByOrderByUsername();

    /**
     * Locks every admin row, so two admins demoting each other at once cannot both succeed and
     * leave nobody in charge.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.role = io.rigplane.access.user.Role.ADMIN")
    List<UserAccount> lockAdmins();
}
