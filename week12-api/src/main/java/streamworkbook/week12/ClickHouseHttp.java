package streamworkbook.week12;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import streamworkbook.kit.infra.ClickHouseEndpoint;

/**
 * Runs {@link BoundQuery}s over ClickHouse's HTTP interface: the SQL in {@code query}, every value as
 * {@code param_<name>}, so the server binds them — the text of a query never holds a request's values.
 *
 * <p>Why HTTP rather than clickhouse-jdbc's {@code PreparedStatement}: the driver fills {@code ?} placeholders in
 * on the client, escaping values into the SQL text it sends; the HTTP interface's {@code {name:Type}} parameters
 * are parsed by the server as their declared type (a date that is not a date is an error, not SQL). Requests go
 * by GET, which ClickHouse runs read-only: the API could not write even if a query tried. And each response
 * carries {@code X-ClickHouse-Summary} ({@code read_rows}), which shows whether a query read a rollup or raw events.
 *
 * <p>When ClickHouse does not answer (refused, timed out), calls throw {@link ApiException.Unavailable}; nothing is
 * kept between calls, so the first request after ClickHouse is back succeeds.
 */
public final class ClickHouseHttp {

    /** A result: the column names, the rows (JSON values, numbers as numbers) and how many rows the server read. */
    public record Result(List<String> columns, List<JsonNode> rows, long readRows) {
        public JsonNode row(int i) {
            return rows.get(i);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClickHouseEndpoint endpoint;
    private final String database;
    private final HttpClient http;
    private final Duration timeout;

    public ClickHouseHttp(ClickHouseEndpoint endpoint) {
        this(endpoint, Duration.ofSeconds(10));
    }

    public ClickHouseHttp(ClickHouseEndpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.database = databaseOf(endpoint);
        this.timeout = timeout;
        // a refused or silent ClickHouse must turn into a 503 quickly, not hold a request thread
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    public ClickHouseEndpoint endpoint() {
        return endpoint;
    }

    /** Runs one SELECT and returns its rows. */
    public Result query(BoundQuery q) {
        StringBuilder url = new StringBuilder(endpoint.httpUrl()).append("/?database=").append(encode(database))
                // numbers as JSON numbers (ClickHouse quotes 64-bit integers and decimals by default)
                .append("&output_format_json_quote_64bit_integers=0&output_format_json_quote_decimals=0")
                .append("&query=").append(encode(q.sql().strip() + "\nFORMAT JSONCompact"));
        for (Map.Entry<String, String> p : q.params().entrySet()) {
            url.append("&param_").append(encode(p.getKey())).append('=').append(encode(p.getValue()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(timeout).GET()
                .header("X-ClickHouse-User", endpoint.user());
        if (!endpoint.password().isEmpty()) {
            request.header("X-ClickHouse-Key", endpoint.password());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ApiException.Unavailable("ClickHouse at " + endpoint.httpUrl() + " does not answer (" + describe(e)
                    + "); the API tries again on the next request");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException.Unavailable("interrupted while waiting for ClickHouse");
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw new QueryFailed(text.strip());
        }
        try {
            JsonNode doc = JSON.readTree(text);
            List<String> columns = new ArrayList<>();
            doc.get("meta").forEach(m -> columns.add(m.get("name").asText()));
            List<JsonNode> rows = new ArrayList<>();
            doc.get("data").forEach(rows::add);
            long readRows = response.headers().firstValue("X-ClickHouse-Summary")
                    .map(ClickHouseHttp::readRows).orElse(-1L);
            return new Result(columns, rows, readRows);
        } catch (IOException e) {
            throw new QueryFailed("ClickHouse answered something that is not JSONCompact: " + text);
        }
    }

    /** Runs a statement that returns nothing (DDL, INSERT … SELECT) by POST; for loaders and tests, not for requests. */
    public void execute(String sql) {
        execute(BoundQuery.of(sql));
    }

    /** {@link #execute(String)} with parameters. */
    public void execute(BoundQuery q) {
        StringBuilder url = new StringBuilder();
        for (Map.Entry<String, String> p : q.params().entrySet()) {
            url.append("&param_").append(encode(p.getKey())).append('=').append(encode(p.getValue()));
        }
        post(url.toString(), HttpRequest.BodyPublishers.ofString(q.sql()));
    }

    /** Inserts {@code body}, rows in {@code format}, into {@code table} by POST (for loaders and tests). */
    public void insert(String table, String format, byte[] body) {
        post("&query=" + encode("INSERT INTO " + table + " FORMAT " + format), HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private void post(String parameters, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.httpUrl() + "/?database=" + encode(database) + parameters))
                .timeout(Duration.ofMinutes(5)).POST(body).header("X-ClickHouse-User", endpoint.user());
        if (!endpoint.password().isEmpty()) {
            request.header("X-ClickHouse-Key", endpoint.password());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new QueryFailed(response.body().strip());
            }
        } catch (IOException e) {
            throw new ApiException.Unavailable("ClickHouse at " + endpoint.httpUrl() + " does not answer (" + describe(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** ClickHouse refused a query: a bug in the API's SQL (500), never the client's fault. */
    public static final class QueryFailed extends RuntimeException {
        public QueryFailed(String message) {
            super(message);
        }
    }

    private static long readRows(String summary) {
        try {
            JsonNode s = JSON.readTree(summary);
            return s.path("read_rows").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    static String databaseOf(ClickHouseEndpoint endpoint) {
        String path = endpoint.jdbcUrl().replaceFirst("^jdbc:clickhouse://[^/?]+/?", "");
        int q = path.indexOf('?');
        String db = q >= 0 ? path.substring(0, q) : path;
        return db.isEmpty() ? "default" : db;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
