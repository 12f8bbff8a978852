package streamworkbook.week04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;

/**
 * Exercise 4.5, on a real PostgreSQL (a fresh schema per test) whose {@code product_info} function is replaced by
 * one that does the same lookup and also records it — product, start and end time, in the database's own clock —
 * and, where a test says so, takes a fixed time per lookup. So the test counts lookups per product, and sees how
 * many ran at the same time, without looking at the code.
 *
 * <p>The arithmetic of {@link #lookupsRunSideBySideAndEachProductIsLookedUpOnce}: 17 products, each lookup taking
 * 250 ms, one parallel instance. A lookup that blocks the task thread (JDBC in a {@code map}, or in
 * {@code asyncInvoke} itself), or async I/O over one connection or one thread, runs one lookup at a time: never
 * more than 1 in the database at once, 17 × 250 ms = 4.25 s in all. With {@value Enrichment#CONCURRENT_LOOKUPS} at
 * a time they take about 17 / 4 × 250 ms ≈ 1.1 s, and 4 are in the database together. The test checks the overlap
 * the database recorded — at least {@value Enrichment#CONCURRENT_LOOKUPS} — not a duration, so a slow, loaded
 * machine makes the test slower but not flaky: 250 ms is far longer than it takes to hand 4 queries to 4 threads.
 *
 * <p>Rejects:
 * <ul>
 *   <li>a blocking lookup: JDBC in a {@code map}, or in {@code asyncInvoke} before it returns — one lookup at a
 *       time;</li>
 *   <li>async I/O over a single thread or a single connection — one lookup at a time;</li>
 *   <li>no cache — every event is a lookup (3 per product instead of 1);</li>
 *   <li>a cache of answers only, not of lookups in progress — events that arrive while their product's lookup is
 *       running start more lookups of it;</li>
 *   <li>not caching "not in the catalog" — the unknown product is looked up again for an event that arrives
 *       after its first lookup, within the expiry;</li>
 *   <li>a cache that never expires (or ignores {@code cacheExpiry}) — a price change made in the catalog is not
 *       seen after the expiry, and the product is not looked up again;</li>
 *   <li>null or a dropped event for an unknown product or an event without a product, or a lookup for an event
 *       without a product; wrong fields (name, category, price).</li>
 * </ul>
 */
@Exercise("4.5")
@OnTimeout("does every asyncInvoke complete its ResultFuture — also for events without a product, products the "
        + "catalog does not have, and failed lookups? Flink holds each event until its future is complete")
class EnrichmentTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private static final ProductInfo BOOK1 = new ProductInfo("p-001", "Streaming Systems", "Books", new BigDecimal("39.90"));
    private static final ProductInfo BOOK2 = new ProductInfo("p-002", "Designing Data-Intensive Applications", "Books", new BigDecimal("44.50"));
    private static final ProductInfo CABLE = new ProductInfo("p-041", "USB-C cable 2 m", "Electronics", new BigDecimal("9.99"));
    /** Products p-101 … p-116, for the test of concurrent lookups. */
    private static final int MANY = 16;

    private final Enrichment enrichment = Exercises.pick(streamworkbook.week04.exercises.AsyncProductEnrichment::new,
            streamworkbook.week04.solutions.AsyncProductEnrichment::new);

    private PostgresEndpoint db;

    @BeforeEach
    void catalog() throws Exception {
        db = Infra.postgres().withFreshSchema("w4_enrich");
        try (Connection c = db.connect()) {
            ProductCatalog.create(c);
            ProductCatalog.insertCategory(c, 1, "Books");
            ProductCatalog.insertCategory(c, 2, "Electronics");
            for (ProductInfo p : List.of(BOOK1, BOOK2, CABLE)) {
                ProductCatalog.insertProduct(c, p.productId(), p.name(), p.category().equals("Books") ? 1 : 2, p.listPrice());
            }
            for (int n = 1; n <= MANY; n++) {
                ProductCatalog.insertProduct(c, many(n).productId(), many(n).name(), 2, many(n).listPrice());
            }
        }
    }

    private static ProductInfo many(int n) {
        return new ProductInfo(String.format("p-%03d", 100 + n), "Gadget " + n, "Electronics", new BigDecimal(n + ".50"));
    }

    /** Replaces the catalog's lookup function by one that records every call and takes at least {@code delay}. */
    private void recordLookups(Duration delay) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE lookups (sku text, started timestamptz, ended timestamptz)");
            s.execute(String.format(Locale.ROOT, """
                    CREATE OR REPLACE FUNCTION product_info(wanted_sku text)
                        RETURNS TABLE (name text, category text, price numeric)
                        LANGUAGE plpgsql VOLATILE AS $$
                    #variable_conflict use_column
                    DECLARE
                        started timestamptz := clock_timestamp();
                    BEGIN
                        PERFORM pg_sleep(%.3f);
                        INSERT INTO lookups VALUES (wanted_sku, started, clock_timestamp());
                        RETURN QUERY
                            SELECT p.name, c.name, p.price
                            FROM products p JOIN categories c ON c.id = p.category_id
                            WHERE p.sku = wanted_sku;
                    END $$""", delay.toMillis() / 1000.0));
        }
    }

    /** How many times each product was looked up. */
    private Map<String, Long> lookupsPerProduct() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(sku, '<null>'), count(*) FROM lookups GROUP BY 1")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** The most lookups that were running at the same moment. */
    private long mostLookupsAtOnce() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT coalesce(max((SELECT count(*) FROM lookups o WHERE o.started <= l.started AND o.ended > l.started)), 0)
                FROM lookups l""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<EnrichedEvent> enrich(StreamExecutionEnvironment env, DataStream<ShopEvent> events, Duration cacheExpiry)
            throws Exception {
        List<EnrichedEvent> out = new ArrayList<>(TestFlink.collect(enrichment.enrich(events, JdbcSettings.of(db), cacheExpiry)));
        out.sort(Comparator.comparing(e -> e.event().eventTime())); // every test's events have distinct times
        return out;
    }

    @Test
    void everyEventGetsItsProductAndCategoryAndUnknownProductsAreMarked() throws Exception {
        recordLookups(Duration.ZERO);
        ShopEvent[] events = {
                TestEvents.view("u-1", 1, "p-001"),
                TestEvents.view("u-2", 2, "p-041"),
                TestEvents.view("u-1", 3, "p-001"),      // a cache hit
                TestEvents.view("u-3", 4, "p-999"),      // not in the catalog
                TestEvents.search(5),                    // no product at all
                TestEvents.view("u-2", 6, "p-002"),
                TestEvents.view("u-4", 7, "p-999")};
        StreamExecutionEnvironment env = TestFlink.environment();
        List<EnrichedEvent> out = enrich(env, env.fromData(ShopEvent.class, events), Duration.ofMinutes(10));

        ProductInfo unknown = new ProductInfo("p-999", "UNKNOWN", "UNKNOWN", BigDecimal.ZERO);
        ProductInfo none = new ProductInfo("", "UNKNOWN", "UNKNOWN", BigDecimal.ZERO);
        List<EnrichedEvent> expected = List.of(
                new EnrichedEvent(events[0], BOOK1),
                new EnrichedEvent(events[1], CABLE),
                new EnrichedEvent(events[2], BOOK1),
                new EnrichedEvent(events[3], unknown),
                new EnrichedEvent(events[4], none),
                new EnrichedEvent(events[5], BOOK2),
                new EnrichedEvent(events[6], unknown));
        assertEquals(expected, out, "every event exactly once, with its product (in any order)");
        assertEquals(List.of("p-001", "p-002", "p-041", "p-999"), List.copyOf(lookupsPerProduct().keySet()),
                "the products looked up: an event without a product needs no lookup");
    }

    @Test
    void lookupsRunSideBySideAndEachProductIsLookedUpOnce() throws Exception {
        recordLookups(Duration.ofMillis(250));
        List<ShopEvent> events = new ArrayList<>();
        List<EnrichedEvent> expected = new ArrayList<>();
        for (int round = 0; round < 3; round++) { // each product three times, the repeats while it is being looked up
            for (int n = 1; n <= MANY + 1; n++) {
                ProductInfo product = n <= MANY ? many(n) : ProductInfo.unknown("p-999");
                ShopEvent event = TestEvents.view("u-" + n, round * 100 + n, product.productId());
                events.add(event);
                expected.add(new EnrichedEvent(event, product));
            }
        }
        // one parallel instance: what it does at once is what the database sees at once
        StreamExecutionEnvironment env = TestFlink.environment(1);
        List<EnrichedEvent> out = enrich(env, env.fromData(ShopEvent.class, events.toArray(new ShopEvent[0])), Duration.ofMinutes(10));

        assertEquals(expected, out, "every event exactly once, with its product (in any order)");
        Map<String, Long> lookups = lookupsPerProduct();
        Map<String, Long> repeated = lookups.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertEquals(Map.of(), repeated, "products looked up more than once (each has 3 events, all within the cache "
                + "expiry; the later ones arrive while the first lookup is still running — and p-999 is not in the "
                + "catalog, which is an answer too)");
        assertEquals(MANY + 1, lookups.size(), "every product looked up once: " + lookups.keySet());
        long atOnce = mostLookupsAtOnce();
        assertTrue(atOnce >= Enrichment.CONCURRENT_LOOKUPS, "at most " + atOnce + " lookup(s) ran at the same time "
                + "(each takes 250 ms here): one parallel instance must run at least " + Enrichment.CONCURRENT_LOOKUPS
                + " at once. A lookup that blocks the task thread, or one connection or thread for all lookups, "
                + "runs them one after the other");
    }

    @Test
    void aCachedAnswerIsUsedUntilItExpiresAndThenLookedUpAgain() throws Exception {
        recordLookups(Duration.ZERO);
        Duration expiry = Duration.ofMillis(1500);
        ShopEvent first = TestEvents.view("u-1", 1, "p-001");
        ShopEvent hit = TestEvents.view("u-2", 2, "p-001");
        ShopEvent other = TestEvents.view("u-3", 3, "p-002");
        ShopEvent unknown = TestEvents.view("u-4", 4, "p-999");
        ShopEvent unknownAgain = TestEvents.view("u-5", 5, "p-999");  // after p-999's lookup, within the expiry
        ShopEvent afterExpiry = TestEvents.view("u-1", 6, "p-001");   // after a price change and a pause
        ShopEvent otherAfterExpiry = TestEvents.view("u-3", 7, "p-002");
        StreamExecutionEnvironment env = TestFlink.environment(1);
        DataStream<ShopEvent> events = env.fromData(ShopEvent.class,
                        first, hit, other, unknown, unknownAgain, afterExpiry, otherAfterExpiry)
                .map(new CatalogScript(JdbcSettings.of(db), unknownAgain.eventId(), afterExpiry.eventId(),
                        2 * expiry.toMillis()))
                .name("wait for lookups; change a price, then pause");
        List<EnrichedEvent> out = enrich(env, events, expiry);

        ProductInfo newPrice = new ProductInfo("p-001", BOOK1.name(), BOOK1.category(), new BigDecimal("35.00"));
        assertEquals(List.of(
                new EnrichedEvent(first, BOOK1),
                new EnrichedEvent(hit, BOOK1),
                new EnrichedEvent(other, BOOK2),
                new EnrichedEvent(unknown, ProductInfo.unknown("p-999")),
                new EnrichedEvent(unknownAgain, ProductInfo.unknown("p-999")),
                new EnrichedEvent(afterExpiry, newPrice),
                new EnrichedEvent(otherAfterExpiry, BOOK2)), out,
                "p-001's price changed in the catalog; after the cache expiry its events must see the new price");
        assertEquals(new TreeMap<>(Map.of("p-001", 2L, "p-002", 2L, "p-999", 1L)), lookupsPerProduct(),
                "lookups per product: one within the expiry — \"not in the catalog\" is an answer to cache too — "
                        + "and one more after it");
    }

    /**
     * Runs before the enrichment, in one parallel instance, and holds two events back: the first until p-001,
     * p-002 and p-999 have been looked up; the second also until then, and then it changes p-001's price in the
     * catalog and pauses.
     */
    public static final class CatalogScript extends RichMapFunction<ShopEvent, ShopEvent> {
        private final JdbcSettings catalog;
        private final String afterLookups;
        private final String afterPriceChange;
        private final long pauseMillis;

        CatalogScript(JdbcSettings catalog, String afterLookups, String afterPriceChange, long pauseMillis) {
            this.catalog = catalog;
            this.afterLookups = afterLookups;
            this.afterPriceChange = afterPriceChange;
            this.pauseMillis = pauseMillis;
        }

        @Override
        public ShopEvent map(ShopEvent event) throws Exception {
            if (event.eventId().equals(afterLookups) || event.eventId().equals(afterPriceChange)) {
                try (Connection c = catalog.connect(); Statement s = c.createStatement()) {
                    awaitLookupsOfThreeProducts(s);
                    if (event.eventId().equals(afterPriceChange)) {
                        s.executeUpdate("UPDATE products SET price = 35.00 WHERE sku = 'p-001'");
                        Thread.sleep(pauseMillis);
                    }
                }
            }
            return event;
        }

        private static void awaitLookupsOfThreeProducts(Statement s) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT count(DISTINCT sku) FROM lookups")) {
                    rs.next();
                    if (rs.getLong(1) >= 3) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("p-001, p-002 and p-999 were not looked up within 20 s");
                }
                Thread.sleep(10);
            }
        }
    }
}
