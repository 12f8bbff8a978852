package streamworkbook.week01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Exercise 1.4: a reader that takes exactly {@code maxRecords} records, commits exactly those, and lets the next
 * reader of the group carry on at the first record it did not take.
 *
 * <p>Rejects:
 * <ul>
 *   <li>{@code commitSync()} without arguments: it commits the consumer's position, past all 100 polled records,
 *       although only 30 were taken; the next reader skips 70 (committed 100, expected 30);</li>
 *   <li>committing the offset of the last record taken instead of that offset + 1: the next reader gets that
 *       record again (committed 29, expected 30);</li>
 *   <li>returning every polled record instead of stopping at {@code maxRecords};</li>
 *   <li>auto-commit left on: closing the consumer commits its position, overwriting the exact commit;</li>
 *   <li>one offset remembered for the whole topic (the last record's) instead of one per partition: the other
 *       partitions are not committed and are read again;</li>
 *   <li>a single poll: the first poll of a new member often returns nothing while the group assigns partitions;</li>
 *   <li>ignoring the timeout: with fewer records than {@code maxRecords} in the topic, {@code read} never returns.</li>
 * </ul>
 */
@Exercise("1.4")
@OnTimeout("does read() stop when its timeout has passed, even with fewer records than maxRecords?")
class BatchReaderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BatchReader reader = Exercises.pick(
            streamworkbook.week01.exercises.CommittingBatchReader::new,
            streamworkbook.week01.solutions.CommittingBatchReader::new);

    @Test
    void theNextReaderOfTheGroupResumesAtTheCommittedOffset() throws Exception {
        String topic = UniqueNames.next("w1-resume");
        KafkaFixtures.createTopics(List.of(topic), 1);
        List<ShopEvent> events = TestEvents.generate(6, 10, 105);
        KafkaFixtures.produceTo(topic, events.subList(0, 100));
        String group = UniqueNames.next("w1-group");
        TopicPartition p0 = new TopicPartition(topic, 0);

        // all 100 records fit in one poll, but only 30 are processed: only 30 may be committed
        List<ConsumedEvent> first = reader.read(config(), group, topic, 30, TIMEOUT);
        assertEquals(range(0, 30), offsets(first));
        assertEquals(events.subList(0, 30), events(first));
        assertEquals(Map.of(p0, 30L), KafkaFixtures.committed(group));

        // a new consumer in the same group starts exactly there
        List<ConsumedEvent> second = reader.read(config(), group, topic, 30, TIMEOUT);
        assertEquals(range(30, 60), offsets(second));
        assertEquals(events.subList(30, 60), events(second));
        assertEquals(Map.of(p0, 60L), KafkaFixtures.committed(group));

        // records written meanwhile come after the rest
        KafkaFixtures.produceTo(topic, events.subList(100, 105));
        List<ConsumedEvent> third = reader.read(config(), group, topic, 45, TIMEOUT);
        assertEquals(range(60, 105), offsets(third));
        assertEquals(events.subList(60, 105), events(third));
        assertEquals(Map.of(p0, 105L), KafkaFixtures.committed(group));
    }

    @Test
    void eachPartitionResumesWhereItsCommitPoints() throws Exception {
        ShopTopics topics = KafkaFixtures.uniqueTopics();
        String topic = topics.all().get(0);
        KafkaFixtures.createTopics(List.of(topic), 3);
        List<ShopEvent> pageViews = TestEvents.generate(7, 9, 400).stream()
                .filter(e -> topics.name(e.type()).equals(topic)).limit(90).toList();
        assertEquals(90, pageViews.size());
        KafkaFixtures.produce(topics, pageViews);
        String group = UniqueNames.next("w1-group");

        List<ConsumedEvent> first = reader.read(config(), group, topic, 25, TIMEOUT);
        assertEquals(25, first.size(), "records in the first read");
        Map<TopicPartition, Long> committed = KafkaFixtures.committed(group);
        assertEquals(25L, committed.values().stream().mapToLong(Long::longValue).sum(), "sum of committed offsets");
        // per partition, what was returned is exactly [0, committed): nothing skipped, nothing extra
        Map<TopicPartition, List<Long>> firstOffsets = offsetsPerPartition(first);
        assertEquals(committed.keySet(), firstOffsets.keySet(), "partitions read and committed");
        committed.forEach((tp, next) -> assertEquals(range(0, next), firstOffsets.get(tp), tp.toString()));

        List<ConsumedEvent> second = reader.read(config(), group, topic, 65, TIMEOUT);
        assertEquals(65, second.size(), "records in the second read");
        Map<TopicPartition, Long> end = KafkaFixtures.endOffsets(List.of(topic));
        assertEquals(end, KafkaFixtures.committed(group), "committed offsets after the second read");
        Map<TopicPartition, List<Long>> secondOffsets = offsetsPerPartition(second);
        end.forEach((tp, last) -> assertEquals(range(committed.getOrDefault(tp, 0L), last),
                secondOffsets.getOrDefault(tp, List.of()), tp.toString()));

        List<ConsumedEvent> both = new ArrayList<>(first);
        both.addAll(second);
        assertEquals(TestEvents.ids(pageViews), TestEvents.ids(events(both)));
    }

    // the read below must be over about 2 s after it started; 20 s is ample, and a reader that ignores its
    // timeout fails here with the advice above instead of after the build-wide 60 s
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aReadStopsAtItsTimeoutWithWhatThereIs() throws Exception {
        List<ShopEvent> events = TestEvents.generate(10, 5, 10);
        String topic = KafkaFixtures.topicWith("w1-short", events);
        String group = UniqueNames.next("w1-group");

        List<ConsumedEvent> read = reader.read(config(), group, topic, 50, Duration.ofSeconds(2));

        assertEquals(range(0, 10), offsets(read), "only 10 records exist: all of them, then the timeout ends the read");
        assertEquals(events, events(read));
        assertEquals(Map.of(new TopicPartition(topic, 0), 10L), KafkaFixtures.committed(group));
    }

    private static Map<String, Object> config() {
        return KafkaFixtures.kafka().clientConfig();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    private static List<Long> offsets(List<ConsumedEvent> read) {
        return read.stream().map(ConsumedEvent::offset).toList();
    }

    private static List<ShopEvent> events(List<ConsumedEvent> read) {
        return read.stream().map(ConsumedEvent::event).toList();
    }

    private static Map<TopicPartition, List<Long>> offsetsPerPartition(List<ConsumedEvent> read) {
        Map<TopicPartition, List<Long>> offsets = new HashMap<>();
        read.forEach(e -> offsets.computeIfAbsent(new TopicPartition(e.topic(), e.partition()), tp -> new ArrayList<>()).add(e.offset()));
        return offsets;
    }
}
