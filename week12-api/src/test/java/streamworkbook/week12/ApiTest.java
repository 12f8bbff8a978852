package streamworkbook.week12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import streamworkbook.kit.infra.local.FreePorts;
import streamworkbook.kit.infra.local.LocalClickHouse;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week02.Category;

/**
 * The given endpoints and the server around the exercises, on the reference solutions and week 7's generated
 * traffic: what curl sees, the breakdowns against counts made here in Java, week 8's alerts and week 10's quality
 * report, the OpenAPI document against the real routes, gzip, and a ClickHouse outage (503, then recovery).
 * These tests credit no exercise.
 */
class ApiTest {

    private static TestShop.Shop shop;
    private static ApiServer api;
    private static String from;
    private static String to;

    @BeforeAll
    static void start() {
        shop = TestShop.shared();
        api = ApiServer.builder(shop.endpoint()).port(0).build().start();
        from = shop.first().truncatedTo(ChronoUnit.HOURS).toString();
        to = shop.last().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS).toString();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void everyEndpointAnswersJsonAndRefusesInjectedText() {
        Map<String, String> calls = new TreeMap<>();
        calls.put("/api/series", Http.query("metric", "revenue", "step", "hour", "from", from, "to", to));
        calls.put("/api/top-products", Http.query("from", from, "to", to, "n", "5"));
        calls.put("/api/funnel", Http.query("from", from, "to", to));
        calls.put("/api/breakdown", Http.query("dimension", "category", "from", from, "to", to));
        calls.put("/api/alerts", Http.query("from", from, "to", to));
        calls.put("/api/quality", "");
        calls.put("/api/health", "");
        calls.put("/api/metrics", "");
        assertEquals(new TreeSet<>(ApiServer.API_ROUTES), new TreeSet<>(calls.keySet().stream().map(p -> "GET " + p).toList()),
                "this test calls every route");
        for (Map.Entry<String, String> c : calls.entrySet()) {
            Http.Response r = Http.get(api.url() + c.getKey() + "?" + c.getValue());
            assertEquals(200, r.status(), c.getKey() + " → " + r.body());
            assertTrue(r.header("Content-Type").startsWith("application/json"), c.getKey() + ": " + r.header("Content-Type"));
            assertTrue(r.json().isObject(), c.getKey());
            if (c.getValue().contains("from=")) {
                String injected = c.getValue().replaceFirst("from=[^&]*", "from=yesterday%27--");
                Http.Response refused = Http.get(api.url() + c.getKey() + "?" + injected);
                assertEquals(400, refused.status(), c.getKey() + "?" + injected + " → " + refused.body());
                assertEquals("from", refused.json().path("parameter").asText(), refused.body());
            }
        }
        JsonNode funnel = Http.get(api.url() + "/api/funnel?" + calls.get("/api/funnel")).json();
        assertTrue(funnel.at("/steps/0/sessions").asLong() > funnel.at("/steps/2/sessions").asLong()
                && funnel.at("/steps/2/sessions").asLong() > 0, "a funnel narrows: " + funnel);
        assertEquals(200, Http.get(api.url() + "/").status(), "the dashboard");
        assertEquals(200, Http.get(api.url() + "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").status(), "uPlot from its WebJar");
        assertEquals(404, Http.get(api.url() + "/api/nothing").status());
    }

    @Test
    void breakdownsEqualTheEventsOwnCounts() {
        Map<String, long[]> byType = new TreeMap<>();
        Map<String, BigDecimal> revenueByCountry = new TreeMap<>();
        Map<String, Long> purchasesByCountry = new TreeMap<>();
        Map<String, Long> eventsByCategory = new HashMap<>();
        Map<Long, String> categoryName = new HashMap<>();
        TestShop.CATALOG.categories().forEach((Category c) -> categoryName.put(c.id(), c.name()));
        var products = DemoData.productsBySku(TestShop.CATALOG);
        Map<String, String> countryOf = new HashMap<>();
        TestShop.CATALOG.users().forEach(u -> countryOf.put("u-" + u.id(), u.country()));
        for (ShopEvent e : shop.events()) {
            byType.computeIfAbsent(e.type().wireName(), k -> new long[1])[0]++;
            if (e.productId() != null) {
                eventsByCategory.merge(categoryName.get(products.get(e.productId()).categoryId()), 1L, Long::sum);
            }
            if (e.type() == EventType.PURCHASE) {
                revenueByCountry.merge(countryOf.get(e.userId()), e.revenue(), BigDecimal::add);
                purchasesByCountry.merge(countryOf.get(e.userId()), 1L, Long::sum);
            }
        }
        Map<String, Long> types = new TreeMap<>();
        breakdown("type").forEach(r -> types.put(r.get("key").asText(), r.get("events").asLong()));
        Map<String, Long> expectedTypes = new TreeMap<>();
        byType.forEach((k, v) -> expectedTypes.put(k, v[0]));
        assertEquals(expectedTypes, types, "events by type");

        Map<String, Long> categories = new TreeMap<>();
        breakdown("category").forEach(r -> categories.put(r.get("key").asText(), r.get("events").asLong()));
        assertEquals(new TreeMap<>(eventsByCategory), categories, "events naming a product, by the product's category");

        Map<String, String> countries = new TreeMap<>();
        breakdown("country").forEach(r -> countries.put(r.get("key").asText(), r.get("events").asLong() + " "
                + r.get("revenue").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP)));
        Map<String, String> expectedCountries = new TreeMap<>();
        purchasesByCountry.forEach((k, v) -> expectedCountries.put(k, v + " " + revenueByCountry.get(k).setScale(2)));
        assertEquals(expectedCountries, countries, "purchases and revenue by the buyer's country");
        List<Double> revenues = new ArrayList<>();
        breakdown("country").forEach(r -> revenues.add(r.get("revenue").asDouble()));
        List<Double> sorted = new ArrayList<>(revenues);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, revenues, "rows by revenue, highest first");
    }

    @Test
    void alertsAndTheQualityReportComeFromWeeks8And10() {
        TestShop.Shop own = TestShop.empty("w12alerts");
        own.clickhouse().execute("""
                INSERT INTO alerts (series, minute, rule, value, expected, score, written_at) VALUES
                ('page_views', '2026-03-02 10:05:00', 'zscore', 12, 80, -4.2, '2026-03-02 10:06:01'),
                ('revenue', '2026-03-02 10:09:00', 'threshold', 25000, 20000, 0, '2026-03-02 10:10:01'),
                ('orders', '2026-03-02 12:00:00', 'threshold', 0, 1, 0, '2026-03-02 12:01:01')
                """);
        own.clickhouse().execute("SYSTEM STOP MERGES alerts");
        own.clickhouse().execute("INSERT INTO alerts (series, minute, rule, value, expected, score, written_at) VALUES "
                + "('page_views', '2026-03-02 10:05:00', 'zscore', 10, 80, -4.9, '2026-03-02 10:07:01')");
        // checked an hour and two hours ago: the table keeps 90 days (TTL), older rows vanish on insert
        String older = Instant.now().minusSeconds(7200).truncatedTo(ChronoUnit.SECONDS).toString().replace("T", " ").replace("Z", "");
        String newer = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString().replace("T", " ").replace("Z", "");
        own.clickhouse().execute("""
                INSERT INTO quality_report (run_id, checked_at, check_name, event_type, minute, column_name, observed, expected, passed, detail) VALUES
                ('11111111-1111-1111-1111-111111111111', '%1$s', 'completeness', 'purchase', '2026-03-02 09:58:00', '', 5, 9, false, ''),
                ('22222222-2222-2222-2222-222222222222', '%2$s', 'completeness', 'purchase', '2026-03-02 10:58:00', '', 7, 7, true, ''),
                ('22222222-2222-2222-2222-222222222222', '%2$s', 'completeness', 'search', '2026-03-02 10:58:00', '', 3, 4, false, ''),
                ('22222222-2222-2222-2222-222222222222', '%2$s', 'freshness', 'purchase', '1970-01-01 00:00:00', '', 90000, 60000, false, 'newest event at 2026-03-02 10:58:30'),
                ('22222222-2222-2222-2222-222222222222', '%2$s', 'duplicates', 'purchase', '1970-01-01 00:00:00', '', 0, 0, true, '')
                """.formatted(older, newer));
        try (ApiServer own12 = ApiServer.builder(own.endpoint()).port(0).build().start()) {
            JsonNode alerts = Http.get(own12.url() + "/api/alerts?" + Http.query("from", "2026-03-02T10:00:00Z",
                    "to", "2026-03-02T11:00:00Z")).json().get("alerts");
            List<String> seen = new ArrayList<>();
            alerts.forEach(a -> seen.add(a.get("series").asText() + " " + a.get("minute").asText() + " " + a.get("rule").asText()
                    + " " + a.get("value").asDouble() + " " + a.get("score").asDouble()));
            assertEquals(List.of("revenue 2026-03-02T10:09:00Z threshold 25000.0 0.0", "page_views 2026-03-02T10:05:00Z zscore 10.0 -4.9"),
                    seen, "alerts in the range, newest first, a re-raised alert once with its newest values");
            JsonNode quality = Http.get(own12.url() + "/api/quality").json();
            assertEquals("22222222-2222-2222-2222-222222222222", quality.get("run_id").asText(), "the latest run");
            assertEquals(4, quality.get("results").asInt());
            assertEquals(2, quality.get("failed").asInt());
            assertEquals("{\"completeness\":{\"passed\":1,\"failed\":1},\"duplicates\":{\"passed\":1,\"failed\":0},"
                    + "\"freshness\":{\"passed\":0,\"failed\":1}}", canonical(quality.get("checks")));
            JsonNode health = Http.get(own12.url() + "/api/health").json();
            assertEquals("empty", health.get("status").asText(), "no events: " + health);
        }
        JsonNode health = Http.get(api.url() + "/api/health").json();
        assertEquals(shop.last().truncatedTo(ChronoUnit.MILLIS).toString(), health.get("newest_event").asText());
        assertEquals("stale", health.get("status").asText(), "the test data lies in the past");
        Instant newest = shop.last();
        long lastFive = shop.events().stream().filter(e -> e.eventTime().isAfter(newest.minusSeconds(300).truncatedTo(ChronoUnit.MILLIS))).count();
        assertEquals(lastFive, health.get("events_last_5_minutes").asLong());
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheRoutesAndTheirParameters() {
        JsonNode doc = Http.get(api.url() + "/openapi.json").json();
        assertEquals("3.1.0", doc.get("openapi").asText());
        List<String> documented = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        documented.sort(null);
        assertEquals(api.apiRoutes(), documented, "paths in /openapi.json against the routes the server has");
        assertEquals(new TreeSet<>(ApiServer.API_ROUTES), new TreeSet<>(api.apiRoutes()));

        // every documented parameter behaves as documented: required ones missing → 400 naming them; every enum value
        // accepted, another refused; integers accepted at their bounds and refused beyond them
        Map<String, String> valid = Map.of("metric", "revenue", "step", "hour", "from", from, "to", to,
                "n", "5", "limit", "5", "dimension", "type");
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode params = path.getValue().get("get").get("parameters");
            Map<String, String> base = new TreeMap<>();
            params.forEach(p -> {
                if (p.get("required").asBoolean()) {
                    base.put(p.get("name").asText(), valid.get(p.get("name").asText()));
                }
            });
            assertEquals(200, call(path.getKey(), base).status(), path.getKey() + " with its required parameters " + base);
            for (JsonNode p : params) {
                String name = p.get("name").asText();
                JsonNode schema = p.get("schema");
                if (p.get("required").asBoolean()) {
                    Map<String, String> without = new TreeMap<>(base);
                    without.remove(name);
                    expect400(path.getKey(), without, name);
                }
                if (schema.has("enum")) {
                    for (JsonNode v : schema.get("enum")) {
                        Map<String, String> with = new TreeMap<>(base);
                        with.put(name, v.asText());
                        assertEquals(200, call(path.getKey(), with).status(), path.getKey() + " " + with);
                    }
                    Map<String, String> other = new TreeMap<>(base);
                    other.put(name, "nonsense_value");
                    assertNotEquals(200, call(path.getKey(), other).status(), path.getKey() + " " + other);
                }
                if (schema.path("type").asText().equals("integer")) {
                    for (String v : List.of(schema.get("minimum").asText(), schema.get("maximum").asText())) {
                        Map<String, String> with = new TreeMap<>(base);
                        with.put(name, v);
                        assertEquals(200, call(path.getKey(), with).status(), path.getKey() + " " + with);
                    }
                    for (String v : List.of(String.valueOf(schema.get("minimum").asInt() - 1),
                            String.valueOf(schema.get("maximum").asInt() + 1), "ten")) {
                        Map<String, String> with = new TreeMap<>(base);
                        with.put(name, v);
                        expect400(path.getKey(), with, name);
                    }
                }
            }
        }
    }

    @Test
    void answersAreGzippedWhenTheClientAcceptsIt() throws IOException {
        String url = api.url() + "/api/series?" + Http.query("metric", "events", "step", "minute", "from", from, "to", to);
        Http.Response plain = Http.get(url);
        Http.Response gzipped = Http.get(url, "Accept-Encoding", "gzip");
        assertEquals("gzip", gzipped.header("Content-Encoding"), "a JSON answer of " + plain.raw().body().length + " bytes");
        byte[] unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.raw().body()))) {
            unzipped = in.readAllBytes();
        }
        assertEquals(plain.body(), new String(unzipped, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(gzipped.raw().body().length * 2 < unzipped.length,
                "gzip shrinks JSON: " + gzipped.raw().body().length + " of " + unzipped.length + " bytes");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // starts a ClickHouse of its own twice (chDB boots in 5–20 s on 2 busy cores)
    void clickHouseDownIsA503ThatHealsItself(@TempDir Path dir) throws Exception {
        try (LocalClickHouse server = LocalClickHouse.persistent(FreePorts.pick(), Files.createDirectories(dir.resolve("ch")))) {
            new ClickHouseHttp(server.endpoint()).execute("CREATE DATABASE shop");
            var db = server.endpoint().withDatabase("shop");
            DemoData.createTables(new ClickHouseHttp(db));
            try (ApiServer own = ApiServer.builder(db).port(0).build().start()) {
                String url = own.url() + "/api/funnel?" + Http.query("from", "2026-03-02T10:00:00Z", "to", "2026-03-02T11:00:00Z");
                assertEquals(200, Http.get(url).status());
                server.kill();
                String other = own.url() + "/api/funnel?" + Http.query("from", "2026-03-02T11:00:00Z", "to", "2026-03-02T12:00:00Z");
                Http.Response down = Http.get(other);
                assertEquals(503, down.status(), down.body());
                assertTrue(down.json().get("message").asText().contains("ClickHouse"), down.body());
                assertEquals("5", down.header("Retry-After"));
                assertEquals(503, Http.get(own.url() + "/api/health").status(), "health says so too");
                server.restart();
                Http.Response back = Http.get(other);
                assertEquals(200, back.status(), "the first request after ClickHouse is back must succeed: " + back.body());
            }
        }
    }

    private static List<JsonNode> breakdown(String dimension) {
        List<JsonNode> rows = new ArrayList<>();
        Http.get(api.url() + "/api/breakdown?" + Http.query("dimension", dimension, "from", from, "to", to)).json()
                .get("rows").forEach(rows::add);
        return rows;
    }

    private static Http.Response call(String path, Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        return Http.get(api.url() + path + "?" + Http.query(pairs.toArray(String[]::new)));
    }

    private static void expect400(String path, Map<String, String> params, String parameter) {
        Http.Response r = call(path, params);
        assertEquals(400, r.status(), path + " " + params + " → " + r.body());
        assertEquals(parameter, r.json().path("parameter").asText(), r.body());
    }

    private static String canonical(JsonNode node) {
        try {
            return Http.JSON.writeValueAsString(Http.JSON.treeToValue(node, TreeMap.class));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
