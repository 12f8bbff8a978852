package streamworkbook.week03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.kit.shop.ShopTraffic;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;

/**
 * Exercise 3.2: the source on a real broker — two topics of 3 and 2 partitions, records in every partition, and
 * a consumer group that has already committed offsets in some partitions (as an earlier run of the job would
 * have) — then purchases and search terms on fixed events.
 *
 * <p>Rejects:
 * <ul>
 *   <li>no starting offsets, or {@code earliest} — the connector's default reads every partition from its start,
 *       including the records the group has already committed: the test names them;</li>
 *   <li>{@code latest} as starting offsets — reads nothing that was already there;</li>
 *   <li>committed offsets without a fallback — the partitions where the group has no offset have nowhere to
 *       start: the job fails; with {@code latest} as fallback, their records are missing;</li>
 *   <li>no group id, or another group (a fixed name, a random one) — there are no committed offsets to resume
 *       from: the source cannot be built, or reads the committed records again;</li>
 *   <li>reading only the first topic, or only partition 0 — records are missing;</li>
 *   <li>an unbounded source when {@code bounded} is true (the test job would never end), or a bounded one when it
 *       is false — the boundedness is checked before the job runs;</li>
 *   <li>a total of unit price instead of unit price × quantity; keeping other event types as purchases;</li>
 *   <li>search terms that are not lower case, split on spaces only, keep empty words, split on {@code \W} or
 *       ASCII classes (breaking {@code crème} and {@code gift_card}), drop repeated words (a set), sort or
 *       otherwise reorder a query's words, or emit the whole query as one term.</li>
 * </ul>
 */
@Exercise("3.2")
class FirstJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private final FirstJob job = Exercises.pick(streamworkbook.week03.exercises.FirstShopJob::new,
            streamworkbook.week03.solutions.FirstShopJob::new);

    /** A plain decoder of our own, so this test does not depend on exercise 3.1. */
    public static final class StrictDecoder implements Deserializer<ShopEvent> {
        @Override
        public ShopEvent deserialize(String topic, byte[] data) {
            return ShopJson.fromBytes(data);
        }
    }

    private static KafkaRecordDeserializationSchema<ShopEvent> strictDecoder() {
        return KafkaRecordDeserializationSchema.valueOnly(StrictDecoder.class);
    }

    private DataStream<ShopEvent> fixed(StreamExecutionEnvironment env, List<ShopEvent> events) {
        return env.fromData(ShopEvent.class, events.toArray(new ShopEvent[0]));
    }

    @Test
    @OnTimeout("is your source bounded? With bounded = true it must stop at the offsets that are the latest when "
            + "the job starts; otherwise the test job never ends")
    void theSourceResumesFromTheGroupsCommittedOffsetsAndReadsTheRestFromTheStart() throws Exception {
        String views = TestKafka.newTopic("w3-views", 3);
        String searches = TestKafka.newTopic("w3-searches", 2);
        List<TopicPartition> partitions = List.of(new TopicPartition(views, 0), new TopicPartition(views, 1),
                new TopicPartition(views, 2), new TopicPartition(searches, 0), new TopicPartition(searches, 1));
        // six records in every partition
        List<ShopEvent> traffic = ShopTraffic.seed(32).users(20).take(6 * partitions.size());
        Map<TopicPartition, List<ShopEvent>> written = new LinkedHashMap<>();
        for (int i = 0; i < partitions.size(); i++) {
            written.put(partitions.get(i), traffic.subList(6 * i, 6 * i + 6));
            TestKafka.produceEvents(partitions.get(i), written.get(partitions.get(i)));
        }
        // an earlier run of the group got this far; in views-1 and searches-0 it never committed anything
        String group = UniqueNames.next("w3-first");
        Map<TopicPartition, Long> committed = Map.of(partitions.get(0), 2L, partitions.get(2), 6L, partitions.get(4), 4L);
        TestKafka.commitOffsets(group, committed);

        KafkaSource<ShopEvent> source = job.source(TestKafka.bootstrap(), List.of(views, searches), group,
                strictDecoder(), true);
        assertEquals(Boundedness.BOUNDED, source.getBoundedness(),
                "source(…, bounded = true) must be bounded: it stops at the offsets that are the latest when the job "
                        + "starts, so that the job finishes");
        List<ShopEvent> out = TestFlink.collect(
                TestFlink.environment().fromSource(source, WatermarkStrategy.noWatermarks(), "shop events"));

        Map<String, String> positionOf = new TreeMap<>(); // event id → "topic-partition@offset"
        Set<String> alreadyCommitted = new TreeSet<>();
        Set<String> expected = new TreeSet<>();
        written.forEach((partition, events) -> {
            long start = committed.getOrDefault(partition, 0L);
            for (int offset = 0; offset < events.size(); offset++) {
                String id = events.get(offset).eventId();
                positionOf.put(id, partition + "@" + offset);
                (offset < start ? alreadyCommitted : expected).add(id);
            }
        });
        Set<String> read = out.stream().map(ShopEvent::eventId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> readAgain = new TreeSet<>(read);
        readAgain.retainAll(alreadyCommitted);
        assertTrue(readAgain.isEmpty(), "read " + readAgain.size() + " records the group had already committed ("
                + readAgain.stream().map(positionOf::get).sorted().toList() + "; the group's offsets are " + committed
                + "): where the group has committed an offset, the source must start there");
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(read);
        assertTrue(missing.isEmpty(), "missed " + missing.size() + " records ("
                + missing.stream().map(positionOf::get).sorted().toList() + "; the group's offsets are " + committed
                + "): every record from the group's offset on — from the earliest offset where it has none — "
                + "must be read, in every partition of every topic");
        assertEquals(expected.size(), out.size(), "each record exactly once");
    }

    @Test
    void anUnboundedSourceKeepsReading() throws Exception {
        KafkaSource<ShopEvent> source = job.source(TestKafka.bootstrap(), List.of("w3-any"), UniqueNames.next("w3-any"),
                strictDecoder(), false);
        assertEquals(Boundedness.CONTINUOUS_UNBOUNDED, source.getBoundedness(),
                "source(…, bounded = false) waits for new records forever");
    }

    @Test
    void purchasesBecomeTypedLinesWithTheirTotal() throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment();
        List<PurchaseLine> out = new ArrayList<>(TestFlink.collect(job.purchases(fixed(env, Events.mixed()))));

        out.sort(Comparator.comparing(PurchaseLine::orderId, Comparator.nullsFirst(Comparator.naturalOrder())));
        assertEquals(List.of(
                new PurchaseLine("o-1", "u-1", "p-001", 2, new BigDecimal("19.90"), new BigDecimal("39.80"), Events.at(3)),
                new PurchaseLine("o-2", "u-2", "p-045", 1, new BigDecimal("249.00"), new BigDecimal("249.00"), Events.at(5)),
                new PurchaseLine("o-3", "u-3", "p-002", 3, new BigDecimal("5.00"), new BigDecimal("15.00"), Events.at(8))),
                out, "one line per purchase, and only purchases");
    }

    @Test
    void searchQueriesAreSplitIntoLowerCaseTermsInTheirOrder() throws Exception {
        List<ShopEvent> events = new ArrayList<>(Events.mixed()); // u-1 "Kafka book", u-2 "USB-C  cable, 2m", u-3 "   "
        events.add(search("u-4", "Lamp lamp LED-lamp"));
        events.add(search("u-5", "Crème brûlée"));
        events.add(search("u-6", "gift_card"));
        events.add(search("u-7", "¡Hola! 2026"));
        events.add(search("u-8", null));
        StreamExecutionEnvironment env = TestFlink.environment();
        List<SearchTerm> out = TestFlink.collect(job.searchTerms(fixed(env, events)));

        // one query per user: a user's terms are that query's, in arrival order; users may interleave
        Map<String, List<String>> termsPerUser = out.stream().collect(Collectors.groupingBy(SearchTerm::userId,
                TreeMap::new, Collectors.mapping(SearchTerm::term, Collectors.toList())));
        assertEquals(new TreeMap<>(Map.of(
                "u-1", List.of("kafka", "book"),
                "u-2", List.of("usb", "c", "cable", "2m"),
                "u-4", List.of("lamp", "lamp", "led", "lamp"),
                "u-5", List.of("crème", "brûlée"),
                "u-6", List.of("gift", "card"),
                "u-7", List.of("hola", "2026"))),
                termsPerUser, "per user (one query each): the query's words, lower case, in order");
    }

    private static ShopEvent search(String user, String query) {
        return ShopEvent.search("q-" + user, Instant.parse("2026-11-24T11:00:00Z"), user, user + "-s", query);
    }
}
