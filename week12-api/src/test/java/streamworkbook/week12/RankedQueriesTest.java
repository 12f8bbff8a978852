package streamworkbook.week12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 12.3: the learner's queries run on hand-written rows (where raw events and the rollup disagree on
 * purpose) and on week 7's generated traffic.
 *
 * <p>Rejects:
 * <ul>
 *   <li>top products read from raw events when the rollup answers: the hand-written {@code events} disagree with
 *       {@code product_hours}, and on the generated data the query must read no more rows than the rollup has;</li>
 *   <li>no FINAL on the rollup: an hour recomputed later counts twice;</li>
 *   <li>ties unordered: two products with equal revenue must come in {@code product_id} order;</li>
 *   <li>the range or {@code n} ignored, products without revenue listed;</li>
 *   <li>windowFunnel's window in the wrong unit (milliseconds from {@code toUnixTimestamp64Milli} with 3600: a
 *       3.6-second window) or too short: sessions whose cart comes 30 minutes after the view must count as carted;</li>
 *   <li>sessions counted at exactly their level instead of at least: {@code viewed} includes those that went further;</li>
 *   <li>every page view as a product view (the home page is not a product); events outside the range looked at.</li>
 * </ul>
 */
@Exercise("12.3")
class RankedQueriesTest {

    private static final RankedQueries learner = Exercises.pick(streamworkbook.week12.exercises.RollupQueries::new,
            streamworkbook.week12.solutions.RollupQueries::new);
    private static TestShop.Shop handWritten;

    private static final Instant H10 = Instant.parse("2026-03-02T10:00:00Z");

    @BeforeAll
    static void load() {
        handWritten = TestShop.empty("w12ranked");
        ClickHouseHttp ch = handWritten.clickhouse();
        ch.execute("""
                INSERT INTO product_hours (hour, product_id, events, purchases, units, revenue, written_at) VALUES
                ('2026-03-02 09:00:00', 'SKU-A', 50, 9, 9, 900.00, '2026-03-02 10:00:30'),
                ('2026-03-02 10:00:00', 'SKU-A', 40, 2, 3, 120.00, '2026-03-02 11:00:30'),
                ('2026-03-02 10:00:00', 'SKU-B', 30, 1, 2, 150.00, '2026-03-02 11:00:30'),
                ('2026-03-02 10:00:00', 'SKU-C', 10, 1, 1, 100.00, '2026-03-02 10:30:30'),
                ('2026-03-02 10:00:00', 'SKU-D', 25, 0, 0, 0.00, '2026-03-02 11:00:30'),
                ('2026-03-02 11:00:00', 'SKU-A', 20, 1, 1, 30.00, '2026-03-02 12:00:30'),
                ('2026-03-02 11:00:00', 'SKU-E', 5, 1, 1, 80.00, '2026-03-02 12:00:30'),
                ('2026-03-02 12:00:00', 'SKU-E', 5, 1, 1, 500.00, '2026-03-02 13:00:30')
                """);
        // hour 10 recomputed later: SKU-C's newer row, in a part of its own (merges stopped, so both rows stay)
        ch.execute("SYSTEM STOP MERGES product_hours");
        ch.execute("INSERT INTO product_hours (hour, product_id, events, purchases, units, revenue, written_at) VALUES "
                + "('2026-03-02 10:00:00', 'SKU-C', 12, 2, 3, 150.00, '2026-03-02 11:00:30')");
        // raw events that disagree with the rollup on purpose (a top-N read from them is wrong), and the funnel's sessions
        List<ShopEvent> events = new ArrayList<>();
        events.add(ShopEvent.purchase("00000000-0000-0000-0000-0000000000f1", H10.plusSeconds(60), "u-9", "s-x", "o-1", "SKU-Z", 1,
                new BigDecimal("9999.00")));
        Instant t = H10.plusSeconds(120);
        // A: view, cart 10 min later, purchase 50 min after the view — all three steps
        events.add(view("a1", t, "s-A", "SKU-A"));
        events.add(cart("a2", t.plusSeconds(600), "s-A", "SKU-A"));
        events.add(buy("a3", t.plusSeconds(3000), "s-A", "SKU-A"));
        // B: view, cart 30 min later, purchase 2 h later (outside the hour's window) — two steps
        events.add(view("b1", t, "s-B", "SKU-B"));
        events.add(cart("b2", t.plusSeconds(1800), "s-B", "SKU-B"));
        events.add(buy("b3", t.plusSeconds(7200), "s-B", "SKU-B"));
        // C: a cart without a view — no step
        events.add(cart("c1", t, "s-C", "SKU-C"));
        // D: the home page (no product), then a cart — no step
        events.add(ShopEvent.pageView(id("d1"), t, "u-1", "s-D", "/", null));
        events.add(cart("d2", t.plusSeconds(60), "s-D", "SKU-D"));
        // E: view, then a purchase without a cart — one step
        events.add(view("e1", t, "s-E", "SKU-E"));
        events.add(buy("e2", t.plusSeconds(120), "s-E", "SKU-E"));
        // F: view and a cart 5 s later, both written twice (a replay) — two steps, counted once
        events.add(view("f1", t, "s-F", "SKU-A"));
        events.add(cart("f2", t.plusSeconds(5), "s-F", "SKU-A"));
        events.add(view("f1", t, "s-F", "SKU-A"));
        events.add(cart("f2", t.plusSeconds(5), "s-F", "SKU-A"));
        // G: the view lies before the range (10:00), its cart and purchase inside — no step inside the range
        events.add(view("g1", H10.minusSeconds(120), "s-G", "SKU-A"));
        events.add(cart("g2", H10.plusSeconds(60), "s-G", "SKU-A"));
        events.add(buy("g3", H10.plusSeconds(120), "s-G", "SKU-A"));
        DemoData.loadEvents(ch, events);
    }

    @Test
    void topProductsComeFromTheRollupInAFixedOrder() {
        // 10:00–12:00: A 120+30 = 150, B 150, C 150 (its newest row), E 80, D none (no revenue); 09:00 and 12:00 outside
        assertEquals(List.of("SKU-A 150.00 4 3", "SKU-B 150.00 2 1", "SKU-C 150.00 3 2", "SKU-E 80.00 1 1"),
                top(H10, H10.plusSeconds(7200), 10), "top products of 10:00–12:00 (revenue desc, then product_id)");
        assertEquals(List.of("SKU-A 150.00 4 3", "SKU-B 150.00 2 1"), top(H10, H10.plusSeconds(7200), 2), "n = 2");
        assertEquals(List.of("SKU-A 1050.00 13 12", "SKU-E 580.00 2 2", "SKU-B 150.00 2 1", "SKU-C 150.00 3 2"),
                top(H10.minusSeconds(3600), H10.plusSeconds(4 * 3600), 100), "top products of 09:00–14:00");
        assertEquals(List.of("SKU-E 500.00 1 1"), top(H10.plusSeconds(7200), H10.plusSeconds(3 * 3600), 5), "12:00–13:00");
    }

    @Test
    void topProductsReadTheRollupNotTheEvents() {
        TestShop.Shop shop = TestShop.shared();
        Instant from = shop.first().truncatedTo(ChronoUnit.HOURS);
        Instant to = shop.last().truncatedTo(ChronoUnit.HOURS).plusSeconds(3600);
        ClickHouseHttp.Result r = shop.clickhouse().query(learner.topProducts(from, to, 10));
        long rollupRows = shop.clickhouse().query(BoundQuery.of("SELECT count() FROM product_hours")).row(0).get(0).asLong();
        assertTrue(r.readRows() > 0 && r.readRows() <= rollupRows, "the query read " + r.readRows() + " rows; the rollup has "
                + rollupRows + " and the events " + shop.events().size() + ": read product_hours, not events");
        // and the answer is the events' own (computed here in Java from what the generator made)
        Map<String, BigDecimal> revenue = new HashMap<>();
        for (ShopEvent e : shop.events()) {
            if (e.type() == EventType.PURCHASE) {
                revenue.merge(e.productId(), e.revenue(), BigDecimal::add);
            }
        }
        List<String> expected = revenue.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, BigDecimal> e) -> e.getValue()).reversed().thenComparing(Map.Entry::getKey))
                .limit(10).map(e -> e.getKey() + " " + e.getValue().setScale(2)).toList();
        List<String> actual = new ArrayList<>();
        r.rows().forEach(row -> actual.add(row.get(0).asText() + " " + row.get(1).decimalValue().setScale(2, java.math.RoundingMode.HALF_UP)));
        assertEquals(expected, actual, "the top 10 products of the generated traffic");
    }

    @Test
    void theFunnelCountsSessionsThatReachedAtLeastEachStep() {
        JsonNode row = funnel(H10, H10.plusSeconds(4 * 3600));
        assertEquals("viewed=4 carted=3 purchased=1", describe(row),
                "sessions A, B, E, F viewed a product; A, B, F carted within the hour (B 30 min after its view); "
                        + "only A bought within the hour (B's purchase came 2 h later); C and D never viewed a product; "
                        + "G's view lies before the range");
        // a range that ends before B's cart: B only viewed
        assertEquals("viewed=4 carted=2 purchased=0", describe(funnel(H10, H10.plusSeconds(1200))),
                "10:00–10:20: A and F carted, nobody bought yet");
    }

    private static List<String> top(Instant from, Instant to, int n) {
        ClickHouseHttp.Result r = handWritten.clickhouse().query(learner.topProducts(from, to, n));
        assertEquals(List.of("product_id", "revenue", "units", "purchases"), r.columns(), "the columns, in this order");
        List<String> rows = new ArrayList<>();
        r.rows().forEach(row -> rows.add(row.get(0).asText() + " " + row.get(1).decimalValue().setScale(2,
                java.math.RoundingMode.HALF_UP) + " " + row.get(2).asLong() + " " + row.get(3).asLong()));
        return rows;
    }

    private static JsonNode funnel(Instant from, Instant to) {
        ClickHouseHttp.Result r = handWritten.clickhouse().query(learner.funnel(from, to));
        assertEquals(List.of("viewed", "carted", "purchased"), r.columns(), "the columns, in this order");
        assertEquals(1, r.rows().size(), "one row");
        return r.row(0);
    }

    private static String describe(JsonNode row) {
        return "viewed=" + row.get(0).asLong() + " carted=" + row.get(1).asLong() + " purchased=" + row.get(2).asLong();
    }

    private static String id(String s) {
        return java.util.UUID.nameUUIDFromBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static ShopEvent view(String id, Instant at, String session, String sku) {
        return ShopEvent.pageView(id(id), at, "u-1", session, "/p/" + sku, sku);
    }

    private static ShopEvent cart(String id, Instant at, String session, String sku) {
        return ShopEvent.addToCart(id(id), at, "u-1", session, sku, 1, new BigDecimal("10.00"));
    }

    private static ShopEvent buy(String id, Instant at, String session, String sku) {
        return ShopEvent.purchase(id(id), at, "u-1", session, "o-" + session, sku, 1, new BigDecimal("10.00"));
    }
}
