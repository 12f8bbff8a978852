package streamworkbook.week05;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;

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
                LocalDateTime.parse("2026-11-24T09:00"), LocalDateTime.parse("2026-11-24T13:00"));
        assertEquals(List.of(
                new Row(LocalDateTime.parse("2026-11-24T09:00"), money("0.00")),
                new Row(LocalDateTime.parse("2026-11-24T10:00"), money("70.00")),    // o1 20.00 + o2 50.00
                new Row(LocalDateTime.parse("2026-11-24T11:00"), money("77.50")),    // o3: 3 × 12.50 + 40.00
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
                new Row("games", "p-5", money("40.00"))), rows);
    }

    @Test
    void conversionFunnelOfOneDay() throws Exception {
        List<Row> rows = ClickHouse.query(c, analytics.conversionFunnel(),
                rs -> new Row(rs.getInt("step"), rs.getLong("users")), LocalDate.parse("2026-11-24"));
        // u1 and u4: view → cart → purchase; u2: view → cart; u3: view → purchase (no cart: stops at 1); u5: searched only
        assertEquals(List.of(new Row(1, 4L), new Row(2, 3L), new Row(3, 2L)), rows);
    }

    @Test
    void exactQuantilesOfOrderValue() throws Exception {
        List<Row> rows = ClickHouse.query(c, analytics.orderValueQuantiles(), rs -> {
            Array array = rs.getArray("order_value");
            return new Row(Arrays.stream((Object[]) array.getArray())
                    .map(v -> new BigDecimal(v.toString()).setScale(2)).toArray());
        });
        // orders 15.00, 20.00, 50.00, 77.50: quantileExact takes the value at position floor(level × n) of the sorted list
        assertEquals(List.of(new Row(money("50.00"), money("77.50"))), rows);
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
