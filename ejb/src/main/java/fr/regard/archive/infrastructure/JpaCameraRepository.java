package fr.regard.archive.infrastructure;

import fr.regard.archive.domain.Camera;
import fr.regard.archive.domain.CameraRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The camera registry in the relational database ({@code camera}, migration V20). */
@ApplicationScoped
public class JpaCameraRepository implements CameraRepository {

    @PersistenceContext(unitName = "regard")
    EntityManager em;

    @Override
    public List<Camera> all() {
        return em.createQuery("select c from Camera c order by c.id", Camera.class).getResultList();
    }

    @Override
    public List<Camera> inZone(String zone) {
        return em.createQuery("select c from Camera c where lower(c.zone) = :zone order by c.id", Camera.class)
                .setParameter("zone", zone.strip().toLowerCase(Locale.ROOT))
                .getResultList();
    }

    @Override
    public Optional<Camera> find(String id) {
        return Optional.ofNullable(em.find(Camera.class, id));
    }

    @Override
    public Set<String> ids() {
        return new HashSet<>(em.createQuery("select c.id from Camera c", String.class).getResultList());
    }

    @Override
    public void add(Camera camera) {
        em.persist(camera);
    }
}
