package streamworkbook.week12;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.week02.CatalogGenerator;

/**
 * The API under load (a benchmark, not a test): 10 million events made in ClickHouse itself, the rollups computed
 * from them, the API started on loopback, then every dashboard request at 1 and 16 concurrent clients, cold (each
 * request another range, so each one reaches ClickHouse) and warm (the same request, answered from the cache).
 * Bounded: {@code bench.requests} per cold cell, ten times that per warm cell, at most {@code bench.seconds} each.
 * Prints p50/p99/max per endpoint. Options: {@code -Dbench.events=10000000 -Dbench.requests=48 -Dbench.seconds=60}.
 */
public final class ApiLoadBenchmark {

    private ApiLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("bench.events", 10_000_000L);
        int requests = Integer.getInteger("bench.requests", 48);
        Duration limit = Duration.ofSeconds(Long.getLong("bench.seconds", 60L));
        Instant end = Instant.parse("2026-03-09T00:00:00Z");
        Instant start = end.minus(Duration.ofDays(7));

        ClickHouseEndpoint server = Infra.clickhouse();
        String database = UniqueNames.next("w12bench").replace('-', '_');
        new ClickHouseHttp(server).execute("CREATE DATABASE " + database);
        ClickHouseEndpoint db = server.withDatabase(database);
        ClickHouseHttp ch = new ClickHouseHttp(db);
        DemoData.createTables(ch);
        DemoData.loadDimensions(ch, CatalogGenerator.standard(42));
        long t0 = System.nanoTime();
        // sessions of 8 events over a week: 5 product views, then a cart or a search, then sometimes a purchase or a
        // removal, sometimes a review — the shop's mix, made by the engine in seconds
        ch.execute(BoundQuery.of("""
                INSERT INTO events (event_id, event_type, event_time, user_id, session_id, product_id, quantity, price, order_id, rating, query, page)
                WITH (SELECT groupArray(sku) FROM products) AS skus,
                     intDiv(number, 8) AS s, number % 8 AS k, cityHash64(number) % 1000 AS r,
                     multiIf(k < 5, 'page_view', k = 5, if(r < 500, 'add_to_cart', 'search'),
                             k = 6, if(r < 250, 'purchase', if(r < 400, 'remove_from_cart', 'page_view')),
                             if(r < 60, 'review', 'page_view')) AS t,
                     skus[1 + cityHash64(s, intDiv(k, 3)) % length(skus)] AS sku
                SELECT generateUUIDv4(number), t, {start:DateTime64(3, 'UTC')} + toIntervalMillisecond(number * {gap:UInt64}),
                       concat('u-', toString(1 + cityHash64(s) % 5000)), concat('s-', toString(s)),
                       if(t = 'search', '', sku), if(t IN ('add_to_cart', 'remove_from_cart', 'purchase'), 1 + r % 3, 0),
                       if(t IN ('add_to_cart', 'remove_from_cart', 'purchase'), 5 + (cityHash64(sku) % 49500) / 100, 0),
                       if(t = 'purchase', concat('o-', toString(s)), ''), if(t = 'review', 1 + r % 5, 0),
                       if(t = 'search', 'lamp', ''), if(t = 'page_view', concat('/p/', sku), '')
                FROM numbers({n:UInt64})
                """).with("start", start).with("gap", Duration.ofDays(7).toMillis() / events).with("n", events));
        long loaded = System.nanoTime();
        DemoData.rollUpMetrics(ch, start, end);
        ProductRollup.refresh(ch, start, end);
        long rolled = System.nanoTime();
        System.out.printf("%,d events in %.1f s, rollups in %.1f s (metrics %,d rows, product_hours %,d rows)%n", events,
                (loaded - t0) / 1e9, (rolled - loaded) / 1e9, count(ch, "metrics"), count(ch, "product_hours"));

        try (ApiServer api = ApiServer.builder(db).port(0).build().start()) {
            String base = api.url() + "/api/";
            Instant to = end.minus(Duration.ofHours(1));
            Instant from = to.minus(Duration.ofDays(1));
            Map<String, IntFunction<String>> cold = new LinkedHashMap<>();
            Map<String, String> warm = new LinkedHashMap<>();
            for (String metric : List.of("revenue", "purchases", "page_views", "events")) {
                cold.put("series " + metric, i -> base + "series?" + Http.query("metric", metric, "step", "minute",
                        "from", from.minus(Duration.ofMinutes(i)).toString(), "to", to.minus(Duration.ofMinutes(i)).toString()));
                warm.put("series " + metric, cold.get("series " + metric).apply(0));
            }
            cold.put("top-products", i -> base + "top-products?" + Http.query("from", from.minus(Duration.ofHours(i)).toString(),
                    "to", to.minus(Duration.ofHours(i)).toString(), "n", "10"));
            cold.put("breakdown category", i -> base + "breakdown?" + Http.query("dimension", "category",
                    "from", from.minus(Duration.ofHours(i)).toString(), "to", to.minus(Duration.ofHours(i)).toString()));
            cold.put("funnel", i -> base + "funnel?" + Http.query("from", from.minus(Duration.ofMinutes(i)).toString(),
                    "to", to.minus(Duration.ofMinutes(i)).toString()));
            cold.put("alerts", i -> base + "alerts?" + Http.query("from", from.minus(Duration.ofMinutes(i)).toString(),
                    "to", to.minus(Duration.ofMinutes(i)).toString()));
            cold.put("health", i -> base + "health");
            for (String name : List.of("top-products", "breakdown category", "funnel", "alerts", "health")) {
                warm.put(name, cold.get(name).apply(0));
            }
            List<String> lines = new ArrayList<>();
            for (int clients : new int[] {1, 16}) {
                for (Map.Entry<String, IntFunction<String>> e : cold.entrySet()) {
                    // the 16-client run takes other ranges than the 1-client run: its cold requests must not find their answers cached
                    int offset = clients == 1 ? 0 : requests;
                    ApiLoad.Result c = ApiLoad.run(e.getKey(), clients, requests, limit, i -> e.getValue().apply(i + offset));
                    String w = warm.get(e.getKey());
                    ApiLoad.run("warm-up", 1, 1, limit, i -> w);
                    ApiLoad.Result h = ApiLoad.run(e.getKey(), clients, requests * 10, limit, i -> w);
                    lines.add(String.format("%-20s %3d   cold %5d req  p50 %8.1f  p99 %8.1f  max %8.1f  | warm %5d req  p50 %6.2f  p99 %6.2f  max %6.1f%s",
                            e.getKey(), clients, c.latencies().getTotalCount(), c.p50Millis(), c.p99Millis(), c.maxMillis(),
                            h.latencies().getTotalCount(), h.p50Millis(), h.p99Millis(), h.maxMillis(),
                            c.errors() + h.errors() > 0 ? "  ERRORS " + (c.errors() + h.errors()) + ": " + c.firstError() + " " + h.firstError() : ""));
                    System.out.println(lines.get(lines.size() - 1));
                }
            }
            System.out.printf("%nms, %,d events, %d cores; health is never cached (its warm column repeats the request)%n", events,
                    Runtime.getRuntime().availableProcessors());
        } finally {
            new ClickHouseHttp(server).execute("DROP DATABASE " + database);
        }
        System.exit(0);
    }

    private static long count(ClickHouseHttp ch, String table) {
        return ch.query(BoundQuery.of("SELECT count() FROM " + table)).row(0).get(0).asLong();
    }
}
