package streamworkbook.week01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;

/**
 * Exercise 1.2: every event is published once, as JSON, to its type's topic, keyed by user; the result counts
 * exactly what the broker acknowledged and lists exactly what failed.
 *
 * <p>Rejects:
 * <ul>
 *   <li>counts read before the sends completed (no {@code flush()} before reading them): {@code send()} only
 *       queues, so most of the 10,000 acknowledgements have not arrived yet;</li>
 *   <li>records without a key, or keyed by something else than the user (the event id): the key is checked, and
 *       one user's events would be spread over partitions, out of order;</li>
 *   <li>a value that is not {@code ShopJson}'s JSON of the event ({@code toString()}, another mapper);</li>
 *   <li>one topic for everything, or a topic not derived from {@code topics.name(type)};</li>
 *   <li>a failed send counted as acknowledged, reported twice, or reported with the wrong event;</li>
 *   <li>a send failure that escapes as an exception instead of being reported in the result;</li>
 *   <li>counters kept in fields of the publisher: a second {@code publish()} reports the first one's records too;</li>
 *   <li>one record at a time ({@code send(record).get()} in the loop): each send waits at least {@code linger.ms}
 *       (5 ms by default) for a batch that never fills, so 10,000 records take over 50 s and the test times out.</li>
 * </ul>
 */
@Exercise("1.2")
@OnTimeout("does publish() wait for each record's acknowledgement before sending the next (send(record).get() in the loop)?"
        + " Each send then waits linger.ms (5 ms) alone: send them all with a callback, and wait once, at the end")
class EventPublisherTest {

    private final EventPublisher publisher = Exercises.pick(
            streamworkbook.week01.exercises.JsonEventPublisher::new,
            streamworkbook.week01.solutions.JsonEventPublisher::new);

    // 10,000 events take 1–3 s; sending them one at a time takes over 50 s, and should fail with the advice above
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void publishesEveryEventOnceToItsTopicKeyedByUser() throws Exception {
        ShopTopics topics = KafkaFixtures.uniqueTopics();
        KafkaFixtures.createTopics(topics.all(), 3);
        List<ShopEvent> events = TestEvents.generate(1, 50, 10_000);

        PublishResult result = publisher.publish(KafkaFixtures.kafka().clientConfig(), topics, events);

        assertEquals(0, result.failed().size(), () -> TestEvents.failures(result));
        assertEquals(10_000, result.acked(), "acknowledged sends");

        List<ConsumerRecord<String, byte[]>> records = KafkaFixtures.readAll(topics.all());
        assertEquals(10_000, records.size(), "records in the topics");
        Map<String, ShopEvent> sent = events.stream().collect(Collectors.toMap(ShopEvent::eventId, e -> e));
        Set<String> seen = new HashSet<>();
        Map<String, Set<Integer>> partitionsPerTopicAndUser = new HashMap<>();
        List<ShopEvent> inTopicOrder = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            ShopEvent event = ShopJson.fromBytes(r.value());
            assertEquals(sent.get(event.eventId()), event, "the value is the event as JSON");
            assertEquals(topics.name(event.type()), r.topic(), "topic of " + event.eventId());
            assertEquals(event.userId(), r.key(), "key of " + event.eventId());
            assertTrue(seen.add(event.eventId()), "duplicate " + event.eventId());
            partitionsPerTopicAndUser.computeIfAbsent(r.topic() + "|" + r.key(), k -> new HashSet<>()).add(r.partition());
            inTopicOrder.add(event);
        }
        assertEquals(TestEvents.ids(events), seen, "every event id, once");

        // one key, one partition, and in it the user's events in the order they were sent
        partitionsPerTopicAndUser.forEach((key, partitions) -> assertEquals(1, partitions.size(), key + " partitions"));
        assertEquals(TestEvents.sequencesPerTopicAndUser(topics, events),
                TestEvents.sequencesPerTopicAndUser(topics, inTopicOrder));
        // the JSON is ShopJson's snake_case form
        assertTrue(new String(records.get(0).value(), StandardCharsets.UTF_8).startsWith("{\"event_id\":"));
    }

    @Test
    void callbackCountsAcknowledgementsAndCollectsFailures() throws Exception {
        ShopTopics topics = KafkaFixtures.uniqueTopics();
        KafkaFixtures.createTopics(topics.all(), 1);
        List<ShopEvent> events = new ArrayList<>(TestEvents.generate(2, 5, 20));
        // three searches far larger than this producer may send (max.request.size below)
        List<ShopEvent> tooLarge = new ArrayList<>();
        for (int at : new int[] {3, 11, 19}) {
            ShopEvent big = ShopEvent.search("too-large-" + at, TestEvents.START, "u-0001", "u-0001-s0", "x".repeat(20_000));
            tooLarge.add(big);
            events.add(at, big);
        }
        Map<String, Object> config = KafkaFixtures.kafka().clientConfig();
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 10_000);

        PublishResult result = publisher.publish(config, topics, events);

        assertEquals(20, result.acked(), "acknowledged sends");
        assertEquals(TestEvents.ids(tooLarge),
                result.failed().stream().map(f -> f.event().eventId()).collect(Collectors.toSet()), "failed events");
        assertEquals(3, result.failed().size(), "failures, each reported once");
        result.failed().forEach(f -> assertInstanceOf(RecordTooLargeException.class, f.error(), f.event().eventId()));

        List<ShopEvent> written = KafkaFixtures.readAll(topics.all()).stream().map(r -> ShopJson.fromBytes(r.value())).toList();
        Set<String> expected = new HashSet<>(TestEvents.ids(events));
        expected.removeAll(TestEvents.ids(tooLarge));
        assertEquals(20, written.size(), "records in the topics");
        assertEquals(expected, TestEvents.ids(written));

        // each call reports its own sends: the same publisher, used again, counts only the new ones
        PublishResult again = publisher.publish(config, topics, TestEvents.generate(12, 5, 7));
        assertEquals(new PublishResult(7, List.of()), again, "a second publish() with the same publisher");
    }
}
