package org.oncocds.fairness.it;

import jakarta.ejb.Stateless;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Field;
import java.util.Map;
import org.oncocds.fairness.entity.StoredReport;

/** Test only: tries to change or delete a stored report through the module's own persistence unit. */
@Stateless
public class ReportTamperer {

    @PersistenceContext(unitName = "oncocds-fairness")
    EntityManager entityManager;

    /** Overwrites the stored report JSON in the managed entity and commits. */
    public void overwriteReportJson(long reportId, String json) throws ReflectiveOperationException {
        StoredReport report = entityManager.find(StoredReport.class, reportId);
        Field field = StoredReport.class.getDeclaredField("reportJson");
        field.setAccessible(true);
        field.set(report, json);
        entityManager.flush();
    }

    public void delete(long reportId) {
        entityManager.remove(entityManager.find(StoredReport.class, reportId));
        entityManager.flush();
    }

    /** The report JSON as the database holds it, past every cache. */
    public String reportJsonInTheDatabase(long reportId) {
        return entityManager.createQuery("SELECT r.reportJson FROM StoredReport r WHERE r.id = :id", String.class)
                .setParameter("id", reportId).setHint("jakarta.persistence.cache.retrieveMode",
                        CacheRetrieveMode.BYPASS)
                .getSingleResult();
    }

    public boolean exists(long reportId) {
        return entityManager.find(StoredReport.class, reportId, Map.of("jakarta.persistence.cache.retrieveMode",
                CacheRetrieveMode.BYPASS)) != null;
    }
}
