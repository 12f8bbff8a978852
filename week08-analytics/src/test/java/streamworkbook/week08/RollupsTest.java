package streamworkbook.week08;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.week06.EventsTable;
import streamworkbook.week07.GeneratorSettings;
import streamworkbook.week07.TrafficShape;

/**
 * Exercise 8.5: your statements run after {@code events} exists; merges of {@code minute_stats} are stopped (as
 * they may not happen for hours on a busy server), and three hours of week 7's traffic (about 11,000 events)
 * arrive in three INSERTs that split every minute across blocks. Your per-minute and per-hour rows must equal the
 * same aggregates computed on {@code events} itself: counts and distinct users exactly (a {@code uniq} state holds
 * the same hashes however the rows were split), quantiles and averages to 10⁻⁹ relative (each group holds far
 * fewer than the 8,192 values where {@code quantiles} starts to sample, so both ways see every value).
 *
 * <p>Rejects:
 * <ul>
 *   <li>{@code quantiles(…)} (a finished array) instead of {@code quantilesState(…)}: the column's type is not the
 *       contract's, and an hour cannot be computed from finished minute quantiles;</li>
 *   <li>reading {@code minute_stats} without {@code GROUP BY} and {@code -Merge}: a minute inserted in three blocks
 *       is three partial rows;</li>
 *   <li>an hour's percentiles or average as the average of its minutes': not the hour's (a busy minute weighs as much
 *       as a quiet one);</li>
 *   <li>an hour's users as the sum of its minutes' users: a shopper active for several minutes counts several times.</li>
 * </ul>
 */
@Exercise("8.5")
class RollupsTest {

    private final MinuteRollups rollups = Exercises.pick(streamworkbook.week08.exercises.StatsRollups::new,
            streamworkbook.week08.solutions.StatsRollups::new);

    record Row(LocalDateTime bucket, String type, long events, long users, double p50, double p95, double p99, double avgPrice) {
    }

    private static final String RAW = """
            SELECT bucket, event_type, events, users, q[1] AS p50, q[2] AS p95, q[3] AS p99, avg_price
            FROM (
                SELECT %1$s AS bucket, event_type, count() AS events, uniq(user_id) AS users,
                       quantiles(0.5, 0.95, 0.99)(toFloat64(price)) AS q, avg(toFloat64(price)) AS avg_price
                FROM events
                GROUP BY bucket, event_type
            )
            ORDER BY bucket, event_type
            """;

    @Test
    void minuteStatesMergeIntoMinutesAndHours() throws Exception {
        List<String> statements = rollups.createRollups(); // first: a pending exercise needs no traffic
        Instant start = Instant.parse("2026-11-24T09:00:00Z");
        List<ShopEvent> events = Traffic.events(GeneratorSettings.builder(85, start).eventsPerSecond(1).shape(TrafficShape.flat()).build(),
                start, start.plus(Duration.ofHours(3)));
        try (Connection c = Infra.clickhouse().withFreshDatabase("w8_rollups").connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events (" + EventsTable.COLUMNS + ") ENGINE = MergeTree ORDER BY (event_type, event_time)");
            for (String sql : statements) {
                s.execute(sql);
            }
            assertEquals(List.of("minute_stats AggregatingMergeTree event_type, minute"), strings(s,
                    "SELECT name || ' ' || engine || ' ' || sorting_key FROM system.tables"
                    + " WHERE database = currentDatabase() AND name = 'minute_stats'"), "the target table, its engine and sorting key");
            assertEquals(List.of("minute DateTime('UTC')", "event_type LowCardinality(String)", "events SimpleAggregateFunction(sum, UInt64)",
                    "users AggregateFunction(uniq, String)", "price_quantiles AggregateFunction(quantiles(0.5, 0.95, 0.99), Float64)",
                    "avg_price AggregateFunction(avg, Float64)"), strings(s, "SELECT name || ' ' || type FROM system.columns"
                    + " WHERE database = currentDatabase() AND table = 'minute_stats' ORDER BY position"), "minute_stats' columns");

            s.execute("SYSTEM STOP MERGES minute_stats");
            for (int block = 0; block < 3; block++) {
                insert(c, events, block, 3);
            }
            assertTrue(events.size() > 10_000, "the test's traffic: " + events.size());

            compare(read(s, RAW.formatted("toStartOfMinute(event_time)")), read(s, rollups.perMinute()), "per minute");
            List<Row> hours = read(s, RAW.formatted("toStartOfHour(event_time)"));
            assertEquals(15, hours.size(), "three hours of five event types (reviews come days after their purchase)");
            compare(hours, read(s, rollups.perHour()), "per hour");
        }
    }

    /** Every {@code of}-th event from {@code block} on, as one INSERT: each minute lands in every block. */
    private static void insert(Connection c, List<ShopEvent> events, int block, int of) throws Exception {
        var row = new streamworkbook.week06.solutions.JdbcClickHouseWriter().eventRow();
        try (PreparedStatement ps = c.prepareStatement(EventsTable.INSERT)) {
            for (int i = block; i < events.size(); i += of) {
                row.accept(ps, events.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void compare(List<Row> expected, List<Row> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": rows (one per bucket and event type; partial rows not merged?)"
                + "\n  first expected " + head(expected) + "\n  first actual   " + head(actual));
        for (int i = 0; i < expected.size(); i++) {
            Row e = expected.get(i);
            Row a = actual.get(i);
            String where = what + ", row " + (i + 1) + ":\n  expected " + e + "\n  but was  " + a;
            assertEquals(e.bucket() + " " + e.type(), a.bucket() + " " + a.type(), where);
            assertEquals(e.events(), a.events(), "events; " + where);
            assertEquals(e.users(), a.users(), "distinct users; " + where);
            close(e.p50(), a.p50(), "p50; " + where);
            close(e.p95(), a.p95(), "p95; " + where);
            close(e.p99(), a.p99(), "p99; " + where);
            close(e.avgPrice(), a.avgPrice(), "avg_price; " + where);
        }
    }

    private static void close(double expected, double actual, String message) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), message);
    }

    private static String head(List<Row> rows) {
        return rows.isEmpty() ? "(none)" : rows.get(0).toString();
    }

    private static List<Row> read(Statement s, String sql) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new Row(rs.getObject(1, LocalDateTime.class), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)));
            }
        }
        return rows;
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
