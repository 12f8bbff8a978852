package streamworkbook.week01;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;

@Exercise("1.3")
class GroupConsumerTest {

    private final GroupConsumer consumer = Exercises.pick(
            streamworkbook.week01.exercises.ShopEventConsumer::new,
            streamworkbook.week01.solutions.ShopEventConsumer::new);

    @Test
    void consumesEveryEventOnceCommitsAndLeavesTheGroup() throws Exception {
        ShopTopics topics = KafkaFixtures.uniqueTopics();
        KafkaFixtures.createTopics(topics.all(), 3);
        List<ShopEvent> events = TestEvents.generate(3, 50, 10_000);
        KafkaFixtures.produce(topics, events);
        String group = UniqueNames.next("w1-group");

        ConsumeSummary summary;
        List<ConsumedEvent> received;
        try (ConsumerRun run = new ConsumerRun(consumer, group, topics.all())) {
            summary = run.awaitReceived(10_000).stop();
            received = run.received();
        }

        assertEquals(new ConsumeSummary(10_000, List.of()), summary);
        assertEquals(10_000, received.size(), "events handled");
        assertEquals(TestEvents.ids(events), received.stream().map(e -> e.event().eventId()).collect(Collectors.toSet()));
        // the commits cover exactly what was read: a restart would neither re-read nor skip anything
        assertEquals(KafkaFixtures.endOffsets(topics.all()), KafkaFixtures.committed(group), "committed offsets");
        // the consumer was closed: it left the group instead of waiting to be timed out
        try (Admin admin = KafkaFixtures.kafka().admin()) {
            await().atMost(KafkaFixtures.TIMEOUT).untilAsserted(() -> {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                assertEquals(List.of(), List.copyOf(d.members()), "members of " + group);
                assertEquals(GroupState.EMPTY, d.groupState(), "state of " + group);
            });
        }
    }

    @Test
    void skipsAndReportsMalformedRecordsWithTheirOffsets() throws Exception {
        String topic = UniqueNames.next("w1-malformed");
        KafkaFixtures.createTopics(List.of(topic), 1);
        List<ShopEvent> valid = TestEvents.generate(4, 3, 9);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        valid.subList(0, 5).forEach(e -> records.add(record(topic, e)));                        // offsets 0-4
        records.add(new ProducerRecord<>(topic, "u-0001", bytes("this is not json")));           // 5
        valid.subList(5, 8).forEach(e -> records.add(record(topic, e)));                        // 6-8
        records.add(new ProducerRecord<>(topic, "u-0001", null));                               // 9
        records.add(new ProducerRecord<>(topic, "u-0001", bytes("{\"event_id\":\"no-type\"}")));  // 10
        records.add(record(topic, valid.get(8)));                                               // 11
        KafkaFixtures.produceRecords(records);
        String group = UniqueNames.next("w1-group");

        ConsumeSummary summary;
        List<ConsumedEvent> received;
        try (ConsumerRun run = new ConsumerRun(consumer, group, List.of(topic))) {
            summary = run.awaitReceived(9).stop();
            received = run.received();
        }

        assertEquals(9, summary.handled(), "events handled");
        assertEquals(List.of(5L, 9L, 10L), summary.skipped().stream().map(ConsumeSummary.SkippedRecord::offset).toList(), "skipped offsets");
        summary.skipped().forEach(s -> {
            assertEquals(topic, s.topic());
            assertEquals(0, s.partition());
        });
        assertTrue(summary.skipped().get(0).reason().contains("this is not json"), summary.skipped().get(0).reason());
        assertTrue(summary.skipped().get(1).reason().contains("null"), summary.skipped().get(1).reason());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 6L, 7L, 8L, 11L), received.stream().map(ConsumedEvent::offset).toList());
        assertEquals(valid, received.stream().map(ConsumedEvent::event).toList());
        // skipped records are committed too: the group does not trip over them again
        assertEquals(Map.of(new TopicPartition(topic, 0), 12L), KafkaFixtures.committed(group));
    }

    private static ProducerRecord<String, byte[]> record(String topic, ShopEvent e) {
        return new ProducerRecord<>(topic, e.userId(), ShopJson.toBytes(e));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
