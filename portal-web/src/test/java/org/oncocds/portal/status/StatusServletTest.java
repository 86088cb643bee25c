package org.oncocds.portal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatusServletTest {

    @Test
    void upOnlyWhenModelsAndDatabaseAre() {
        assertEquals("{\"status\":\"UP\",\"checks\":{\"models\":\"UP\",\"database\":\"UP\"}}", StatusServlet.body(true,
                true, true));
        assertTrue(StatusServlet.body(false, true, false).contains("\"status\":\"DOWN\""));
        assertTrue(StatusServlet.body(false, true, false).contains("\"database\":\"DOWN\""));
        assertFalse(StatusServlet.body(false, false, true).contains("\"status\":\"UP\""));
    }
}
