package org.oncocds.fairness.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Two decisions on one report at the same moment: both pass the "already decided?" check, and the database's unique
 * key on the sign-off's report id fails the second insert at the flush (SQLSTATE 23505 on H2 and PostgreSQL). That
 * failure is refused naming the report; any other database failure is passed on as it is.
 */
class SignOffRaceTest {

    @Test
    void theSecondOfTwoSimultaneousDecisionsIsRefusedNamingTheReport() {
        FairnessSignOff signOff = withFlushFailing(new PersistenceException("insert failed", new SQLException(
                "Unique index or primary key violation: FAIRNESS_SIGN_OFF_REPORT", "23505")));

        SignOffRefusedException refused = assertThrows(SignOffRefusedException.class, () -> signOff
                .flushOneDecision(7));

        assertEquals("reportId", refused.field());
        assertTrue(refused.getMessage().contains("report 7 was decided by someone else"), refused.getMessage());
    }

    @Test
    void otherDatabaseFailuresAreNotTakenForADecision() {
        PersistenceException lost = new PersistenceException("connection lost", new SQLException("gone", "08006"));
        FairnessSignOff signOff = withFlushFailing(lost);

        assertSame(lost, assertThrows(PersistenceException.class, () -> signOff.flushOneDecision(7)));
    }

    private static FairnessSignOff withFlushFailing(PersistenceException failure) {
        FairnessSignOff signOff = new FairnessSignOff();
        signOff.entityManager = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[]{EntityManager.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("flush")) {
                        throw failure;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return signOff;
    }
}
