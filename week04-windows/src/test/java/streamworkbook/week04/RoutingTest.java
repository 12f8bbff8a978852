package streamworkbook.week04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.kit.shop.ShopTraffic;
import streamworkbook.kit.flink.ShopEventDeserializer;

/**
 * Exercise 4.6, on the real broker: 300 mixed events of every type go through the learner's sink into six fresh
 * topics (a unique prefix per run), which the test then reads back to their ends.
 *
 * <p>Rejects:
 * <ul>
 *   <li>one topic for everything, the prefix left out, or a topic name made from the enum name — a topic holds
 *       other types' events, or the expected topics stay empty;</li>
 *   <li>a type left out of the routing — its topic stays empty;</li>
 *   <li>no key, or another key than the user id — consumers would lose each user's order;</li>
 *   <li>another value format than {@code ShopJson} (e.g. {@code toString()}) — the values do not parse as the
 *       events.</li>
 * </ul>
 * (At-least-once shows only when a job fails after writing; this test's job does not fail, so it cannot tell
 * the delivery guarantees apart.)
 */
@Exercise("4.6")
class RoutingTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private final Routing routing = Exercises.pick(streamworkbook.week04.exercises.TopicRouter::new,
            streamworkbook.week04.solutions.TopicRouter::new);

    @Test
    void eachEventTypeEndsInItsOwnTopicKeyedByUser() throws Exception {
        String prefix = UniqueNames.next("w4") + "-";
        KafkaSink<ShopEvent> sink = routing.routeByType(TestKafka.bootstrap(), prefix);
        String input = TestKafka.newTopic("w4-mixed", 1);
        List<String> routed = Arrays.stream(EventType.values()).map(type -> prefix + type.topic()).toList();
        Infra.kafka().createTopicsIfMissing(routed, 1);
        List<ShopEvent> events = ShopTraffic.seed(42).startingAt(Instant.parse("2026-11-24T10:00:00Z"))
                .gap(Duration.ofMillis(100)).take(300);
        TestKafka.produceEvents(input, events);

        StreamExecutionEnvironment env = TestFlink.environment();
        KafkaSource<ShopEvent> source = KafkaSource.<ShopEvent>builder()
                .setBootstrapServers(TestKafka.bootstrap())
                .setTopics(input)
                .setGroupId(UniqueNames.next("w4-route"))
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(new ShopEventDeserializer())
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "mixed events")
                .sinkTo(sink).name("route by type");
        TestFlink.run(env, "route by type");

        // one input partition → one source instance → one sink instance: each topic keeps input order
        Map<EventType, List<ShopEvent>> expected = events.stream().collect(
                Collectors.groupingBy(ShopEvent::type, TreeMap::new, Collectors.toList()));
        assertEquals(Arrays.asList(EventType.values()), List.copyOf(expected.keySet()), "the input has every type");
        Map<String, List<ConsumerRecord<String, byte[]>>> topics = TestKafka.readAll(routed);
        for (EventType type : EventType.values()) {
            List<ConsumerRecord<String, byte[]>> records = topics.get(prefix + type.topic());
            assertEquals(expected.get(type), records.stream().map(r -> ShopJson.fromBytes(r.value())).toList(),
                    "topic " + prefix + type.topic() + ": exactly the " + type + " events, in input order");
            assertEquals(expected.get(type).stream().map(ShopEvent::userId).toList(),
                    records.stream().map(ConsumerRecord::key).toList(), "keys of " + type + ": the user ids");
        }
    }
}
