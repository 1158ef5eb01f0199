package floor;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@Stateless
public class Notes {

    @PersistenceContext
    EntityManager em;

    public long count() {
        return em.createNamedQuery("Note.count", Long.class).getSingleResult();
    }
}
