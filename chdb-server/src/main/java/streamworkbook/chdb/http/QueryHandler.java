package streamworkbook.chdb.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import streamworkbook.chdb.engine.ChdbResult;
import streamworkbook.chdb.protocol.ClickHouseException;
import streamworkbook.chdb.protocol.ErrorCodes;
import streamworkbook.chdb.protocol.Formats;
import streamworkbook.chdb.protocol.QuerySummary;
import streamworkbook.chdb.sql.Statement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * ClickHouse's HTTP query interface on {@code /}: {@code GET /?query=…} (read-only) and
 * {@code POST /} with the statement in the {@code query} parameter and/or the body.
 *
 * <p>The whole result is produced before the response starts, as with a server's
 * {@code wait_end_of_query=1}: an error therefore always arrives as a non-200 status with
 * {@code X-ClickHouse-Exception-Code} and {@code Code: N. DB::Exception: …} in the body, never in
 * the middle of data.
 */
final class QueryHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryHandler.class);

    private final SessionPool sessions;
    private final Authenticator authenticator;
    private final Path spoolDir;
    private final String displayName;
    private final String serverTimezone;
    private final int maxQueryBytes;

    QueryHandler(SessionPool sessions, Authenticator authenticator, Path spoolDir, String displayName,
                 String serverTimezone, int maxQueryBytes) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.spoolDir = spoolDir;
        this.displayName = displayName;
        this.serverTimezone = serverTimezone;
        this.maxQueryBytes = maxQueryBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Headers response = exchange.getResponseHeaders();
            response.set("X-ClickHouse-Server-Display-Name", displayName);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            boolean readOnly = method.equals("GET") || method.equals("HEAD");
            if (path.equals("/ping") || path.equals("/replicas_status")) {
                Responses.plain(exchange, 200, "Ok.\n");
                return;
            }
            if (!path.equals("/")) {
                Responses.plain(exchange, 404, "There is no handle " + path + "\n\nUse / or /ping for health checks.\n"
                        + "Send queries with POST or with GET /?query=...\n");
                return;
            }
            if (!readOnly && !method.equals("POST")) {
                response.set("Allow", "GET, HEAD, POST");
                Responses.plain(exchange, 405, "Method " + method + " is not allowed: use GET or POST\n");
                return;
            }
            UrlParameters params = UrlParameters.parse(exchange.getRequestURI().getRawQuery());
            if (readOnly && !params.has("query")) {
                Responses.plain(exchange, 200, "Ok.\n"); // a server's default response to a bare GET /
                return;
            }
            handleQuery(exchange, params, readOnly);
        } finally {
            exchange.close();
        }
    }

    private void handleQuery(HttpExchange exchange, UrlParameters params, boolean readOnly) throws IOException {
        QueryRequest request = QueryRequest.of(params, exchange.getRequestHeaders(), readOnly);
        exchange.getResponseHeaders().set("X-ClickHouse-Query-Id", request.queryId());
        boolean authenticated = false;
        try {
            authenticator.authenticate(exchange.getRequestHeaders(), params);
            authenticated = true;
            long started = System.nanoTime();
            InputStream body = RequestBody.open(exchange, request);
            try (PreparedQuery query = PreparedQuery.read(params.get("query"), body, spoolDir, maxQueryBytes)) {
                run(exchange, request, query, started);
            }
        } catch (ClickHouseException e) {
            log.debug("query {} failed: {}", request.queryId(), e.text());
            RequestBody.discardRest(exchange);
            Responses.error(exchange, request, e, authenticated);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Responses.error(exchange, request,
                    ClickHouseException.of(ErrorCodes.STD_EXCEPTION, "server is shutting down"), authenticated);
        } catch (IOException e) {
            log.debug("query {}: connection problem: {}", request.queryId(), e.toString());
        } catch (RuntimeException e) {
            log.warn("query {} failed inside chdb-server", request.queryId(), e);
            RequestBody.discardRest(exchange);
            Responses.error(exchange, request, ClickHouseException.of(ErrorCodes.STD_EXCEPTION, e.toString()),
                    authenticated);
        }
    }

    /** Runs the statement on a session and sends its result; {@code started} is when the body began to arrive. */
    private void run(HttpExchange exchange, QueryRequest request, PreparedQuery query, long started)
            throws IOException, InterruptedException {
        Statement statement = query.statement();
        String format = firstNonNull(statement.outputFormat(), request.defaultFormat(), Formats.DEFAULT);
        long engineStarted = System.nanoTime();
        if (log.isDebugEnabled()) {
            log.debug("query {}: {} {} settings={} params={} compress={} decompress={} spool={} format={},"
                            + " body read in {} ms", request.queryId(), exchange.getRequestMethod(), statement.keyword(),
                    request.settings().keySet(), request.parameters().keySet(), request.compressResponse(),
                    request.decompressBody(), query.spool() == null ? "-" : query.spool().toFile().length() + " bytes",
                    format, (engineStarted - started) / 1_000_000);
        }
        ChdbResult result;
        Session session = sessions.take(request.readOnly());
        try {
            result = session.run(query.sql(), statement.keyword().equals("USE"), statement.leavesSessionState(),
                    request, format);
        } finally {
            // the result owns its memory: the session can serve the next request while this one is sent
            sessions.give(session);
        }
        log.debug("query {}: engine {} ms", request.queryId(), (System.nanoTime() - engineStarted) / 1_000_000);
        try (result) {
            if (result.failed()) {
                String error = query.spool() == null ? result.error() : SpoolErrors.clean(result.error(), query.spool());
                throw ClickHouseException.fromEngine(request.readOnly() ? ReadOnlyHint.add(error) : error);
            }
            QuerySummary summary = new QuerySummary(result.readRows(), result.readBytes(), result.writtenRows(),
                    result.writtenBytes(), result.resultRows(), result.resultBytes(), System.nanoTime() - started);
            Headers headers = exchange.getResponseHeaders();
            if (statement.keyword().equals("INSERT")) {
                headers.set("Content-Type", Responses.TEXT); // an INSERT has no output format
            } else {
                headers.set("Content-Type", Formats.contentType(format));
                headers.set("X-ClickHouse-Format", format);
            }
            String timezone = request.setting("session_timezone");
            headers.set("X-ClickHouse-Timezone", timezone == null || timezone.isEmpty() ? serverTimezone : timezone);
            headers.set("X-ClickHouse-Summary", summary.toJson());
            Responses.result(exchange, request, result);
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
