package streamworkbook.week03;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;

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

    private DataStream<ShopEvent> fixed(StreamExecutionEnvironment env) {
        return env.fromData(ShopEvent.class, Events.mixed().toArray(new ShopEvent[0]));
    }

    @Test
    void theSourceReadsEveryTopicFromTheStartAndTheBoundedJobFinishes() throws Exception {
        String views = TestKafka.newTopic("w3-views", 2);
        String searches = TestKafka.newTopic("w3-searches", 1);
        List<ShopEvent> events = Events.mixed();
        TestKafka.produceEvents(views, events.subList(0, 6));
        TestKafka.produceEvents(searches, events.subList(6, 10));

        KafkaSource<ShopEvent> source = job.source(TestKafka.bootstrap(), List.of(views, searches),
                UniqueNames.next("w3-first"), KafkaRecordDeserializationSchema.valueOnly(StrictDecoder.class), true);
        List<ShopEvent> out = new ArrayList<>(TestFlink.collect(
                TestFlink.environment().fromSource(source, WatermarkStrategy.noWatermarks(), "shop events")));

        out.sort(Comparator.comparing(ShopEvent::eventId));
        assertEquals(events, out);
    }

    @Test
    void purchasesBecomeTypedLinesWithTheirTotal() throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment();
        List<PurchaseLine> out = new ArrayList<>(TestFlink.collect(job.purchases(fixed(env))));

        out.sort(Comparator.comparing(PurchaseLine::orderId));
        assertEquals(List.of(
                new PurchaseLine("o-1", "u-1", "p-001", 2, new BigDecimal("19.90"), new BigDecimal("39.80"), Events.at(3)),
                new PurchaseLine("o-2", "u-2", "p-045", 1, new BigDecimal("249.00"), new BigDecimal("249.00"), Events.at(5)),
                new PurchaseLine("o-3", "u-3", "p-002", 3, new BigDecimal("5.00"), new BigDecimal("15.00"), Events.at(8))),
                out);
    }

    @Test
    void searchQueriesAreSplitIntoLowerCaseTerms() throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment();
        List<SearchTerm> out = new ArrayList<>(TestFlink.collect(job.searchTerms(fixed(env))));

        // each query's terms arrive in order; the order between users is up to the parallel instances
        out.sort(Comparator.comparing(SearchTerm::userId));
        assertEquals(List.of(
                new SearchTerm("u-1", "kafka"), new SearchTerm("u-1", "book"),
                new SearchTerm("u-2", "usb"), new SearchTerm("u-2", "c"),
                new SearchTerm("u-2", "cable"), new SearchTerm("u-2", "2m")),
                out);
    }
}
