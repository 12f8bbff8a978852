package streamworkbook.platform;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import streamworkbook.kit.infra.local.LocalClickHouse;

/**
 * ClickHouse killed ({@code kill -9}) for longer than the sink's retries (1 s + 2 s): the JDBC sink gives up, the job
 * fails and restarts from its last checkpoint again and again (exponential back-off, at most 10 s apart) until
 * ClickHouse is back, then reads again from the checkpoint's offsets and catches up; the rows written twice are
 * absorbed by the ReplacingMergeTree tables. Meanwhile the API answers 503 with Retry-After, and 200 again after.
 */
final class ClickHouseOutageDrill implements Drill {

    private final LocalClickHouse clickhouse;
    private final Duration outage;
    private final String apiUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code apiUrl}: the API to ask during the outage ({@code http://host:port}), or null. */
    ClickHouseOutageDrill(LocalClickHouse clickhouse, Duration outage, String apiUrl) {
        this.clickhouse = clickhouse;
        this.outage = outage;
        this.apiUrl = apiUrl;
    }

    @Override
    public String name() {
        return "clickhouse";
    }

    @Override
    public String story() {
        return "kill -9 ClickHouse for " + outage.toSeconds() + " s, longer than the sink's retries: the job fails, restarts, "
                + "catches up; the API answers 503 meanwhile";
    }

    @Override
    public void inject(PrintStream out) {
        clickhouse.kill();
        out.println("  ClickHouse killed (kill -9)");
    }

    @Override
    public Duration outage() {
        return outage;
    }

    @Override
    public String observe() {
        return apiUrl == null ? null : "API /api/health → " + apiStatus();
    }

    /** The HTTP status of the API's health endpoint, or -1 when it does not answer at all. */
    int apiStatus() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/api/health")).timeout(Duration.ofSeconds(15)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void heal(PrintStream out) {
        long started = System.nanoTime();
        clickhouse.restart();
        out.printf("  ClickHouse restarted on the same port and data in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
}
