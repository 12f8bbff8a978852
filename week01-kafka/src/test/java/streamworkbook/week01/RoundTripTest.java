package streamworkbook.week01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;

/**
 * The week's checkpoint: your producer (1.2) and your consumer (1.3) together, 10,000 events. It credits 1.3
 * and needs 1.2: while your 1.2 is pending or failing, this test reports "exercise 1.3 needs 1.2 first".
 *
 * <p>Rejects (on top of {@link EventPublisherTest} and {@link GroupConsumerTest}):
 * <ul>
 *   <li>a producer and a consumer that disagree on the format (e.g. a producer writing {@code toString()} or a
 *       consumer expecting something other than {@code ShopJson}): the events that come out differ;</li>
 *   <li>records sent without the user as key: one user's events are spread over partitions and arrive out of
 *       order.</li>
 * </ul>
 */
@Exercise(value = "1.3", needs = "1.2")
class RoundTripTest {

    private final EventPublisher publisher = Exercises.pick(
            streamworkbook.week01.exercises.JsonEventPublisher::new,
            streamworkbook.week01.solutions.JsonEventPublisher::new);
    private final GroupConsumer consumer = Exercises.pick(
            streamworkbook.week01.exercises.ShopEventConsumer::new,
            streamworkbook.week01.solutions.ShopEventConsumer::new);

    @Test
    void tenThousandEventsArriveOnceEachInPerUserOrder() throws Exception {
        ShopTopics topics = KafkaFixtures.uniqueTopics();
        KafkaFixtures.createTopics(topics.all(), 4);
        List<ShopEvent> events = TestEvents.generate(5, 80, 10_000);

        PublishResult published = publisher.publish(KafkaFixtures.kafka().clientConfig(), topics, events);
        assertEquals(0, published.failed().size(), () -> TestEvents.failures(published));
        assertEquals(10_000, published.acked(), "acknowledged sends");

        List<ConsumedEvent> received;
        try (ConsumerRun run = new ConsumerRun(consumer, UniqueNames.next("w1-group"), topics.all())) {
            ConsumeSummary summary = run.awaitReceived(10_000).stop();
            assertEquals(new ConsumeSummary(10_000, List.of()), summary);
            received = run.received();
        }

        // no loss, no duplicates
        assertEquals(10_000, received.size(), "events received");
        assertEquals(TestEvents.ids(events), received.stream().map(e -> e.event().eventId()).collect(Collectors.toSet()));
        // what came out is what went in, field by field
        assertEquals(events.stream().collect(Collectors.toMap(ShopEvent::eventId, e -> e)),
                received.stream().collect(Collectors.toMap(e -> e.event().eventId(), ConsumedEvent::event)));
        // per-key order: on each topic, each user's events arrive in the order they were sent.
        // (Across topics, or across users, there is no order to keep: different partitions.)
        List<ShopEvent> arrivalOrder = received.stream().map(ConsumedEvent::event).toList();
        assertEquals(TestEvents.sequencesPerTopicAndUser(topics, events),
                TestEvents.sequencesPerTopicAndUser(topics, arrivalOrder));
    }
}
