package streamworkbook.chdb.http;

import com.sun.net.httpserver.HttpExchange;
import streamworkbook.chdb.protocol.ClickHouseException;
import streamworkbook.chdb.protocol.CompressedInputStream;
import streamworkbook.chdb.protocol.ErrorCodes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * The request body as the statement reader sees it: HTTP {@code Content-Encoding} (gzip,
 * deflate) undone first, then ClickHouse's native block compression when {@code decompress=1} —
 * the same layering as a ClickHouse server.
 */
final class RequestBody {

    private static final int BUFFER = 1 << 16;

    private RequestBody() {
    }

    static InputStream open(HttpExchange exchange, QueryRequest request) throws IOException {
        InputStream in = new BufferedInputStream(exchange.getRequestBody(), BUFFER);
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            switch (encoding.trim().toLowerCase(Locale.ROOT)) {
                case "gzip", "x-gzip" -> in = new GZIPInputStream(in, BUFFER);
                case "deflate" -> in = new InflaterInputStream(in);
                default -> throw ClickHouseException.of(ErrorCodes.NOT_IMPLEMENTED, "Content-Encoding '" + encoding
                        + "' is not supported by chdb-server (gzip and deflate are)");
            }
        }
        if (request.decompressBody()) {
            in = new CompressedInputStream(in);
        }
        return in;
    }

    /**
     * Reads and discards what is left of the raw body, so the connection can carry the next
     * request (the client sends its whole body before it reads an error response).
     */
    static void discardRest(HttpExchange exchange) {
        try {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the client went away; nothing left to keep alive
        }
    }
}
