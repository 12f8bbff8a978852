package streamworkbook.chdb.http;

import com.sun.net.httpserver.HttpExchange;
import streamworkbook.chdb.protocol.ClickHouseException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * A query's response body, sent the way a ClickHouse server sends one.
 *
 * <p>The first {@code buffer_size} bytes (1 MiB unless the request says otherwise) are held back:
 * a result that ends within them is sent with its length, and an error found meanwhile is still
 * an ordinary error response (status, {@code X-ClickHouse-Exception-Code}). Past that, headers go
 * out and the rest streams as the engine produces it, so memory stays bounded whatever the result
 * size. With {@code wait_end_of_query=1} nothing is sent before the end: the part past the buffer
 * is spilled to a file in the spool directory.
 *
 * <p>An error after the headers went out is reported like ClickHouse 25.11+: every response
 * carries {@code X-ClickHouse-Exception-Tag: <tag>}, and the body ends with
 * {@code \r\n__exception__\r\n<tag>\r\n<message>\n<length> <tag>\r\n__exception__\r\n}, where length counts
 * the message and its newline. The chunked encoding is then broken off (no final chunk, connection
 * closed, {@link ResponseAbortedException}) so that a client that does not know the tag — such as
 * clickhouse-jdbc 0.10.0 — sees a failed transfer instead of a short but valid-looking result.
 */
final class ResponseBody extends OutputStream {

    static final int DEFAULT_BUFFER_BYTES = 1 << 20;
    private static final int TAG_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpExchange exchange;
    private final QueryRequest request;
    private final Path spoolDir;
    private final Supplier<String> summary;
    private final String exceptionTag;
    private final int bufferBytes;

    private ByteArrayOutputStream held = new ByteArrayOutputStream();
    private Path spillFile;
    private OutputStream spill;
    private long spilledBytes;
    /** The body as sent (compression applied) once headers are out; null before. */
    private OutputStream sent;
    private boolean finished;

    /** {@code summary} is asked for the X-ClickHouse-Summary header when headers go out. */
    ResponseBody(HttpExchange exchange, QueryRequest request, Path spoolDir, Supplier<String> summary) {
        this.exchange = exchange;
        this.request = request;
        this.spoolDir = spoolDir;
        this.summary = summary;
        this.exceptionTag = newTag();
        this.bufferBytes = request.bufferBytes();
        exchange.getResponseHeaders().set("X-ClickHouse-Exception-Tag", exceptionTag);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (sent != null) {
            sent.write(b, off, len);
            return;
        }
        if (spill != null) {
            spill.write(b, off, len);
            spilledBytes += len;
            return;
        }
        held.write(b, off, len);
        if (held.size() > bufferBytes) {
            if (request.waitEndOfQuery()) {
                spillFile = Files.createTempFile(spoolDir, "result-", ".data");
                spill = Files.newOutputStream(spillFile);
            } else {
                startSending(0);
            }
        }
    }

    /** The result is complete: sends what is held (with its length when possible) and ends the body. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (sent == null) {
                if (spill != null) {
                    spill.close();
                }
                long total = held.size() + spilledBytes;
                if (exchange.getRequestMethod().equals("HEAD") || (total == 0 && !request.compressResponse())) {
                    exchange.getResponseHeaders().set("X-ClickHouse-Summary", summary.get());
                    exchange.sendResponseHeaders(200, -1);
                    return;
                }
                startSending(total);
                if (spillFile != null) {
                    Files.copy(spillFile, sent);
                }
            }
            sent.close();
        } finally {
            discardSpill();
        }
    }

    /**
     * The query failed: an error response if nothing was sent yet, otherwise the tagged exception
     * at the end of the data and a broken-off transfer ({@link ResponseAbortedException}).
     */
    void fail(ClickHouseException error, boolean afterAuthentication) throws IOException {
        finished = true;
        discardSpill();
        if (sent == null) {
            held = null;
            Responses.error(exchange, request, error, afterAuthentication);
            return;
        }
        byte[] message = error.text().getBytes(StandardCharsets.UTF_8);
        String head = "\r\n__exception__\r\n" + exceptionTag + "\r\n";
        String tail = "\n" + (message.length + 1) + " " + exceptionTag + "\r\n__exception__\r\n";
        try {
            sent.write(head.getBytes(StandardCharsets.US_ASCII));
            sent.write(message);
            sent.write(tail.getBytes(StandardCharsets.US_ASCII));
            sent.flush();
        } catch (IOException clientGone) {
            // nobody left to tell; the connection is dropped all the same
        }
        throw new ResponseAbortedException(error.text());
    }

    /** Whether headers (and some data) went out already. */
    boolean started() {
        return sent != null;
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    private void startSending(long knownLength) throws IOException {
        exchange.getResponseHeaders().set("X-ClickHouse-Summary", summary.get());
        sent = Responses.startResult(exchange, request, knownLength);
        held.writeTo(sent);
        held = null;
    }

    private void discardSpill() {
        try {
            if (spill != null) {
                spill.close();
            }
            if (spillFile != null) {
                Files.deleteIfExists(spillFile);
            }
        } catch (IOException ignored) {
            // a leftover spool file is removed at the next start
        }
        spill = null;
        spillFile = null;
    }

    private static String newTag() {
        char[] tag = new char[TAG_LENGTH];
        for (int i = 0; i < tag.length; i++) {
            tag[i] = (char) ('a' + RANDOM.nextInt(26));
        }
        return new String(tag);
    }
}
