package org.oncocds.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    @Test
    void formsMayLeadOnlyToThePortalAndToKeycloak() {
        assertEquals("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' "
                + "https://sso.example.org:8443; frame-ancestors 'none'; base-uri 'none'",
                SecurityHeadersFilter
                        .policy("https://sso.example.org:8443/realms/oncology"));
    }
}
