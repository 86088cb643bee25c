package org.oncocds.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * What every bean reading or writing the audit tables shares: the audit persistence unit, and a schema that is at the
 * version the code needs before the bean is first used ({@link AuditSchema}).
 */
abstract class AuditTables {

    @PersistenceContext(unitName = "oncocds-audit")
    EntityManager entityManager;

    @EJB
    AuditSchema schema;

    @PostConstruct
    void schemaIsCurrent() {
        schema.ready();
    }
}
