package streamworkbook.chdb.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import streamworkbook.chdb.protocol.ClickHouseException;
import streamworkbook.chdb.protocol.ErrorCodes;
import streamworkbook.chdb.protocol.Formats;
import streamworkbook.chdb.sql.Statement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * ClickHouse's HTTP query interface on {@code /}: {@code GET /?query=…} (read-only) and
 * {@code POST /} with the statement in the {@code query} parameter and/or the body.
 *
 * <p>A request runs on a connection of its HTTP session ({@code session_id}, {@link NamedSessions})
 * or on a pooled one ({@link ConnectionPool}), once it holds one of the server's
 * {@link QuerySlots}. How the result is sent is {@link QueryExecution}'s and {@link ResponseBody}'s
 * business: streamed, with errors before the first megabyte as ordinary error responses and later
 * ones tagged at the end of a broken-off body.
 */
final class QueryHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryHandler.class);

    private final ConnectionPool pool;
    private final NamedSessions sessions;
    private final QuerySlots slots;
    private final Authenticator authenticator;
    private final Path spoolDir;
    private final String displayName;
    private final String serverTimezone;
    private final int maxQueryBytes;

    QueryHandler(ConnectionPool pool, NamedSessions sessions, QuerySlots slots, Authenticator authenticator,
                 Path spoolDir, String displayName, String serverTimezone, int maxQueryBytes) {
        this.pool = pool;
        this.sessions = sessions;
        this.slots = slots;
        this.authenticator = authenticator;
        this.spoolDir = spoolDir;
        this.displayName = displayName;
        this.serverTimezone = serverTimezone;
        this.maxQueryBytes = maxQueryBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean brokenOff = false;
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
        } catch (ResponseAbortedException e) {
            // let the JDK server drop the connection: closing the exchange would end the body cleanly
            brokenOff = true;
            throw e;
        } finally {
            if (!brokenOff) {
                exchange.close();
            }
        }
    }

    private void handleQuery(HttpExchange exchange, UrlParameters params, boolean readOnly) throws IOException {
        QueryRequest request = QueryRequest.of(params, exchange.getRequestHeaders(), readOnly);
        exchange.getResponseHeaders().set("X-ClickHouse-Query-Id", request.queryId());
        boolean authenticated = false;
        try {
            String user = authenticator.authenticate(exchange.getRequestHeaders(), params);
            authenticated = true;
            long started = System.nanoTime();
            InputStream body = RequestBody.open(exchange, request);
            try (PreparedQuery query = PreparedQuery.read(params.get("query"), body, spoolDir, maxQueryBytes)) {
                run(exchange, request, user, query, started);
            }
        } catch (ResponseAbortedException e) {
            log.debug("query {}: {}", request.queryId(), e.getMessage());
            throw e;
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

    /**
     * Runs the statement on the request's session, or a pooled connection, within a query slot,
     * and sends its result; {@code started} is when the body began to arrive.
     */
    private void run(HttpExchange exchange, QueryRequest request, String user, PreparedQuery query, long started)
            throws IOException, InterruptedException {
        Statement statement = query.statement();
        String format = firstNonNull(statement.outputFormat(), request.defaultFormat(), Formats.DEFAULT);
        if (log.isDebugEnabled()) {
            log.debug("query {}: {} {} session={} settings={} params={} compress={} decompress={} spool={} format={},"
                            + " body read in {} ms", request.queryId(), exchange.getRequestMethod(), statement.keyword(),
                    request.session().id(), request.settings().keySet(), request.parameters().keySet(),
                    request.compressResponse(), request.decompressBody(),
                    query.spool() == null ? "-" : query.spool().toFile().length() + " bytes",
                    format, (System.nanoTime() - started) / 1_000_000);
        }
        QueryExecution execution = new QueryExecution(exchange, request, query, format, spoolDir, serverTimezone,
                started);
        QueryRequest.SessionParameters session = request.session();
        NamedSession named = session.id() == null ? null
                : sessions.acquire(user, session.id(), session.check(), session.timeout());
        QueryExecution.Reply reply;
        try {
            slots.acquire();
            try {
                reply = named != null ? execution.run(named) : runPooled(execution, request.readOnly());
            } finally {
                slots.release();
            }
        } finally {
            if (named != null) {
                sessions.release(user, named, session.close());
            }
        }
        // a whole result owns its memory: the connection and slot already serve other requests
        reply.send();
    }

    private QueryExecution.Reply runPooled(QueryExecution execution, boolean readOnly) throws IOException {
        PooledConnection connection = pool.take(readOnly);
        try {
            return execution.run(connection);
        } finally {
            pool.give(connection);
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
