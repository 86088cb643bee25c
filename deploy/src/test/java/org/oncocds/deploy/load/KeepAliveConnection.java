package org.oncocds.deploy.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One client's persistent HTTP/1.1 connection for the load runs: a request written in one go, the answer read by its
 * {@code Content-Length} or chunks. The JDK's {@code HttpClient} cost the load client about 2 ms of CPU per request
 * (its selector thread and futures), on the same two cores as the server it measures; this costs a few microseconds.
 * Not a general HTTP client: no redirects, no TLS, plain {@code 127.0.0.1} only. After any I/O failure the connection is
 * closed and the next request opens a new one.
 */
final class KeepAliveConnection implements Closeable {

    /** An answer: the status code and the body as text. */
    record Response(int status, String body) {
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final InetSocketAddress address;
    private final String host;
    private final int readTimeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(URI portal, int readTimeoutMillis) {
        if (!"127.0.0.1".equals(portal.getHost())) {
            throw new IllegalArgumentException("load is only ever sent to 127.0.0.1, not " + portal);
        }
        this.address = new InetSocketAddress(portal.getHost(), portal.getPort());
        this.host = portal.getHost() + ":" + portal.getPort();
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** POSTs a JSON body with a bearer token and reads the whole answer. */
    Response postJson(String path, String bearerToken, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + bearerToken
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        try {
            open();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read();
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a broken connection: nothing more to do.
            }
        }
        socket = null;
    }

    private void open() throws IOException {
        if (socket == null) {
            Socket opened = new Socket();
            opened.setTcpNoDelay(true);
            opened.connect(address, CONNECT_TIMEOUT_MILLIS);
            opened.setSoTimeout(readTimeoutMillis);
            socket = opened;
            in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
            out = opened.getOutputStream();
        }
    }

    private Response read() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? header : header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closeAfter = value.contains("close");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(line().split(";", 2)[0].trim(), 16); size > 0; size = Long.parseLong(line()
                    .split(";", 2)[0].trim(), 16)) {
                copy(size, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            copy(length, body);
        } else {
            in.transferTo(body);
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private void copy(long bytes, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[(int) Math.min(bytes, 16 * 1024)];
        long left = bytes;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(left, buffer.length));
            if (read < 0) {
                throw new IOException("the connection closed in the middle of an answer");
            }
            to.write(buffer, 0, read);
            left -= read;
        }
    }

    /** One header line without its CRLF. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed before the answer was complete");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
