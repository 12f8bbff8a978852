package streamworkbook.week06;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;

/** Kafka → Flink → ClickHouse end to end, with the sink of 6.1 and the table of 6.2. */
@Exercise("6.2")
class IdempotentWritesTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private static final int EVENTS = 4_000;
    private static final int RESENT = 250;

    private static List<ShopEvent> events;
    private static String topic;

    private final ClickHouseWriter writer = Exercises.pick(streamworkbook.week06.exercises.JdbcClickHouseWriter::new,
            streamworkbook.week06.solutions.JdbcClickHouseWriter::new);
    private final IdempotentEvents table = Exercises.pick(streamworkbook.week06.exercises.ReplacingEvents::new,
            streamworkbook.week06.solutions.ReplacingEvents::new);

    /** 4,000 events, and 250 of them sent a second time — as a producer retry after a lost ack would. */
    @BeforeAll
    static void produce() throws Exception {
        events = Fixtures.traffic(62, EVENTS, 20);
        topic = Fixtures.newTopic("w6-events", 2);
        List<ShopEvent> withDuplicates = new ArrayList<>(events);
        withDuplicates.addAll(events.subList(1_000, 1_000 + RESENT));
        Fixtures.produce(topic, withDuplicates);
    }

    private void runPipelineOnce(ClickHouseEndpoint ch) throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment(2);
        // a new group each run, from the earliest offset to the end: the same Kafka range again
        ShopPipeline.build(env, ShopPipeline.source(Fixtures.bootstrap(), UniqueNames.next("w6"), true, topic),
                ch, writer, null, new SinkSettings(1_000, java.time.Duration.ofMillis(200), 1));
        TestFlink.run(env, "6.2 Kafka to ClickHouse");
    }

    @Test
    void eventsProducedToKafkaEqualDistinctRowsInClickHouse() throws Exception {
        ClickHouseEndpoint ch = Fixtures.freshDatabase();
        Fixtures.execute(ch, table.createEventsTable());
        runPipelineOnce(ch);

        // Kafka holds 4,250 records; ClickHouse, read with FINAL, 4,000 events
        assertEquals(EVENTS, Fixtures.count(ch, "SELECT count() FROM events FINAL"));
        assertEquals(EVENTS, Fixtures.count(ch, table.distinctEvents()));
        assertEquals(Fixtures.expectedCounts(events), Fixtures.typeCounts(ch, table.countsByType()));
    }

    @Test
    void replayingTheSameKafkaRangeChangesNoResult() throws Exception {
        ClickHouseEndpoint ch = Fixtures.freshDatabase();
        Fixtures.execute(ch, table.createEventsTable());
        runPipelineOnce(ch);
        List<Fixtures.TypeCount> first = Fixtures.typeCounts(ch, table.countsByType());

        runPipelineOnce(ch); // the replay: every event written again
        assertEquals(first, Fixtures.typeCounts(ch, table.countsByType()));
        assertEquals(Fixtures.expectedCounts(events), first);
        assertEquals(EVENTS, Fixtures.count(ch, table.distinctEvents()));

        // a merge of everything keeps one row per key: the duplicates are physically gone
        Fixtures.execute(ch, "OPTIMIZE TABLE events FINAL");
        assertEquals(EVENTS, Fixtures.count(ch, "SELECT count() FROM events"));
    }
}
