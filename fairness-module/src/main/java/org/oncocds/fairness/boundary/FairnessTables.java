package org.oncocds.fairness.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.oncocds.fairness.control.FairnessSchema;

/**
 * What every facade reading or writing the fairness tables shares: the fairness persistence unit, and a schema at the
 * version the code needs before the facade is first used ({@link FairnessSchema}).
 */
abstract class FairnessTables {

    @PersistenceContext(unitName = "oncocds-fairness")
    EntityManager entityManager;

    @EJB
    FairnessSchema schema;

    @PostConstruct
    void schemaIsCurrent() {
        schema.ready();
    }
}
