package streamworkbook.week10;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 10.4: your five checks on an events table of 20 events written by hand (one week 6 table, merges stopped),
 * 7 of them written a second time by a second insert — copies, as a replay leaves them — and one event stored under
 * two event times; and a {@code source_counts} table that says what the source held per type and minute.
 *
 * <p>Rejects:
 * <ul>
 *   <li>counting rows instead of events (no {@code uniqExact}, no {@code FINAL}): a minute with copies looks fuller
 *       than it is, and every copy is counted again as a missing or out-of-range value;</li>
 *   <li>completeness with an inner join: the minute the sink lost entirely disappears instead of showing 0;</li>
 *   <li>freshness against processing time ({@code ingested_at}, when rows arrived): the data are days old, but were
 *       inserted a second ago; and freshness over all types at once: one stale type hides behind the others;</li>
 *   <li>duplicates without {@code FINAL}: the harmless copies (merging removes them) are counted, and with
 *       {@code FINAL} alone the event stored under two times is missed only if ids are not compared;</li>
 *   <li>missing values with {@code IS NULL}: the columns are not Nullable, a missing value is {@code ''};</li>
 *   <li>ranges and required columns applied to every type: a page view's quantity is 0 and its product empty by design.</li>
 * </ul>
 */
@Exercise("10.4")
class QualityChecksTest {

    private static ClickHouseEndpoint clickhouse;
    private final QualityChecks checks = Exercises.pick(streamworkbook.week10.exercises.ClickHouseQualityChecks::new,
            streamworkbook.week10.solutions.ClickHouseQualityChecks::new);

    /** id, type, time (10:mm:ss), session, product, quantity, price, order, rating, query, page */
    private static final List<String[]> EVENTS = List.of(
            row("P1", "purchase", "00:10", "s-1", "SKU-1", 1, "10.00", "o-1", 0, "", ""),
            row("P2", "purchase", "00:20", "s-1", "SKU-1", 2, "5.00", "o-1", 0, "", ""),
            row("P3", "purchase", "00:30", "s-2", "SKU-1", 0, "5.00", "o-2", 0, "", ""),
            row("P4", "purchase", "01:05", "s-2", "SKU-1", 1, "0.00", "o-3", 0, "", ""),
            row("P5", "purchase", "01:15", "", "SKU-1", 1, "7.00", "o-4", 0, "", ""),
            row("P6", "purchase", "01:25", "s-3", "SKU-1", 5000, "2000000.00", "", 0, "", ""),
            row("P7", "purchase", "01:40", "s-3", "SKU-1", 1, "3.00", "o-5", 0, "", ""),
            row("P7", "purchase", "01:50", "s-3", "SKU-1", 1, "3.00", "o-5", 0, "", ""),   // the same event, another time
            row("V1", "page_view", "00:05", "s-1", "", 0, "0", "", 0, "", "/"),
            row("V2", "page_view", "00:15", "s-1", "SKU-1", 0, "0", "", 0, "", "/p/SKU-1"),
            row("V3", "page_view", "00:45", "s-2", "", 0, "0", "", 0, "", ""),
            row("V4", "page_view", "00:55", "s-2", "", 0, "0", "", 0, "", "/c/7"),
            row("S1", "search", "03:10", "s-4", "", 0, "0", "", 0, "kettle", ""),
            row("S2", "search", "03:20", "s-4", "", 0, "0", "", 0, "", ""),
            row("R1", "review", "02:00", "s-5", "SKU-1", 0, "0", "", 0, "", ""),
            row("R2", "review", "02:30", "s-5", "SKU-1", 0, "0", "", 9, "", ""),
            row("R3", "review", "02:40", "s-5", "", 0, "0", "", 4, "", ""));
    /** Written again by a second insert: same rows, so merging would remove them. */
    private static final Set<String> COPIED = Set.of("P1", "P3", "P5", "P6", "V1", "S2", "R1");

    @BeforeAll
    static void fillTheTables() throws Exception {
        clickhouse = Traffic.freshDatabase();
        Traffic.execute(clickhouse, insert(EVENTS), insert(EVENTS.stream().filter(r -> COPIED.contains(r[0])).toList()),
                "INSERT INTO source_counts VALUES ('purchase', '2026-11-24 10:00:00', 3), ('purchase', '2026-11-24 10:01:00', 7),"
                        + " ('purchase', '2026-11-24 10:02:00', 2), ('page_view', '2026-11-24 10:00:00', 4), ('review', '2026-11-24 10:02:00', 3)");
        assertEquals(24, Traffic.count(clickhouse, "SELECT count() FROM events"), "17 rows and 7 copies, not merged");
    }

    @Test
    void completenessCountsEventsPerSourceMinuteAndShowsLostMinutes() throws Exception {
        Set<String> rows = rows(checks.completeness(), "event_type, toString(minute), expected, found");
        assertEquals(Set.of("purchase 2026-11-24 10:00:00 3 3", "purchase 2026-11-24 10:01:00 7 4", "purchase 2026-11-24 10:02:00 2 0",
                "page_view 2026-11-24 10:00:00 4 4", "review 2026-11-24 10:02:00 3 3"), rows,
                "type, minute, expected, found: distinct events, one row per source minute — also the one the sink lost");
    }

    @Test
    void freshnessIsTheAgeOfEachTypesNewestEvent() throws Exception {
        Instant before = Instant.now();
        Map<String, Long> lag = new TreeMap<>();
        Map<String, String> newest = new TreeMap<>();
        Traffic.query(clickhouse, "SELECT event_type, toString(newest), lag_ms FROM (" + checks.freshness() + ")", rs -> {
            newest.put(rs.getString(1), rs.getString(2));
            return lag.put(rs.getString(1), rs.getLong(3));
        });
        Instant after = Instant.now();
        Map<String, String> expectedNewest = Map.of("purchase", "10:01:50", "page_view", "10:00:55", "search", "10:03:20", "review", "10:02:40");
        assertEquals(expectedNewest.keySet(), lag.keySet(), "one row per type that has events");
        for (Map.Entry<String, String> e : expectedNewest.entrySet()) {
            Instant at = Instant.parse("2026-11-24T" + e.getValue() + "Z");
            long low = Duration.between(at, before).toMillis() - 2_000;   // 2 s for the two clocks and rounding
            long high = Duration.between(at, after).toMillis() + 2_000;
            long found = lag.get(e.getKey());
            assertTrue(found >= low && found <= high, e.getKey() + ": its newest event happened at " + at + ", so its lag is"
                    + " between " + low + " and " + high + " ms (event time against now, per type), found " + found
                    + " ms (newest " + newest.get(e.getKey()) + ")");
        }
    }

    @Test
    void duplicatesAreWhatMergingWillNotRemove() throws Exception {
        assertEquals(Set.of("purchase 1", "page_view 0", "search 0", "review 0"), rows(checks.duplicates(), "event_type, duplicates"),
                "type, duplicates: P7 is stored under two event times (it stays twice after any merge); the copies of a"
                        + " second insert do not count, merging removes them");
    }

    @Test
    void missingValuesAreEmptyStringsInTheColumnsEachTypeNeeds() throws Exception {
        assertEquals(Set.of(
                "purchase user_id 0", "purchase session_id 1", "purchase product_id 0", "purchase order_id 1",
                "page_view user_id 0", "page_view session_id 0", "page_view page 1",
                "search user_id 0", "search session_id 0", "search query 1",
                "review user_id 0", "review session_id 0", "review product_id 1"),
                rows(checks.nulls(), "event_type, column_name, missing"), "type, column, distinct events with it empty");
    }

    @Test
    void outOfRangeValuesPerTypeAndColumn() throws Exception {
        assertEquals(Set.of("purchase quantity 2", "purchase price 2", "review rating 2"),
                rows(checks.outOfRange(), "event_type, column_name, out_of_range"), "type, column, distinct events outside the range");
    }

    @Test
    void theReportFilesEveryResultInQualityReport() throws Exception {
        List<QualityReport.Row> report = QualityReport.run(clickhouse, checks, Duration.ofMinutes(5));
        Map<String, Long> failedByCheck = new TreeMap<>(report.stream().filter(r -> !r.passed())
                .collect(Collectors.groupingBy(QualityReport.Row::check, Collectors.counting())));
        assertEquals(5 + 4 + 4 + 13 + 3, report.size(), "results: " + report);
        assertEquals(Map.of("completeness", 2L, "freshness", 4L, "duplicates", 1L, "nulls", 5L, "out_of_range", 3L), failedByCheck,
                "failed results by check");
        assertEquals(report.size(), Traffic.count(clickhouse, "SELECT count() FROM quality_report"), "rows in quality_report");
        List<String> order = new ArrayList<>(new java.util.LinkedHashSet<>(report.stream().map(QualityReport.Row::check).toList()));
        assertEquals(QualityReport.CHECKS, order, "the report lists the checks in order");
    }

    /** The query's rows as "col1 col2 …" strings (compared as a set: the contract fixes no order). */
    private static Set<String> rows(String sql, String columns) throws Exception {
        List<String> rows = Traffic.query(clickhouse, "SELECT " + columns + " FROM (" + sql + ")", rs -> {
            StringBuilder s = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                s.append(i > 1 ? " " : "").append(rs.getString(i));
            }
            return s.toString();
        });
        Set<String> set = new TreeSet<>(rows);
        assertEquals(rows.size(), set.size(), "a row appears twice: " + rows);
        return set;
    }

    private static String[] row(String id, String type, String time, String session, String product, int quantity, String price,
                                String order, int rating, String query, String page) {
        return new String[] {id, type, time, session, product, Integer.toString(quantity), price, order, Integer.toString(rating), query, page};
    }

    private static String insert(List<String[]> rows) {
        return "INSERT INTO events (event_id, event_type, event_time, user_id, session_id, product_id, quantity, price, order_id,"
                + " rating, query, page) VALUES " + rows.stream().map(r -> "(reinterpretAsUUID(MD5('" + r[0] + "')), '" + r[1]
                        + "', '2026-11-24 10:" + r[2] + "', 'u-1', '" + r[3] + "', '" + r[4] + "', " + r[5] + ", " + r[6] + ", '"
                        + r[7] + "', " + r[8] + ", '" + r[9] + "', '" + r[10] + "')")
                .collect(Collectors.joining(", "));
    }
}
