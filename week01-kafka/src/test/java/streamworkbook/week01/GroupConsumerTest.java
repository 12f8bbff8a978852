package streamworkbook.week01;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import streamworkbook.kit.verify.OnTimeout;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;

/**
 * Exercise 1.3: a poll loop that handles every event once, commits what it handled, skips poison records and
 * leaves the group cleanly.
 *
 * <p>Rejects:
 * <ul>
 *   <li>a group that starts at the end ({@code auto.offset.reset} left at {@code latest}): the events written
 *       before it joined never arrive;</li>
 *   <li>a JSON deserializer in the consumer's settings: the first poison record makes {@code poll()} throw, so the
 *       loop ends (or stays stuck) at offset 5 instead of skipping and reporting it;</li>
 *   <li>{@code shutdown()} that closes the consumer itself instead of waking it up: from another thread the client
 *       refuses ({@code ConcurrentModificationException}); from the handler, the loop then polls a closed consumer;</li>
 *   <li>a consumer that is never closed: it stays a member of the group until its session times out;</li>
 *   <li>auto-commit, committing before the batch is handled, or committing in a {@code finally}: when the handler
 *       throws, the offsets past the failed record are committed anyway (auto-commit commits on close), so those
 *       records are lost;</li>
 *   <li>a handler failure caught and ignored in the loop: {@code run()} must end with it;</li>
 *   <li>catching the {@code WakeupException} inside the loop and polling on: {@code run()} never returns.</li>
 * </ul>
 */
@Exercise("1.3")
@OnTimeout("does run() return soon after shutdown()? wakeup() makes the blocked poll() throw a WakeupException: end the loop there")
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
        assertLeftTheGroup(group);
    }

    @Test
    void shutdownFromTheHandlerStillCommitsTheLastBatch() throws Exception {
        List<ShopEvent> events = TestEvents.generate(8, 10, 200);
        String topic = KafkaFixtures.topicWith("w1-stop", events);
        String group = UniqueNames.next("w1-group");

        // the handler itself asks to stop at the last event, as a program that stops after N events does: the
        // wakeup is then pending while the loop commits that batch
        ConsumeSummary summary;
        try (ConsumerRun run = new ConsumerRun(consumer, group, List.of(topic), e -> {
            if (e.offset() == events.size() - 1) {
                consumer.shutdown();
            }
        })) {
            summary = run.awaitReceived(200).finished();
        }

        assertEquals(new ConsumeSummary(200, List.of()), summary);
        assertEquals(Map.of(new TopicPartition(topic, 0), 200L), KafkaFixtures.committed(group),
                "committed offsets after a shutdown() that woke up the last commit");
        assertLeftTheGroup(group);
    }

    @Test
    void aFailingHandlerEndsRunAndCommitsNothingItDidNotHandle() throws Exception {
        String topic = KafkaFixtures.topicWith("w1-fail", TestEvents.generate(9, 10, 100));
        String group = UniqueNames.next("w1-group");
        IllegalStateException broken = new IllegalStateException("the handler failed at offset 39");

        Throwable failure;
        try (ConsumerRun run = new ConsumerRun(consumer, group, List.of(topic), e -> {
            if (e.offset() == 39) {
                throw broken;
            }
        })) {
            failure = run.awaitReceived(40).failure();
        }

        assertTrue(causes(failure).contains(broken), "run() must end with the handler's exception, not " + failure);
        // at-least-once: the failed record and everything after it must be read again by the group
        long committed = KafkaFixtures.committed(group).getOrDefault(new TopicPartition(topic, 0), 0L);
        assertTrue(committed <= 39, "the group committed offset " + committed + " although the handler failed at 39:"
                + " records 39 to " + (committed - 1) + " would never be handled");
        assertLeftTheGroup(group);
    }

    /** The consumer was closed: it left the group at once instead of waiting to be timed out (45 s). */
    private static void assertLeftTheGroup(String group) {
        try (Admin admin = KafkaFixtures.kafka().admin()) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                assertEquals(List.of(), List.copyOf(d.members()), "members of " + group + " after run() returned");
                assertEquals(GroupState.EMPTY, d.groupState(), "state of " + group);
            });
        }
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
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
