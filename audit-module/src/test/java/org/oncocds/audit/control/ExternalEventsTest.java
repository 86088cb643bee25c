package org.oncocds.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExternalEventsTest {

    @Test
    void aPrefixIsMatchedLiterally() {
        assertEquals("keycloak-event:%", ExternalEvents.likePrefix("keycloak-event:"));
        assertEquals("a!_b!%c!!d%", ExternalEvents.likePrefix("a_b%c!d"));
    }
}
