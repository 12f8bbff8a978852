package streamworkbook.week05;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;

@Exercise("5.1")
class EventsTableTest {

    private final EventsSchema schema = Exercises.pick(streamworkbook.week05.exercises.ShopEventsTable::new,
            streamworkbook.week05.solutions.ShopEventsTable::new);

    @Test
    void columnsEngineKeysAndCodecsAreAsDesigned() throws Exception {
        String ddl = schema.createEventsTable();
        try (Connection c = ClickHouse.freshDatabase().connect()) {
            ClickHouse.execute(c, ddl);
            List<String> columns = ClickHouse.query(c, "SELECT name, type, compression_codec FROM system.columns"
                    + " WHERE database = currentDatabase() AND table = 'events' ORDER BY position",
                    rs -> rs.getString(1) + " " + rs.getString(2) + (rs.getString(3).isEmpty() ? "" : " " + rs.getString(3)));
            assertEquals(List.of(
                    "event_id UUID",
                    "event_type LowCardinality(String)",
                    "event_time DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1))",
                    "user_id String",
                    "session_id String",
                    "product_id LowCardinality(String)",
                    "quantity UInt16",
                    "price Decimal(12, 2)",
                    "order_id String",
                    "rating UInt8",
                    "query String",
                    "page LowCardinality(String)"), columns);
            List<String> table = ClickHouse.query(c, "SELECT engine, partition_key, sorting_key FROM system.tables"
                    + " WHERE database = currentDatabase() AND name = 'events'",
                    rs -> rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3));
            assertEquals(List.of("MergeTree | toYYYYMM(event_time) | event_type, event_time"), table);
        }
    }

    @Test
    void eventsLandInMonthlyPartitionsAndExpireAfterAYear() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        String recent = format.format(now);
        String lastMonth = format.format(now.minusMonths(1));
        String expired = format.format(now.minusYears(1).minusDays(2));
        try (Connection c = ClickHouse.freshDatabase().connect()) {
            ClickHouse.execute(c, schema.createEventsTable(),
                    "INSERT INTO events (event_id, event_type, event_time, user_id) VALUES"
                            + " ('00000000-0000-0000-0000-000000000001', 'page_view', '" + recent + "', 'u1'),"
                            + " ('00000000-0000-0000-0000-000000000002', 'page_view', '" + lastMonth + "', 'u2'),"
                            + " ('00000000-0000-0000-0000-000000000003', 'page_view', '" + expired + "', 'u3')");
            // one part per month; the expired row may already be gone (TTL applies when a part is written)
            List<String> partitions = ClickHouse.query(c, "SELECT partition FROM system.parts"
                    + " WHERE database = currentDatabase() AND table = 'events' AND active AND rows > 0"
                    + " AND partition != '" + DateTimeFormatter.ofPattern("yyyyMM").format(now.minusYears(1).minusDays(2))
                    + "' ORDER BY partition", rs -> rs.getString(1));
            DateTimeFormatter month = DateTimeFormatter.ofPattern("yyyyMM");
            assertEquals(List.of(month.format(now.minusMonths(1)), month.format(now)), partitions);

            // TTL deletes when parts are written and merged; OPTIMIZE … FINAL forces a merge now
            ClickHouse.execute(c, "OPTIMIZE TABLE events FINAL");
            assertEquals(List.of("u1", "u2"), ClickHouse.query(c, "SELECT user_id FROM events ORDER BY user_id",
                    rs -> rs.getString(1)));
        }
    }
}
