package streamworkbook.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/**
 * Dashboards open in browsers while the platform runs: each "browser" asks the API what the dashboard's refresh asks
 * (health, four series over the last hour by minute, top products, categories, funnel, alerts) every few seconds, and
 * every answer's latency goes into one histogram. For the platform's figures: the API's p99 under live ingestion.
 */
final class DashboardLoad implements AutoCloseable {

    private final String api;
    private final Duration every;
    private final ExecutorService browsers;
    private final Recorder latencies = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private final AtomicLong errors = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean stopped;

    DashboardLoad(String apiUrl, int browsers, Duration every) {
        this.api = apiUrl;
        this.every = every;
        this.browsers = Executors.newFixedThreadPool(browsers, r -> {
            Thread t = new Thread(r, "dashboard-load");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < browsers; i++) {
            this.browsers.submit(this::browse);
        }
    }

    private void browse() {
        while (!stopped) {
            long started = System.nanoTime();
            for (String path : refresh()) {
                get(path);
            }
            long rest = every.toMillis() - (System.nanoTime() - started) / 1_000_000;
            try {
                Thread.sleep(Math.max(0, rest));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The requests of one dashboard refresh for the last hour (as dashboard.js builds them). */
    static List<String> refresh() {
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(Duration.ofHours(1));
        Instant hourFrom = from.truncatedTo(ChronoUnit.HOURS);
        Instant hourTo = to.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        List<String> paths = new ArrayList<>(List.of("health"));
        for (String metric : List.of("revenue", "purchases", "page_views", "events")) {
            paths.add("series?metric=" + metric + "&step=minute&from=" + q(from) + "&to=" + q(to));
        }
        paths.add("top-products?n=10&from=" + q(hourFrom) + "&to=" + q(hourTo));
        paths.add("breakdown?dimension=category&from=" + q(hourFrom) + "&to=" + q(hourTo));
        paths.add("funnel?from=" + q(from) + "&to=" + q(to));
        paths.add("alerts?limit=50&from=" + q(to.minus(Duration.ofDays(1))) + "&to=" + q(to));
        return paths;
    }

    private static String q(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private void get(String path) {
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/" + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                errors.incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
        latencies.recordValue(Math.max(1, (System.nanoTime() - started) / 1_000));
    }

    /** Latencies since the last call, in ms: "n requests, p50, p99, max, errors". */
    synchronized String interval() {
        Histogram h = latencies.getIntervalHistogram();
        total.add(h);
        return describe(h);
    }

    synchronized String overall() {
        total.add(latencies.getIntervalHistogram());
        return describe(total);
    }

    private String describe(Histogram h) {
        return String.format("%,d API requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors", h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, errors.get());
    }

    @Override
    public void close() {
        stopped = true;
        browsers.shutdownNow();
        try {
            browsers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
