package streamworkbook.week11.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import streamworkbook.kit.infra.ClickHouseEndpoint;

/**
 * ClickHouse's HTTP interface, without a driver: what the harness uses where a driver's own work would blur the
 * measurement — the marker poller's many small queries, and RowBinary inserts. Statements run in the endpoint's
 * database (the one its JDBC URL names).
 */
public final class ClickHouseHttp {

    private static final Pattern DATABASE = Pattern.compile("jdbc:clickhouse://[^/?]+/([^?]+)");
    private static final Pattern READ_ROWS = Pattern.compile("\"read_rows\":\"(\\d+)\"");

    /** One answer: its tab-separated rows, and the rows the server read to produce it (its X-ClickHouse-Summary). */
    public record Result(List<String[]> rows, long readRows) {
    }

    private final HttpClient client;
    private final String baseUrl;
    private final String database;
    private final String user;
    private final String password;

    public ClickHouseHttp(ClickHouseEndpoint endpoint) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.baseUrl = endpoint.httpUrl();
        Matcher m = DATABASE.matcher(endpoint.jdbcUrl());
        this.database = m.find() ? m.group(1) : "default";
        this.user = endpoint.user();
        this.password = endpoint.password();
    }

    public String database() {
        return database;
    }

    /** Runs a statement that returns nothing (DDL, SYSTEM, an INSERT … SELECT). */
    public void execute(String sql) {
        send(sql, HttpRequest.BodyPublishers.ofString(sql), "");
    }

    /** Runs a query; its answer as tab-separated rows (no escapes are undone: keep to numbers and plain strings). */
    public Result query(String sql) {
        HttpResponse<String> response = send(sql + "\nFORMAT TabSeparated", HttpRequest.BodyPublishers.ofString(sql + "\nFORMAT TabSeparated"), "");
        List<String[]> rows = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        Matcher m = READ_ROWS.matcher(response.headers().firstValue("X-ClickHouse-Summary").orElse(""));
        return new Result(rows, m.find() ? Long.parseLong(m.group(1)) : -1);
    }

    /** The single number a query answers ({@code SELECT count() …}). */
    public long queryLong(String sql) {
        List<String[]> rows = query(sql).rows();
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row from " + sql + ", got " + rows.size());
        }
        return Long.parseLong(rows.get(0)[0]);
    }

    /** {@code INSERT INTO table FORMAT RowBinary} with the encoded rows as the request body. */
    public void insertRowBinary(String table, byte[] rows, int length) {
        String sql = "INSERT INTO " + table + " FORMAT RowBinary";
        send(sql, HttpRequest.BodyPublishers.ofByteArray(rows, 0, length), "&query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String what, HttpRequest.BodyPublisher body, String extraParameters) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/?database=" + database + extraParameters))
                .header("X-ClickHouse-User", user)
                .header("X-ClickHouse-Key", password)
                .POST(body)
                .timeout(Duration.ofMinutes(2))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ClickHouse answered " + response.statusCode() + " to " + abbreviate(what) + ": "
                        + response.body().strip());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("ClickHouse at " + baseUrl + " did not answer " + abbreviate(what) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ClickHouse", e);
        }
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 120 ? oneLine.substring(0, 117) + "…" : oneLine;
    }
}
