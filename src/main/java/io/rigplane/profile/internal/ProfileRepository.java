package io.rigplane.profile.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProfileRepository extends JpaRepository<Profile, Long> {

    /**
     * With its disks, tags and settings in the same statement: one round trip, not four. Written
     * as JPQL because Hibernate caches a JPQL query's translation to SQL, but translates a derived
     * query or one with an entity graph again on every call (most of a plan's CPU went there).
     */
    @Query("""
            select p from Profile p left join fetch p.disks left join fetch p.tags left join fetch p.settings
            where p.name = :name""")
    Optional<Profile> findByName(String name);

    boolean existsByName(String name);

    Optional<Profile> findByVmid(Integer vmid);

    Optional<Profile> findByBoundVmid(Integer vmid);

    java.util.List<Profile> findByBoundVmidIsNotNull();

    @Query("select p.node, count(p) from Profile p group by p.node order by p.node")
    java.util.List<Object[]> countByNode();

    @Query(value = """
            select p from Profile p
            where (:node is null or p.node = :node)
              and (:tag is null or :tag member of p.tags)""", countQuery = """
            select count(p) from Profile p
            where (:node is null or p.node = :node)
              and (:tag is null or :tag member of p.tags)""")
    Page<Profile> search(@Nullable String node, @Nullable String tag, Pageable pageable);
}
