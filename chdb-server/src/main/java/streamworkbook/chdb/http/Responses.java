package streamworkbook.chdb.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import streamworkbook.chdb.protocol.ClickHouseException;
import streamworkbook.chdb.protocol.CompressedOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writing responses the way a ClickHouse server does: native block compression for
 * {@code compress=1}, HTTP gzip/deflate when {@code enable_http_compression=1} and the client
 * accepts it (native compression inside HTTP compression, as on a server), errors as text with
 * {@code X-ClickHouse-Exception-Code}.
 */
final class Responses {

    static final String TEXT = "text/plain; charset=UTF-8";

    private static final Logger log = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    /**
     * Sends the headers of a successful result and returns the stream its body goes to (native
     * and HTTP compression applied). {@code knownLength} is the body's length when all of it is
     * known already, 0 to stream it with chunked encoding. Headers other than the body's own must
     * already be set.
     */
    static OutputStream startResult(HttpExchange exchange, QueryRequest request, long knownLength) throws IOException {
        addCors(exchange, request);
        String httpEncoding = httpCompression(exchange, request);
        if (httpEncoding != null) {
            exchange.getResponseHeaders().set("Content-Encoding", httpEncoding);
        }
        boolean fixedLength = knownLength > 0 && httpEncoding == null && !request.compressResponse();
        exchange.sendResponseHeaders(200, fixedLength ? knownLength : 0);
        return wrap(exchange.getResponseBody(), httpEncoding, request,
                knownLength > 0 ? knownLength : ResponseBody.DEFAULT_BUFFER_BYTES);
    }

    /**
     * Sends an error. After authentication a server has set up its response stream, so with
     * {@code compress=1} the error text is compressed like a result would be; an authentication
     * failure comes before that and is always plain (clients rely on this).
     */
    static void error(HttpExchange exchange, QueryRequest request, ClickHouseException e, boolean afterAuthentication) {
        try {
            Headers headers = exchange.getResponseHeaders();
            headers.set("X-ClickHouse-Exception-Code", Integer.toString(e.code()));
            headers.set("Content-Type", TEXT);
            headers.remove("X-ClickHouse-Format");
            byte[] body = (e.text() + "\n").getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(e.httpStatus(), -1);
                return;
            }
            boolean compress = afterAuthentication && request.compressResponse();
            exchange.sendResponseHeaders(e.httpStatus(), compress ? 0 : body.length);
            OutputStream raw = exchange.getResponseBody();
            try (OutputStream out = compress ? new CompressedOutputStream(raw, body.length) : raw) {
                out.write(body);
            }
        } catch (IOException io) {
            log.debug("could not send an error to the client: {}", io.toString());
        }
    }

    /** A short text answer (health checks, unknown paths). */
    static void plain(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", TEXT);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static OutputStream wrap(OutputStream out, String httpEncoding, QueryRequest request, long length)
            throws IOException {
        if ("gzip".equals(httpEncoding)) {
            // sync flush: a flush (before a mid-stream error is reported) must push out what was compressed
            out = new GZIPOutputStream(out, 1 << 16, true);
        } else if ("deflate".equals(httpEncoding)) {
            out = new DeflaterOutputStream(out, true);
        }
        return request.compressResponse() ? new CompressedOutputStream(out, length) : out;
    }

    /** gzip or deflate when the request sets enable_http_compression=1 and the client accepts it. */
    private static String httpCompression(HttpExchange exchange, QueryRequest request) {
        if (!isTrue(request.setting("enable_http_compression"))) {
            return null;
        }
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (accepted == null) {
            return null;
        }
        String lower = accepted.toLowerCase(Locale.ROOT);
        return lower.contains("gzip") ? "gzip" : lower.contains("deflate") ? "deflate" : null;
    }

    /** {@code add_http_cors_header=1}: let a page on another origin read the result. */
    private static void addCors(HttpExchange exchange, QueryRequest request) {
        if (isTrue(request.setting("add_http_cors_header")) && exchange.getRequestHeaders().getFirst("Origin") != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        }
    }

    private static boolean isTrue(String setting) {
        return setting != null && (setting.equals("1") || setting.equalsIgnoreCase("true"));
    }
}
