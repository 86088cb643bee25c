package org.oncocds.portal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every JSON document of the portal comes from the one provider. */
class PortalJsonTest {

    /** The calls that look the provider up anew each time. */
    private static final Pattern LOOKUP_PER_CALL = Pattern.compile("\\bJson\\s*\\.\\s*create");

    @Test
    void noPortalClassLooksTheProviderUpPerCall() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<Path> offending = sources.filter(path -> path.toString().endsWith(".java")).filter(
                    path -> !path.endsWith("PortalJson.java")).filter(PortalJsonTest::looksUpPerCall).toList();
            assertEquals(List.of(), offending);
        }
    }

    @Test
    void buildsAndReadsDocuments() {
        String document = PortalJson.object().add("field", "age").add("values", PortalJson.array(List.of(1, "two")))
                .build().toString();

        assertEquals("{\"field\":\"age\",\"values\":[1,\"two\"]}", document);
        assertEquals("two", PortalJson.reader(new StringReader(document)).readObject().getJsonArray("values")
                .getString(1));
    }

    private static boolean looksUpPerCall(Path source) {
        try {
            return LOOKUP_PER_CALL.matcher(Files.readString(source)).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
