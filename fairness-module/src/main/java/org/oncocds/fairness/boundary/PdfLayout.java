package org.oncocds.fairness.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Lays text out on A4 landscape pages with PDFBox: headings, wrapped paragraphs and tables whose cells wrap and whose
 * header repeats on every page, a footer with the page number. Text stays text (searchable, copyable). The font is
 * Liberation Sans (the TrueType font PDFBox ships in its own jar), embedded as the subset of glyphs the document uses:
 * Latin with every European diacritic, Greek and Cyrillic (names such as "Łukasz Öztürk"); a character it has no glyph
 * for (e.g. Chinese) is written as '?' (the CSV and JSON exports carry the exact text). PDFBox ships no bold face, so
 * headings are drawn bold by stroking the glyph outlines as well as filling them.
 */
final class PdfLayout implements AutoCloseable {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float FOOTER_SIZE = 7;
    private static final float CELL_PADDING = 2;
    /** The outline stroked around bold glyphs, as a share of the font size. */
    private static final float BOLD_STROKE = 0.035f;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** The font file, read once; each document parses and subsets its own copy (a parsed font is not shareable). */
    private static final byte[] FONT_FILE = fontFile();

    private final PDDocument document = new PDDocument();
    private final PDFont font;
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private final Map<Integer, Float> glyphWidths = new HashMap<>();
    private final String footer;
    private PDPageContentStream content;
    private float y;
    private int pages;

    PdfLayout(String title, String footer) throws IOException {
        try {
            TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(FONT_FILE));
            // No glyph substitution: ligatures add nothing to a table of numbers, and PDFBox's Latin substitution
            // compiles regular expressions for every string shown (it tripled the time of a report).
            parsed.setEnableGsub(false);
            font = PDType0Font.load(document, parsed, true);
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
        this.footer = clean(footer);
        document.getDocumentInformation().setTitle(clean(title));
        document.getDocumentInformation().setCreator("OncoCDS fairness module");
    }

    /** The width text may take between the margins. */
    float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    void heading(String text, float size) throws IOException {
        gap(size * 0.6f);
        paragraph(text, size, true);
    }

    void paragraph(String text, float size) throws IOException {
        paragraph(text, size, false);
    }

    void gap(float points) throws IOException {
        if (content != null) {
            y -= points;
        }
    }

    /**
     * A table: column widths in points (summing to at most {@link #width()}), a bold header row repeated on each page,
     * and rows whose cells wrap within their column ({@code \n} starts a new line within a cell).
     */
    void table(float[] widths, List<String> header, List<List<String>> rows, float size) throws IOException {
        float leading = size * 1.25f;
        tableRow(widths, header, size, leading, true);
        for (List<String> row : rows) {
            if (lines(widths, row, size) * leading + CELL_PADDING > y - MARGIN - FOOTER_SIZE * 2) {
                newPage();
                tableRow(widths, header, size, leading, true);
            }
            tableRow(widths, row, size, leading, false);
        }
        gap(size);
    }

    void save(OutputStream out) throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
        document.save(out);
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
        }
        document.close();
    }

    private void paragraph(String text, float size, boolean strong) throws IOException {
        float leading = size * 1.3f;
        for (String line : wrap(text, size, width())) {
            ensure(leading);
            y -= leading;
            show(strong, size, MARGIN, y, line);
        }
    }

    private int lines(float[] widths, List<String> row, float size) throws IOException {
        int lines = 1;
        for (int i = 0; i < widths.length; i++) {
            lines = Math.max(lines, wrap(cell(row, i), size, widths[i] - 2 * CELL_PADDING).size());
        }
        return lines;
    }

    private void tableRow(float[] widths, List<String> row, float size, float leading, boolean header)
            throws IOException {
        List<List<String>> cells = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < widths.length; i++) {
            List<String> wrapped = wrap(cell(row, i), size, widths[i] - 2 * CELL_PADDING);
            cells.add(wrapped);
            lines = Math.max(lines, wrapped.size());
        }
        float height = lines * leading + CELL_PADDING;
        ensure(height);
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            float lineY = y - leading;
            for (String line : cells.get(i)) {
                show(header, size, x + CELL_PADDING, lineY, line);
                lineY -= leading;
            }
            x += widths[i];
        }
        y -= height;
        content.setStrokingColor(header ? 0.2f : 0.8f);
        content.setLineWidth(header ? 0.8f : 0.3f);
        content.moveTo(MARGIN, y);
        content.lineTo(x, y);
        content.stroke();
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() && row.get(i) != null ? row.get(i) : "";
    }

    private void ensure(float height) throws IOException {
        if (content == null || y - height < MARGIN + FOOTER_SIZE * 2) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        pages++;
        content = new PDPageContentStream(document, page);
        show(false, FOOTER_SIZE, MARGIN, MARGIN, footer + " - page " + pages);
        y = PAGE.getHeight() - MARGIN;
    }

    private void show(boolean strong, float size, float x, float atY, String text) throws IOException {
        content.saveGraphicsState();
        content.beginText();
        content.setFont(font, size);
        if (strong) {
            content.setRenderingMode(RenderingMode.FILL_STROKE);
            content.setLineWidth(size * BOLD_STROKE);
        }
        content.newLineAtOffset(x, atY);
        content.showText(text);
        content.endText();
        content.restoreGraphicsState();
    }

    /** Lines of at most {@code width} points; words longer than a line are broken. */
    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : clean(paragraph).split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (rest.length() > 1 && width(size, rest) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(size, rest.substring(0, cut)) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The sum of the glyphs' widths (PDFBox does not kern shown text either), each looked up in the font once. */
    private float width(float size, String text) throws IOException {
        float units = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            Float glyph = glyphWidths.get(codePoint);
            if (glyph == null) {
                glyph = font.getStringWidth(new String(Character.toChars(codePoint)));
                glyphWidths.put(codePoint, glyph);
            }
            units += glyph;
        }
        return units / 1000 * size;
    }

    /** The text with control characters as spaces and characters the fonts cannot show as '?'. */
    private String clean(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                cleaned.append(' ');
            } else if (encodable.computeIfAbsent(c, this::canShow)) {
                cleaned.appendCodePoint(c);
            } else {
                cleaned.append('?');
            }
        });
        return cleaned.toString();
    }

    private boolean canShow(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static byte[] fontFile() {
        try (InputStream in = PDFont.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's font " + FONT + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("PDFBox's font " + FONT + " could not be read", e);
        }
    }
}
