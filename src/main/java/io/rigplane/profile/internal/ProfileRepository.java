package io.rigplane.profile.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProfileRepository extends JpaRepository<Profile, Long> {

    Optional<Profile> findByName(String name);

    boolean existsByName(String name);

    Optional<Profile> findByVmid(Integer vmid);

    Optional<Profile> findByBoundVmid(Integer vmid);

    java.util.List<Profile> findByBoundVmidIsNotNull();

    @Query("select p.node, count(p) from Profile p group by p.node order by p.node")
    java.util.List<Object[]> countByNode();

    @Query("""
            select p from Profile p
            where (:node is null or p.node = :node)
              and (:tag is null or :tag member of p.tags)""")
    Page<Profile> search(@Nullable String node, @Nullable String tag, Pageable pageable);
}
