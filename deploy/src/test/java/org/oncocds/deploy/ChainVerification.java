package org.oncocds.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application's own verifier of the audit chain (hash links and seals), run as a compliance officer would. */
final class ChainVerification {

    private ChainVerification() {
    }

    /**
     * Signs the demo compliance officer in, presses <em>Verify the chain</em> on {@code /audit} and asserts the page
     * says the chain is intact; returns what it says (e.g. how many records were checked).
     */
    static String intact(E2eSettings settings) {
        try (Browser browser = Browser.open(settings)) {
            browser.signInAndOpen(DemoUser.COMPLIANCE_OFFICER, "/audit");
            browser.submit("verify-chain");
            assertTrue(browser.has("#chain-intact"), browser.visibleText());
            return browser.text("#chain-intact");
        }
    }
}
