package streamworkbook.chdb;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static streamworkbook.chdb.Http.header;
import static streamworkbook.chdb.Http.text;

/** Results stream as the engine produces them; errors after the first bytes are reported like ClickHouse. */
class StreamingTest {

    /** Fails at row 1,000,000, after about 8 MB of output: well past the 1 MiB held back. */
    private static final String FAILS_LATE =
            "SELECT number, throwIf(number >= 1000000) FROM numbers(2000000)";

    /**
     * The client reads 2 MiB of a 518 MB result and stops: the statement is still running (the
     * rest was never produced, so it cannot be buffered anywhere), and hanging up cancels it.
     */
    @Test
    void aLargeSelectIsSentWhileTheEngineProducesItAndHangingUpCancelsIt() throws Exception {
        String marker = "stream_" + System.nanoTime();
        HttpURLConnection http = (HttpURLConnection) URI.create(TestServer.get().url() + "/").toURL().openConnection();
        http.setDoOutput(true);
        http.setRequestMethod("POST");
        try (OutputStream out = http.getOutputStream()) {
            out.write(("SELECT number, toString(number) FROM numbers(30000000) /* " + marker + " */")
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(200, http.getResponseCode());
        assertEquals("chunked", http.getHeaderField("Transfer-Encoding"));
        InputStream in = http.getInputStream();
        byte[] first = in.readNBytes(2 << 20);
        assertEquals(2 << 20, first.length);
        assertTrue(new String(first, 0, 20, StandardCharsets.US_ASCII).startsWith("0\t0\n1\t1\n2\t2\n"));
        assertEquals(1, Processes.running(marker), "the statement should still be producing the result");
        http.disconnect();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> Processes.running(marker) == 0);
        assertEquals("1\n", text(Http.query().post("SELECT 1")), "the server goes on serving");
    }

    @Test
    void aResultWithinTheFirstMegabyteIsSentWithItsLength() {
        HttpResponse<byte[]> r = Http.query().post("SELECT number FROM numbers(1000)");
        assertEquals(200, r.statusCode());
        assertEquals(String.valueOf(r.body().length), header(r, "Content-Length"));
        assertEquals(3890, r.body().length);
    }

    @Test
    void anErrorWithinTheFirstMegabyteIsAnErrorResponse() {
        HttpResponse<byte[]> r = Http.query().post("SELECT throwIf(number = 100) FROM numbers(1000)");
        assertEquals(500, r.statusCode());
        assertEquals("395", header(r, "X-ClickHouse-Exception-Code"));
        assertTrue(text(r).startsWith("Code: 395. DB::Exception: Value passed to 'throwIf' function is non-zero"),
                text(r));
    }

    @Test
    void waitEndOfQueryTurnsALateErrorIntoAnErrorResponse() {
        HttpResponse<byte[]> r = Http.query().param("wait_end_of_query", "1").post(FAILS_LATE);
        assertEquals(500, r.statusCode());
        assertEquals("395", header(r, "X-ClickHouse-Exception-Code"));
        assertTrue(text(r).startsWith("Code: 395. DB::Exception:"), text(r));
        HttpResponse<byte[]> whole = Http.query().param("wait_end_of_query", "1")
                .post("SELECT number FROM numbers(1000000)");
        assertEquals(200, whole.statusCode());
        assertEquals(6_888_890, whole.body().length);
        assertEquals(String.valueOf(6_888_890), header(whole, "Content-Length"), "sent once complete");
    }

    /**
     * After data went out: 200, then the rows, then ClickHouse 25.11's tagged exception block, and
     * the chunked body is broken off (no final zero-length chunk) so no client mistakes it for a
     * complete result.
     */
    @Test
    void anErrorAfterTheFirstMegabyteEndsTheBodyWithTheTaggedExceptionAndBreaksItOff() throws IOException {
        RawResponse r = RawResponse.post(FAILS_LATE);
        assertTrue(r.head.startsWith("HTTP/1.1 200 OK\r\n"), r.head);
        String tag = r.header("X-ClickHouse-Exception-Tag");
        assertNotNull(tag, r.head);
        assertTrue(tag.matches("[a-z]{16}"), tag);
        assertNull(r.header("X-ClickHouse-Exception-Code"), "headers went out before the error");
        assertFalse(r.complete, "the final chunk must be missing");

        String body = new String(r.body, StandardCharsets.UTF_8);
        assertTrue(body.startsWith("0\t0\n1\t0\n"));
        Matcher m = Pattern.compile("\r\n__exception__\r\n" + tag + "\r\n(Code: 395\\. DB::Exception: [^\n]*)\n(\\d+) "
                + tag + "\r\n__exception__\r\n$").matcher(body);
        assertTrue(m.find(), body.substring(Math.max(0, body.length() - 600)));
        String message = m.group(1);
        assertTrue(message.startsWith("Code: 395. DB::Exception: Value passed to 'throwIf' function is non-zero"),
                message);
        assertEquals(message.getBytes(StandardCharsets.UTF_8).length + 1, Integer.parseInt(m.group(2)));
        String rows = body.substring(0, m.start());
        assertTrue(rows.length() > 1 << 20, "more than the held-back megabyte was sent: " + rows.length());
        assertTrue(rows.endsWith("\n"), "whole rows (blocks) only");
    }

    @Test
    void theDriverSurfacesALateErrorAsAnSqlException() throws Exception {
        try (Connection c = TestServer.jdbc(); Statement s = c.createStatement()) {
            long[] rows = {0};
            SQLException e = assertThrows(SQLException.class, () -> {
                try (ResultSet rs = s.executeQuery(FAILS_LATE)) {
                    while (rs.next()) {
                        rows[0]++;
                    }
                }
            });
            assertTrue(rows[0] > 0 && rows[0] < 1_000_000, rows[0] + " rows read before the error; " + e);
        }
        try (Connection c = TestServer.jdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count() FROM numbers(10)")) {
            assertTrue(rs.next());
            assertEquals(10, rs.getInt(1), "the driver goes on working");
        }
    }

    @Test
    void largeResultsArriveWholeThroughTheDriver() throws Exception {
        try (Connection c = TestServer.jdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT number, toString(number) FROM numbers(3000000)")) {
            long count = 0;
            long sum = 0;
            while (rs.next()) {
                assertEquals(Long.toString(rs.getLong(1)), rs.getString(2));
                sum += rs.getLong(1);
                count++;
            }
            assertEquals(3_000_000, count);
            assertEquals(3_000_000L * 2_999_999L / 2, sum);
        }
    }

    /** chDB repeats a format's header in every streamed part; the response has it once. */
    @Test
    void aStreamedResultCarriesItsHeaderOnce() {
        String sql = "SELECT number, toString(number) AS text FROM numbers(300000) FORMAT ";
        String tsv = text(Http.query().post(sql + "TSVWithNamesAndTypes"));
        assertTrue(tsv.startsWith("number\ttext\nUInt64\tString\n0\t0\n"), tsv.substring(0, 40));
        assertEquals(1, tsv.split("UInt64", -1).length - 1);
        assertEquals(300_002, tsv.split("\n", -1).length - 1);
        String json = text(Http.query().post(sql + "JSON"));
        assertEquals(1, json.split("\"meta\"", -1).length - 1, "JSON is produced whole");
        assertTrue(json.contains("\"rows\": 300000,"));
    }

    /** One HTTP/1.1 exchange over a plain socket, read to the end of the connection and de-chunked. */
    private static final class RawResponse {
        final String head;
        final byte[] body;
        /** Whether the chunked body ended with its final zero-length chunk. */
        final boolean complete;

        private RawResponse(String head, byte[] body, boolean complete) {
            this.head = head;
            this.body = body;
            this.complete = complete;
        }

        static RawResponse post(String sql) throws IOException {
            byte[] sqlBytes = sql.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", TestServer.get().port())) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: "
                        + sqlBytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(sqlBytes);
                out.flush();
                byte[] all;
                try {
                    all = socket.getInputStream().readAllBytes();
                } catch (IOException reset) {
                    throw new IllegalStateException("connection reset instead of closed", reset);
                }
                int headEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
                String head = new String(all, 0, headEnd + 2, StandardCharsets.US_ASCII);
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                int p = headEnd + 4;
                boolean complete = false;
                while (p < all.length) {
                    int lineEnd = indexOf(all, "\r\n".getBytes(StandardCharsets.US_ASCII), p);
                    if (lineEnd < 0) {
                        break;
                    }
                    int size = Integer.parseInt(new String(all, p, lineEnd - p, StandardCharsets.US_ASCII).strip(), 16);
                    if (size == 0) {
                        complete = true;
                        break;
                    }
                    int start = lineEnd + 2;
                    body.write(all, start, Math.min(size, all.length - start));
                    p = start + size + 2;
                }
                return new RawResponse(head, body.toByteArray(), complete);
            }
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        private static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = from; i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
