package streamworkbook.week01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;

@Exercise("1.4")
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
