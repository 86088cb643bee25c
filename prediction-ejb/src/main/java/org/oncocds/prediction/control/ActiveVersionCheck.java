package org.oncocds.prediction.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.oncocds.audit.boundary.AnsweringVersionCheck;
import org.oncocds.prediction.entity.StoredModelVersion;

/**
 * The approval gate at the moment a recommendation's audit record commits: the audit writer asks, in the transaction
 * that appends a batch, which of the batch's model versions are no longer ACTIVE with the model the recommendation
 * names, and records none of their recommendations. One query per batch, on the registry's rows as they are committed
 * then, by whichever server changed them.
 */
@ApplicationScoped
public class ActiveVersionCheck implements AnsweringVersionCheck {

    @PersistenceContext(unitName = "oncocds-prediction")
    EntityManager entityManager;

    @Override
    public Set<String> withdrawn(Map<String, String> sha256ByVersion) {
        Set<String> withdrawn = new HashSet<>(sha256ByVersion.keySet());
        if (withdrawn.isEmpty()) {
            return withdrawn;
        }
        for (Object[] active : entityManager.createNamedQuery(StoredModelVersion.ACTIVE_AMONG, Object[].class)
                .setParameter("versions", sha256ByVersion.keySet()).getResultList()) {
            if (active[1].equals(sha256ByVersion.get((String) active[0]))) {
                withdrawn.remove((String) active[0]);
            }
        }
        return withdrawn;
    }
}
