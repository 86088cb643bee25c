package org.oncocds.portal.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the templates honest: every visible text comes from a message key that exists, nothing is written unescaped.
 * Text inside an element is allowed only as the prototype placeholder of a {@code th:text} that replaces it.
 */
class TemplatesTest {

    static final Path TEMPLATES = Path.of("src/main/webapp/WEB-INF/templates");

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern TEXT_AFTER_TAG = Pattern.compile("<([a-zA-Z][^>]*)>([^<]*)");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9.\\-+]*)");
    private static final Pattern VISIBLE_ATTRIBUTE = Pattern.compile(
            "\\s(title|placeholder|alt|aria-label|label)=\"([^\"]*)\"");

    @Test
    void noTemplateHoldsHardCodedText() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path template : templates()) {
            String markup = COMMENT.matcher(Files.readString(template)).replaceAll("");
            Matcher text = TEXT_AFTER_TAG.matcher(markup);
            while (text.find()) {
                String tag = text.group(1);
                String content = text.group(2).strip();
                boolean replaced = tag.contains("th:text=") || tag.contains("th:replace=");
                if (!content.isEmpty() && !replaced && !tag.startsWith("!")) {
                    offences.add(TEMPLATES.relativize(template) + ": \"" + content + "\" in <" + tag + ">");
                }
            }
            Matcher attribute = VISIBLE_ATTRIBUTE.matcher(markup);
            while (attribute.find()) {
                offences.add(TEMPLATES.relativize(template) + ": " + attribute.group().strip());
            }
        }
        assertEquals(List.of(), offences);
    }

    @Test
    void everyMessageKeyATemplateNamesExists() throws IOException {
        Properties messages = Pages.defaultMessages();
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher key = LITERAL_KEY.matcher(Files.readString(template));
            while (key.find()) {
                if (!messages.containsKey(key.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void nothingIsWrittenUnescaped() throws IOException {
        for (Path template : templates()) {
            String markup = Files.readString(template);
            assertFalse(markup.contains("th:utext"), template + " uses th:utext");
            assertFalse(markup.contains("[(${"), template + " uses unescaped inlining");
        }
    }

    @Test
    void theCheckCatchesHardCodedText() {
        Matcher text = TEXT_AFTER_TAG.matcher("<p class=\"x\">Hello</p>");
        text.find();
        assertEquals("Hello", text.group(2), "the pattern must see text after an opening tag");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
    }
}
