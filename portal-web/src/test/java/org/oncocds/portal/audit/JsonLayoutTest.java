package org.oncocds.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The layout of stored JSON for reading: white space only, strings untouched. */
class JsonLayoutTest {

    @Test
    void membersAndElementsGetALineEachIndentedByDepth() {
        assertEquals("""
                {
                  "a": 1,
                  "b": [
                    true,
                    null
                  ],
                  "c": {}
                }""", JsonLayout.pretty("{\"a\":1,\"b\":[true,null],\"c\":{}}"));
    }

    @Test
    void stringsAreKeptAsTheyAreEvenWithBracketsQuotesAndCommas() {
        String json = "{\"reason\":\"a, b: {c} [d] \\\"e\\\" \\\\\"}";

        assertEquals("{\n  \"reason\": \"a, b: {c} [d] \\\"e\\\" \\\\\"\n}", JsonLayout.pretty(json));
    }

    @Test
    void emptyContainersStayOnOneLineAndExistingWhiteSpaceIsReplaced() {
        assertEquals("[\n  [],\n  {}\n]", JsonLayout.pretty(" [ [ ] ,\n { } ] "));
    }

    @Test
    void brokenJsonIsShownAsFarAsItGoes() {
        assertEquals("{\n  \"a\": [\n    1\n  }", JsonLayout.pretty("{\"a\":[1}"));
        assertEquals("", JsonLayout.pretty(null));
    }
}
