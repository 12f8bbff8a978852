package streamworkbook.week06;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 6.2: your table and queries, fed Kafka → Flink → ClickHouse on the real broker with the reference sink
 * of 6.1. Kafka holds 4,300 records: 4,050 events — among them 50 pairs of different events with the same type and
 * time to the millisecond — and 250 of them a second time, as a producer retry would send them. Merges of
 * {@code events} are stopped while the queries run, so that duplicates are still there, as they may be for hours.
 *
 * <p>Rejects:
 * <ul>
 *   <li>a plain {@code MergeTree}: {@code FINAL} changes nothing, 4,300 rows; after the replay 8,600;</li>
 *   <li>a {@code ReplacingMergeTree} sorted by {@code (event_type, event_time)} only: the 50 pairs of different
 *       events with the same type and time collapse into one (4,000 instead of 4,050 after {@code OPTIMIZE});</li>
 *   <li>a key that does not start with {@code (event_type, event_time)} (such as {@code ORDER BY event_id}): week 5's
 *       reads lose their index — checked on {@code system.tables};</li>
 *   <li>{@code countsByType} without {@code FINAL}: the 250 resent events are counted twice;</li>
 *   <li>{@code distinctEvents} as {@code count()} (duplicates counted) or as {@code uniq(event_id)} (approximate:
 *       200,000 distinct ids inserted directly come back a few hundred off).</li>
 * </ul>
 */
@Exercise("6.2")
class IdempotentWritesTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private static final int RESENT = 250;
    private static final int TWINS = 50;

    private static List<ShopEvent> events;
    private static String topic;

    /** 6.1's reference sink: this test is about the table and the queries. */
    private final ClickHouseWriter writer = new streamworkbook.week06.solutions.JdbcClickHouseWriter();
    private final IdempotentEvents table = Exercises.pick(streamworkbook.week06.exercises.ReplacingEvents::new,
            streamworkbook.week06.solutions.ReplacingEvents::new);

    @BeforeAll
    static void produce() throws Exception {
        events = new ArrayList<>(Fixtures.traffic(62, 4_000, 20));
        // two shoppers at the same millisecond: a different event with the same type and time
        for (int i = 0; i < TWINS; i++) {
            ShopEvent e = events.get(i * 40);
            events.add(new ShopEvent(UUID.nameUUIDFromBytes(("twin-" + i).getBytes()).toString(), e.type(), e.eventTime(),
                    "u-twin-" + i, "s-twin-" + i, e.productId(), e.quantity(), e.price(), e.orderId() == null ? null : e.orderId() + "-twin",
                    e.rating(), e.query(), e.page()));
        }
        topic = Fixtures.newTopic("w6-events", 2);
        List<ShopEvent> withDuplicates = new ArrayList<>(events);
        withDuplicates.addAll(events.subList(1_000, 1_000 + RESENT)); // sent again, as after a lost acknowledgement
        Fixtures.produce(topic, withDuplicates);
    }

    private ClickHouseEndpoint createTable() throws Exception {
        ClickHouseEndpoint ch = Fixtures.freshDatabase();
        Fixtures.execute(ch, table.createEventsTable(), "SYSTEM STOP MERGES events");
        List<String> key = Fixtures.query(ch, "SELECT sorting_key FROM system.tables WHERE database = currentDatabase()"
                + " AND name = 'events'", rs -> rs.getString(1));
        assertTrue(key.get(0).startsWith("event_type, event_time"), "the sorting key starts with week 5's"
                + " (event_type, event_time), so that the dashboard's reads stay fast; it is (" + key.get(0) + ")");
        return ch;
    }

    private void runPipelineOnce(ClickHouseEndpoint ch) throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment(2);
        // a new group each run, from the earliest offset to the end: the same Kafka range again
        ShopPipeline.build(env, ShopPipeline.source(Fixtures.bootstrap(), UniqueNames.next("w6"), true, topic),
                ch, writer, null, new SinkSettings(1_000, Duration.ofMillis(200), 1));
        TestFlink.run(env, "6.2 Kafka to ClickHouse");
    }

    @Test
    void eventsProducedToKafkaEqualDistinctRowsInClickHouse() throws Exception {
        ClickHouseEndpoint ch = createTable();
        runPipelineOnce(ch);

        assertEquals(events.size() + RESENT, Fixtures.count(ch, "SELECT count() FROM events"),
                "rows before any merge: every record of Kafka — fewer means rows with equal sorting keys were collapsed"
                        + " while being inserted: do two different events with the same type and time keep their own keys?");
        assertEquals(events.size(), Fixtures.count(ch, table.distinctEvents()), "distinct events");
        assertEquals(Fixtures.expectedCounts(events), Fixtures.typeCounts(ch, table.countsByType()),
                "counts and revenue per type, each event once, before any merge");
    }

    @Test
    void replayingTheSameKafkaRangeChangesNoResult() throws Exception {
        ClickHouseEndpoint ch = createTable();
        runPipelineOnce(ch);
        List<Fixtures.TypeCount> first = Fixtures.typeCounts(ch, table.countsByType());

        runPipelineOnce(ch); // the replay: every event written again
        assertEquals(first, Fixtures.typeCounts(ch, table.countsByType()));
        assertEquals(Fixtures.expectedCounts(events), first);
        assertEquals(events.size(), Fixtures.count(ch, table.distinctEvents()));

        // a merge of everything keeps one row per key: the duplicates are physically gone, the twins stay
        Fixtures.execute(ch, "SYSTEM START MERGES events", "OPTIMIZE TABLE events FINAL");
        assertEquals(events.size(), Fixtures.count(ch, "SELECT count() FROM events"),
                "one row per event after merging: is the sorting key unique per event?");
    }

    @Test
    void distinctEventsIsExactOnManyEvents() throws Exception {
        ClickHouseEndpoint ch = createTable();
        // 200,000 distinct events, each inserted twice (two INSERTs, two parts)
        String insert = "INSERT INTO events (event_id, event_type, event_time, user_id)"
                + " SELECT reinterpretAsUUID(MD5(toString(number))), 'page_view',"
                + " toDateTime64('2026-11-24 00:00:00', 3, 'UTC') + toIntervalMillisecond(number), 'u' FROM numbers(200000)";
        Fixtures.execute(ch, insert, insert);
        assertEquals(200_000, Fixtures.count(ch, table.distinctEvents()), "exactly the distinct events, not an estimate");
    }
}
