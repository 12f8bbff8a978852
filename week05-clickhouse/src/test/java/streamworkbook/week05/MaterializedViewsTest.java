package streamworkbook.week05;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;

/**
 * Exercise 5.2: your four statements run after {@code events} exists; merges of the two target tables are
 * stopped, the test's events arrive in three INSERTs that split minutes, types and users across blocks, and
 * your two queries must give exactly what the test computes from the events — before merges, and again after
 * {@code OPTIMIZE … FINAL} has merged everything.
 *
 * <p>Rejects:
 * <ul>
 *   <li>reading {@code minute_sales} without {@code sum(…) GROUP BY} (or {@code FINAL}): a minute inserted in two
 *       blocks comes back as two rows, each with half the count;</li>
 *   <li>reading {@code minute_visitors} with {@code finalizeAggregation} and no {@code GROUP BY}: one row per block;</li>
 *   <li>distinct users as a {@code uniqExact(user_id)} number in a SummingMergeTree: u1 in two blocks of one minute
 *       is added up to 2 (the column types of the contract are checked too);</li>
 *   <li>revenue as {@code sum(price * quantity)} of every type: the carts of 10:00 get revenue;</li>
 *   <li>another engine than the contract's (a MergeTree for the sums keeps every row; results may even look
 *       right when read with sum(), so the engines are checked by name).</li>
 * </ul>
 */
@Exercise("5.2")
class MaterializedViewsTest {

    private final MinuteMetrics metrics = Exercises.pick(streamworkbook.week05.exercises.MetricViews::new,
            streamworkbook.week05.solutions.MetricViews::new);

    record Sales(LocalDateTime minute, String type, long events, BigDecimal revenue) {
    }

    record Visitors(LocalDateTime minute, long users, long sessions) {
    }

    @Test
    void viewsKeepPerMinuteSalesAndVisitorsAcrossSeveralInserts() throws Exception {
        List<TestEvents.Event> all = new ArrayList<>(TestEvents.DAY_ONE);
        all.addAll(TestEvents.LATER);
        try (Connection c = ClickHouse.freshDatabase().connect()) {
            ClickHouse.execute(c, ClickHouse.EVENTS_TABLE);
            ClickHouse.execute(c, metrics.createViews().toArray(String[]::new));
            assertEquals(List.of("minute_sales SummingMergeTree (event_type, minute)",
                    "minute_visitors AggregatingMergeTree minute"), ClickHouse.query(c, "SELECT name || ' ' || engine"
                    + " || ' ' || if(sorting_key LIKE '%,%', '(' || sorting_key || ')', sorting_key) FROM system.tables"
                    + " WHERE database = currentDatabase() AND name IN ('minute_sales', 'minute_visitors') ORDER BY name",
                    rs -> rs.getString(1)), "the target tables' engines and sorting keys");
            assertEquals(List.of("minute_sales.events UInt64", "minute_sales.revenue Decimal(18, 2)",
                    "minute_visitors.sessions AggregateFunction(uniqExact, String)",
                    "minute_visitors.users AggregateFunction(uniqExact, String)"), ClickHouse.query(c,
                    "SELECT table || '.' || name || ' ' || type FROM system.columns WHERE database = currentDatabase()"
                    + " AND table IN ('minute_sales', 'minute_visitors') AND name IN ('events', 'revenue', 'users', 'sessions')"
                    + " ORDER BY table, name", rs -> rs.getString(1)), "the contract's column types");

            // no merges: the parts stay as the inserts made them, as they may for hours on a busy server
            ClickHouse.execute(c, "SYSTEM STOP MERGES minute_sales", "SYSTEM STOP MERGES minute_visitors");
            // three inserts, events dealt round-robin: one minute, type and user land in several blocks
            for (int block = 0; block < 3; block++) {
                List<TestEvents.Event> part = new ArrayList<>();
                for (int i = block; i < all.size(); i += 3) {
                    part.add(all.get(i));
                }
                ClickHouse.execute(c, TestEvents.insert(part));
            }
            readAndCheck(c, all);

            // and once everything is merged, the same answers
            ClickHouse.execute(c, "SYSTEM START MERGES minute_sales", "SYSTEM START MERGES minute_visitors",
                    "OPTIMIZE TABLE minute_sales FINAL", "OPTIMIZE TABLE minute_visitors FINAL");
            readAndCheck(c, all);
        }
    }

    private void readAndCheck(Connection c, List<TestEvents.Event> all) throws Exception {
        List<Sales> sales = ClickHouse.query(c, metrics.salesPerMinute(), rs -> new Sales(
                rs.getObject("minute", LocalDateTime.class), rs.getString("event_type"),
                rs.getLong("events"), rs.getBigDecimal("revenue").setScale(2)));
        assertEquals(expectedSales(all), sales);
        // spot check by hand: 10:00 has two views and two carts; 11:20 has u4's order o3 of 77.50
        assertEquals(new Sales(LocalDateTime.parse("2026-11-24T10:00"), "add_to_cart", 2, new BigDecimal("0.00")), sales.get(0));
        assertEquals(new Sales(LocalDateTime.parse("2026-11-24T11:20"), "purchase", 2, new BigDecimal("77.50")),
                sales.stream().filter(s -> s.minute().getHour() == 11 && s.minute().getMinute() == 20).findFirst().orElseThrow());

        List<Visitors> visitors = ClickHouse.query(c, metrics.visitorsPerMinute(), rs -> new Visitors(
                rs.getObject("minute", LocalDateTime.class), rs.getLong("users"), rs.getLong("sessions")));
        assertEquals(expectedVisitors(all), visitors);
        assertEquals(new Visitors(LocalDateTime.parse("2026-11-24T10:00"), 2, 2), visitors.get(0));
    }

    private static LocalDateTime minuteOf(TestEvents.Event e) {
        return LocalDateTime.ofInstant(e.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    }

    private static List<Sales> expectedSales(List<TestEvents.Event> events) {
        Map<String, Sales> byKey = new TreeMap<>(); // "minute type" sorts as minute, then type
        for (TestEvents.Event e : events) {
            LocalDateTime minute = minuteOf(e);
            byKey.merge(minute + " " + e.type(), new Sales(minute, e.type(), 1, e.revenue().setScale(2)),
                    (a, b) -> new Sales(a.minute(), a.type(), a.events() + 1, a.revenue().add(b.revenue())));
        }
        return List.copyOf(byKey.values());
    }

    private static List<Visitors> expectedVisitors(List<TestEvents.Event> events) {
        Map<LocalDateTime, Set<String>> users = new TreeMap<>();
        Map<LocalDateTime, Set<String>> sessions = new TreeMap<>();
        for (TestEvents.Event e : events) {
            users.computeIfAbsent(minuteOf(e), m -> new HashSet<>()).add(e.user());
            sessions.computeIfAbsent(minuteOf(e), m -> new HashSet<>()).add(e.session());
        }
        return users.keySet().stream()
                .map(m -> new Visitors(m, users.get(m).size(), sessions.get(m).size())).toList();
    }
}
