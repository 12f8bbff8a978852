package streamworkbook.week08;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import streamworkbook.kit.infra.ClickHouseEndpoint;

/**
 * What a query costs, as ClickHouse reports it: the rows and bytes it read, from the {@code X-ClickHouse-Summary}
 * header of its HTTP answer. (A ClickHouse server also logs this in {@code system.query_log}; the local ClickHouse
 * has no query log, and the header is the same on both.)
 */
public final class ReadCost {

    /** A query's answer (TabSeparatedWithNames) and what it read. */
    public record Measured(String result, long readRows, long readBytes) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern READ_ROWS = Pattern.compile("\"read_rows\":\"(\\d+)\"");
    private static final Pattern READ_BYTES = Pattern.compile("\"read_bytes\":\"(\\d+)\"");

    private ReadCost() {
    }

    /**
     * Runs {@code sql} in {@code database} with the query parameters {@code params} ({@code {name:Type}} in the SQL)
     * and ClickHouse settings {@code settings}, and returns its answer and cost. {@code wait_end_of_query=1}: the
     * answer is complete before the headers go out, so the summary counts the whole query.
     */
    public static Measured measure(ClickHouseEndpoint clickhouse, String database, String sql, Map<String, String> params,
                                   Map<String, String> settings) throws IOException, InterruptedException {
        StringBuilder url = new StringBuilder(clickhouse.httpUrl()).append("/?database=").append(encode(database))
                .append("&default_format=TabSeparatedWithNames&wait_end_of_query=1");
        params.forEach((name, value) -> url.append("&param_").append(encode(name)).append('=').append(encode(value)));
        settings.forEach((name, value) -> url.append('&').append(encode(name)).append('=').append(encode(value)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clickhouse.user() + ":" + clickhouse.password()).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("ClickHouse answered " + response.statusCode() + ": " + response.body().strip()
                    + "\n  to: " + sql.strip());
        }
        String summary = response.headers().firstValue("X-ClickHouse-Summary")
                .orElseThrow(() -> new IOException("no X-ClickHouse-Summary header in ClickHouse's answer"));
        return new Measured(response.body(), number(READ_ROWS, summary), number(READ_BYTES, summary));
    }

    public static Measured measure(ClickHouseEndpoint clickhouse, String database, String sql, Map<String, String> params)
            throws IOException, InterruptedException {
        return measure(clickhouse, database, sql, params, Map.of());
    }

    /** The database of an endpoint's JDBC URL ({@code …/db?…}). */
    public static String database(ClickHouseEndpoint clickhouse) {
        Matcher m = Pattern.compile("jdbc:clickhouse://[^/?]+/([^/?]+)").matcher(clickhouse.jdbcUrl());
        return m.find() ? m.group(1) : "default";
    }

    private static long number(Pattern pattern, String summary) throws IOException {
        Matcher m = pattern.matcher(summary);
        if (!m.find()) {
            throw new IOException("no " + pattern.pattern() + " in X-ClickHouse-Summary: " + summary);
        }
        return Long.parseLong(m.group(1));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
