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
            // three inserts: three blocks, so the same minute appears in several unmerged parts
            ClickHouse.execute(c, TestEvents.insert(TestEvents.DAY_ONE.subList(0, 4)),
                    TestEvents.insert(TestEvents.DAY_ONE.subList(4, TestEvents.DAY_ONE.size())),
                    TestEvents.insert(TestEvents.LATER));

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
