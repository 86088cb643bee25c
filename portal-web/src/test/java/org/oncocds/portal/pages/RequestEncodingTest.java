package org.oncocds.portal.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.oncocds.portal.WebFakes;

/**
 * Every page is UTF-8 and browsers send its forms back in UTF-8 without saying so: the container must decode them as
 * UTF-8, or a clinician's "wünscht" is recorded as "wÃ¼nscht" (seen on Payara Micro 6 before web.xml named it).
 */
class RequestEncodingTest {

    @Test
    void formsAreDecodedAsUtf8() throws IOException {
        String webXml = Files.readString(WebFakes.WEBAPP.resolve("WEB-INF/web.xml"));

        assertTrue(webXml.contains("<request-character-encoding>UTF-8</request-character-encoding>"), webXml);
    }
}
