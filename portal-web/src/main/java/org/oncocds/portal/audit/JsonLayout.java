package org.oncocds.portal.audit;

/**
 * Lays out a JSON document with one member or element per line, indented by depth, for a compliance officer to read.
 * Only white space outside strings is changed, so the text stays the same JSON; anything that is not well-formed is laid
 * out as far as it goes and never rejected (the page shows what the record holds). The page escapes the result.
 */
final class JsonLayout {

    private static final String INDENT = "  ";

    private JsonLayout() {
    }

    static String pretty(String json) {
        if (json == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(json.length() * 2);
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    out.append(c);
                    if (i + 1 < json.length() && closes(c, json.charAt(nextNonBlank(json, i + 1)))) {
                        i = nextNonBlank(json, i + 1);
                        out.append(json.charAt(i));
                    } else {
                        depth++;
                        newLine(out, depth);
                    }
                }
                case '}', ']' -> {
                    depth = Math.max(0, depth - 1);
                    newLine(out, depth);
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newLine(out, depth);
                }
                case ':' -> out.append(": ");
                case ' ', '\t', '\n', '\r' -> {
                    // white space between tokens is replaced by the layout
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean closes(char open, char next) {
        return open == '{' && next == '}' || open == '[' && next == ']';
    }

    private static int nextNonBlank(String json, int from) {
        int i = from;
        while (i < json.length() - 1 && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void newLine(StringBuilder out, int depth) {
        out.append('\n').append(INDENT.repeat(depth));
    }
}
