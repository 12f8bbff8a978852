package streamworkbook.week05;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;

/**
 * Exercise 5.3: your five queries over the small known shop of {@link TestEvents}, run with a
 * {@code PreparedStatement} as an API would, compared row by row with results checked by hand.
 *
 * <p>Rejects:
 * <ul>
 *   <li>revenue per hour without {@code WITH FILL}, or with {@code WITH FILL} but without {@code FROM … TO}: the
 *       empty hours 09:00 and 12:00 at the ends of the range are missing;</li>
 *   <li>revenue of every event type ({@code price * quantity} of carts too): every number is too high;</li>
 *   <li>top products with {@code LIMIT n} instead of {@code LIMIT n BY category}: two rows in all, not per category;</li>
 *   <li>top products without the product id as the tie-breaker: p-5 and p-8 tie at 40.00 in games, and the contract
 *       keeps p-5;</li>
 *   <li>a funnel of {@code countIf} per event type instead of {@code windowFunnel}: u3 bought without a cart and
 *       counts at step 3 (4, 3, 3 instead of 4, 3, 2);</li>
 *   <li>a funnel with a window longer than an hour: u2's purchase 1 h 40 min after the view counts (4, 3, 3);</li>
 *   <li>a funnel that ignores the day: u6's view on the 25th adds a user at step 1;</li>
 *   <li>{@code quantiles} (sampled, interpolated) instead of the exact ones: p90 66.50 instead of 77.50;</li>
 *   <li>percentiles of purchase lines instead of whole orders: o3's two lines count separately (p90 50.00);</li>
 *   <li>retention with one global first day instead of each user's, or "back within 7 days" instead of "on day 7":
 *       the cohorts or day-7 counts differ.</li>
 * </ul>
 */
@Exercise("5.3")
class AnalyticsTest {

    private static Connection c;

    private final ShopAnalytics analytics = Exercises.pick(streamworkbook.week05.exercises.AnalyticsQueries::new,
            streamworkbook.week05.solutions.AnalyticsQueries::new);

    @BeforeAll
    static void loadTheShop() throws Exception {
        c = ClickHouse.freshDatabase().connect();
        ClickHouse.execute(c, ClickHouse.EVENTS_TABLE, ClickHouse.PRODUCTS_TABLE, TestEvents.PRODUCTS,
                TestEvents.insert(TestEvents.DAY_ONE), TestEvents.insert(TestEvents.LATER));
    }

    @AfterAll
    static void close() throws Exception {
        c.close();
    }

    record Row(Object... values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void revenuePerHourFillsHoursWithoutSales() throws Exception {
        List<Row> rows = ClickHouse.query(c, analytics.revenuePerHour(),
                rs -> new Row(rs.getObject("hour", LocalDateTime.class), rs.getBigDecimal("revenue").setScale(2)),
                // instants with their offset: clickhouse-jdbc would read a LocalDateTime in the JVM's time zone
                OffsetDateTime.parse("2026-11-24T09:00Z"), OffsetDateTime.parse("2026-11-24T13:00Z"));
        assertEquals(List.of(
                new Row(LocalDateTime.parse("2026-11-24T09:00"), money("0.00")),
                new Row(LocalDateTime.parse("2026-11-24T10:00"), money("70.00")),    // o1 20.00 + o2 50.00
                new Row(LocalDateTime.parse("2026-11-24T11:00"), money("117.50")),   // o3: 3 × 12.50 + 40.00; o5: 2 × 20.00
                new Row(LocalDateTime.parse("2026-11-24T12:00"), money("0.00"))), rows);
    }

    @Test
    void topTwoProductsOfEachCategory() throws Exception {
        List<Row> rows = ClickHouse.query(c, analytics.topProductsPerCategory(),
                rs -> new Row(rs.getString("category"), rs.getString("product_id"), rs.getBigDecimal("revenue").setScale(2)),
                2);
        assertEquals(List.of(
                new Row("books", "p-3", money("37.50")),
                new Row("books", "p-1", money("20.00")),   // p-2 has 15.00: third in books
                new Row("games", "p-4", money("50.00")),
                new Row("games", "p-5", money("40.00"))), rows);   // p-8 has 40.00 too: the tie goes to the lower id
    }

    @Test
    void conversionFunnelOfOneDay() throws Exception {
        List<Row> rows = ClickHouse.query(c, analytics.conversionFunnel(),
                rs -> new Row(rs.getInt("step"), rs.getLong("users")), LocalDate.parse("2026-11-24"));
        // u1 and u4: view → cart → purchase within the hour; u2: view → cart (the purchase comes 1 h 40 min after the
        // view: outside the window); u3: view → purchase (no cart: stops at 1); u5: searched only
        assertEquals(List.of(new Row(1, 4L), new Row(2, 3L), new Row(3, 2L)), rows);
    }

    @Test
    void exactQuantilesOfOrderValue() throws Exception {
        List<Row> rows = ClickHouse.query(c, analytics.orderValueQuantiles(), rs -> {
            Array array = rs.getArray("order_value");
            return new Row(Arrays.stream((Object[]) array.getArray())
                    .map(v -> new BigDecimal(v.toString()).setScale(2)).toArray());
        });
        // orders 15.00, 20.00, 40.00, 50.00, 77.50: the value at position floor(level × n) of the sorted list,
        // p50 floor(2.5) = 2 → 40.00, p90 floor(4.5) = 4 → 77.50
        assertEquals(List.of(new Row(money("40.00"), money("77.50"))), rows);
    }

    @Test
    void dayOneAndDaySevenRetentionByCohort() throws Exception {
        List<Row> rows = ClickHouse.query(c, analytics.retention(), rs -> new Row(rs.getObject("cohort", LocalDate.class),
                rs.getLong("users"), rs.getLong("day1"), rs.getLong("day7")));
        assertEquals(List.of(
                new Row(LocalDate.parse("2026-11-24"), 5L, 2L, 2L),   // u1..u5; back on 11-25: u1, u4; on 12-01: u2, u4
                new Row(LocalDate.parse("2026-11-25"), 1L, 1L, 0L)),  // u6, back on 11-26
                rows);
    }
}
