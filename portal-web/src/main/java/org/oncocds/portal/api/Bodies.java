package org.oncocds.portal.api;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.oncocds.portal.json.PortalJson;

/** Request bodies read with a size limit: a body over the limit is refused (413), never read to the end. */
final class Bodies {

    private Bodies() {
    }

    /** The body as one JSON object, at most {@code limit} bytes. */
    static JsonObject jsonObject(InputStream body, int limit) {
        String text = text(body, limit);
        if (text.isBlank()) {
            throw ApiProblem.badRequest("body", "the request body is empty; send a JSON object");
        }
        try (JsonReader reader = PortalJson.reader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            throw ApiProblem.badRequest("body", "the body is not valid JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw ApiProblem.badRequest("body", "the body must be a JSON object");
        }
    }

    static String text(InputStream body, int limit) {
        if (body == null) {
            return "";
        }
        try (InputStream limited = limited(body, limit)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            limited.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (TooLarge e) {
            throw new ApiProblem(413, "body", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stream, failing with {@link TooLarge} (an I/O error to its reader) past {@code limit} bytes. */
    static Limited limited(InputStream body, long limit) {
        return new Limited(body, limit);
    }

    /** A stream that refuses to go past its limit and remembers whether it was asked to. */
    static final class Limited extends FilterInputStream {

        private final long limit;
        private long read;
        private boolean exceeded;

        Limited(InputStream body, long limit) {
            super(body);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        boolean exceeded() {
            return exceeded;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                exceeded = true;
                throw new TooLarge("the request body is larger than " + limit + " bytes; nothing was stored");
            }
        }
    }

    /** The body went past its limit. */
    static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }
}
