package streamworkbook.week05;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 5.1: your {@code CREATE TABLE events}, created in a fresh database, read back from
 * {@code system.columns} and {@code system.tables} (columns compared by name, in any order), and tried on data:
 * rows of two months, rows older than a year, and 600,000 rows read through {@code EXPLAIN indexes = 1}.
 *
 * <p>Rejects:
 * <ul>
 *   <li>{@code event_type}, {@code product_id} or {@code page} as {@code String}: the column's type is named in the
 *       failure ("few distinct values: dictionary-encoded");</li>
 *   <li>{@code user_id} (or another id) as {@code LowCardinality(String)}: millions of values make a dictionary
 *       bigger than the column;</li>
 *   <li>{@code event_time DateTime} (whole seconds) or {@code DateTime64(3)} without {@code 'UTC'};</li>
 *   <li>{@code event_time} without a delta codec, or with one but not followed by ZSTD;</li>
 *   <li>any {@code Nullable} column, a {@code String} event id, a {@code Float64} price;</li>
 *   <li>another engine than {@code MergeTree} (a Replacing- or SummingMergeTree drops or adds up rows);</li>
 *   <li>no {@code PARTITION BY} (two months share one partition) and {@code PARTITION BY toYYYYMMDD(…)} (one
 *       partition per day);</li>
 *   <li>{@code ORDER BY (event_time, event_type)}: the purchases of all time read every granule;
 *       {@code ORDER BY event_type} alone: the purchases of one day read every purchase granule of the month;
 *       {@code ORDER BY event_id} or {@code tuple()}: both read everything;</li>
 *   <li>no {@code TTL} (a row 13 months old is still there after {@code OPTIMIZE … FINAL}), or a TTL shorter than a
 *       year (a row 11 months old is gone).</li>
 * </ul>
 */
@Exercise("5.1")
class EventsTableTest {

    /** Each column's type as {@code system.columns} prints it, and why. */
    private static final Map<String, String[]> COLUMNS = new LinkedHashMap<>();

    static {
        String dictionary = "few distinct values: dictionary-encoded (LowCardinality)";
        String plain = "millions of distinct values: a plain String (a dictionary would be as big as the column)";
        COLUMNS.put("event_id", new String[] {"UUID", "a UUID is 16 bytes; as text it is 36"});
        COLUMNS.put("event_type", new String[] {"LowCardinality(String)", dictionary});
        COLUMNS.put("event_time", new String[] {"DateTime64(3, 'UTC')",
                "milliseconds (DateTime keeps whole seconds), and UTC in the type, whatever the server's time zone"});
        COLUMNS.put("user_id", new String[] {"String", plain});
        COLUMNS.put("session_id", new String[] {"String", plain});
        COLUMNS.put("product_id", new String[] {"LowCardinality(String)", dictionary});
        COLUMNS.put("quantity", new String[] {"UInt16", "as the contract says"});
        COLUMNS.put("price", new String[] {"Decimal(12, 2)", "money is exact to the cent, never a float"});
        COLUMNS.put("order_id", new String[] {"String", plain});
        COLUMNS.put("rating", new String[] {"UInt8", "as the contract says"});
        COLUMNS.put("query", new String[] {"String", "free text: a plain String"});
        COLUMNS.put("page", new String[] {"LowCardinality(String)", dictionary});
    }

    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final EventsSchema schema = Exercises.pick(streamworkbook.week05.exercises.ShopEventsTable::new,
            streamworkbook.week05.solutions.ShopEventsTable::new);

    private Connection createTable() throws Exception {
        Connection c = ClickHouse.freshDatabase().connect();
        ClickHouse.execute(c, schema.createEventsTable());
        return c;
    }

    @Test
    void columnsHaveTheTypesTheirValuesNeed() throws Exception {
        try (Connection c = createTable()) {
            Map<String, String> types = new TreeMap<>();
            Map<String, String> codecs = new TreeMap<>();
            ClickHouse.query(c, "SELECT name, type, compression_codec FROM system.columns"
                    + " WHERE database = currentDatabase() AND table = 'events'", rs -> {
                        types.put(rs.getString(1), rs.getString(2));
                        codecs.put(rs.getString(1), rs.getString(3));
                        return null;
                    });
            assertEquals(new TreeMap<>(COLUMNS).keySet(), types.keySet(), "the twelve columns of the contract, by name");

            List<String> problems = new ArrayList<>();
            COLUMNS.forEach((name, expected) -> {
                if (!expected[0].equals(types.get(name))) {
                    problems.add(name + " is " + types.get(name) + ", expected " + expected[0] + ": " + expected[1]);
                }
            });
            // Delta (or DoubleDelta) turns a sorted timestamp into small differences; ZSTD then packs those
            if (!codecs.get("event_time").matches("CODEC\\((Double)?Delta(\\(\\d+\\))?, ZSTD(\\(\\d+\\))?\\)")) {
                problems.add("event_time is compressed with '" + codecs.get("event_time") + "', expected the differences"
                        + " between neighbours (Delta), then ZSTD");
            }
            if (!problems.isEmpty()) {
                fail(String.join("\n", problems));
            }
        }
    }

    @Test
    void theEngineKeepsEveryRow() throws Exception {
        try (Connection c = createTable()) {
            assertEquals(List.of("MergeTree"), ClickHouse.query(c, "SELECT engine FROM system.tables"
                    + " WHERE database = currentDatabase() AND name = 'events'", rs -> rs.getString(1)));
        }
    }

    @Test
    void eachMonthHasItsOwnPartition() throws Exception {
        LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        LocalDate lastMonth = thisMonth.minusMonths(1);
        try (Connection c = createTable()) {
            // two days of last month, two of this month: two partitions, one per month
            insertUsers(c, Map.of("u1", lastMonth.plusDays(2).atTime(10, 0), "u2", lastMonth.plusDays(20).atTime(23, 59),
                    "u3", thisMonth.atTime(0, 0), "u4", thisMonth.plusDays(5).atTime(12, 0)));
            List<String> partitionsPerMonth = ClickHouse.query(c, "SELECT toString(toYYYYMM(event_time)) || ': '"
                    + " || toString(uniqExact(_partition_id)) FROM events GROUP BY toYYYYMM(event_time) ORDER BY 1",
                    rs -> rs.getString(1));
            assertEquals(List.of(DateTimeFormatter.ofPattern("yyyyMM").format(lastMonth) + ": 1",
                    DateTimeFormatter.ofPattern("yyyyMM").format(thisMonth) + ": 1"), partitionsPerMonth,
                    "the rows of one month share one partition");
            assertEquals(2, ClickHouse.count(c, "SELECT uniqExact(_partition_id) FROM events"),
                    "two months, two partitions: one per month");
        }
    }

    @Test
    void rowsAreDeletedOneYearAfterTheirEventTime() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        try (Connection c = createTable()) {
            insertUsers(c, Map.of("recent", now.minusDays(1), "elevenMonths", now.minusMonths(11),
                    "expired", now.minusYears(1).minusDays(2), "thirteenMonths", now.minusMonths(13)));
            // TTL deletes when parts are written and merged; OPTIMIZE … FINAL forces a merge now
            ClickHouse.execute(c, "OPTIMIZE TABLE events FINAL");
            assertEquals(List.of("elevenMonths", "recent"), ClickHouse.query(c,
                    "SELECT user_id FROM events ORDER BY user_id", rs -> rs.getString(1)),
                    "kept for a year after event_time, then deleted");
        }
    }

    @Test
    void theSortingKeyLetsTheDashboardsQueriesSkipGranules() throws Exception {
        // 600,000 events over 100 days, one every 14.4 s, cycling through the six types: 1,000 purchases a day
        LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(100);
        LocalDate day = first.plusDays(50);
        IndexUsage explain = new streamworkbook.week05.solutions.ExplainIndexes();
        try (Connection c = createTable()) {
            ClickHouse.execute(c, "INSERT INTO events (event_id, event_type, event_time, user_id)"
                    + " SELECT generateUUIDv4(), ['page_view', 'search', 'add_to_cart', 'remove_from_cart', 'purchase',"
                    + " 'review'][number % 6 + 1], toDateTime64('" + first + " 00:00:00', 3, 'UTC')"
                    + " + toIntervalMillisecond(number * 14400), 'u-' || toString(number % 5000) FROM numbers(600000)");
            long granules = ClickHouse.count(c, "SELECT sum(marks) - count() FROM system.parts"
                    + " WHERE database = currentDatabase() AND table = 'events' AND active");
            long parts = ClickHouse.count(c, "SELECT count() FROM system.parts"
                    + " WHERE database = currentDatabase() AND table = 'events' AND active");
            double rowsPerGranule = 600_000.0 / granules;

            String allPurchases = "SELECT count() FROM events WHERE event_type = 'purchase'";
            assertEquals(100_000, ClickHouse.count(c, allPurchases));
            IndexStep byType = primaryKey(explain.explainIndexes(c, allPurchases));
            // the purchases are one contiguous run per part: their granules, plus at most one at each end
            long bound = (long) Math.ceil(100_000 / rowsPerGranule) + 2 * parts;
            assertTrue(byType.granulesSelected() <= bound, "the purchases of all time read "
                    + byType.granulesSelected() + " of " + granules + " granules; a key that starts with the event type"
                    + " reads at most " + bound + " (EXPLAIN: the primary index used " + byType.keys() + ")");

            String oneDay = "SELECT count() FROM events WHERE event_type = 'purchase'"
                    + " AND event_time >= toDateTime64('" + day + " 00:00:00', 3, 'UTC')"
                    + " AND event_time < toDateTime64('" + day.plusDays(1) + " 00:00:00', 3, 'UTC')";
            assertEquals(1_000, ClickHouse.count(c, oneDay));
            IndexStep byTypeAndDay = primaryKey(explain.explainIndexes(c, oneDay));
            assertTrue(byTypeAndDay.granulesSelected() <= 2, "the purchases of one day (1,000 rows) read "
                    + byTypeAndDay.granulesSelected() + " granules; a key of the event type, then the time, reads"
                    + " one or two (EXPLAIN: the primary index used " + byTypeAndDay.keys() + ")");
        }
    }

    private static IndexStep primaryKey(List<IndexStep> steps) {
        return steps.stream().filter(s -> s.index().equals("PrimaryKey")).findFirst()
                .orElseThrow(() -> new AssertionError("EXPLAIN shows no primary key use: " + steps));
    }

    private static void insertUsers(Connection c, Map<String, LocalDateTime> users) throws Exception {
        StringBuilder values = new StringBuilder();
        users.forEach((user, time) -> values.append(values.isEmpty() ? "" : ", ")
                .append("(generateUUIDv4(), 'page_view', '").append(SQL_TIME.format(time)).append("', '").append(user).append("')"));
        ClickHouse.execute(c, "INSERT INTO events (event_id, event_type, event_time, user_id) VALUES " + values);
    }
}
