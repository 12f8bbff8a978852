package streamworkbook.week03;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;

@Exercise("3.1")
class EventDecoderTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private static EventDecoder decoder() {
        return Exercises.pick(streamworkbook.week03.exercises.JsonEventDecoder::new,
                streamworkbook.week03.solutions.JsonEventDecoder::new);
    }

    private static final List<byte[]> MALFORMED = List.of(
            "{not json".getBytes(StandardCharsets.UTF_8),
            "{\"event_id\":\"x1\",\"type\":\"teleport\",\"event_time\":\"2026-11-24T10:00:00Z\",\"user_id\":\"u-1\"}"
                    .getBytes(StandardCharsets.UTF_8),
            "{\"event_id\":\"x2\",\"type\":\"search\",\"user_id\":\"u-1\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void validRecordsBecomeEventsAndBadOnesAreCountedAndSkipped() throws Exception {
        EventDecoder decoder = decoder();
        RecordingMetrics metrics = new RecordingMetrics();
        decoder.open(new DeserializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return metrics;
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
            }
        });

        List<ShopEvent> valid = Events.mixed().subList(0, 4);
        List<byte[]> values = new ArrayList<>();
        values.add(ShopJson.toBytes(valid.get(0)));
        values.add(MALFORMED.get(0));
        values.add(ShopJson.toBytes(valid.get(1)));
        values.add(MALFORMED.get(1));
        values.add(null); // a tombstone: no value at all
        values.add(ShopJson.toBytes(valid.get(2)));
        values.add(MALFORMED.get(2));
        values.add(ShopJson.toBytes(valid.get(3)));

        List<ShopEvent> out = new ArrayList<>();
        Collector<ShopEvent> collector = new Collector<>() {
            @Override
            public void collect(ShopEvent record) {
                out.add(record);
            }

            @Override
            public void close() {
            }
        };
        long offset = 0;
        for (byte[] value : values) {
            decoder.deserialize(new ConsumerRecord<>("shop-test", 0, offset++, null, value), collector);
        }

        assertEquals(valid, out);
        assertEquals(4L, metrics.count(EventDecoder.MALFORMED_RECORDS), "malformed records counted");
        assertEquals(TypeInformation.of(ShopEvent.class), decoder.getProducedType());
    }

    @Test
    void aJobReadingBadRecordsKeepsRunningAndEmitsOnlyTheGoodOnes() throws Exception {
        String topic = TestKafka.newTopic("w3-decode", 1);
        List<ShopEvent> valid = Events.mixed();
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            values.add(ShopJson.toBytes(valid.get(i)));
            if (i % 3 == 0) {
                values.add(MALFORMED.get(i % MALFORMED.size()));
            }
        }
        TestKafka.produceRaw(topic, values);

        KafkaSource<ShopEvent> source = KafkaSource.<ShopEvent>builder()
                .setBootstrapServers(TestKafka.bootstrap())
                .setTopics(topic)
                .setGroupId(UniqueNames.next("w3-decode"))
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(decoder())
                .build();
        StreamExecutionEnvironment env = TestFlink.environment(1);
        List<ShopEvent> out = TestFlink.collect(env.fromSource(source, WatermarkStrategy.noWatermarks(), "shop events"));

        assertEquals(valid, out, "every valid event, in topic order, and nothing else");
    }

    /** A metric group that remembers the counters registered on it. */
    private static final class RecordingMetrics extends UnregisteredMetricsGroup {
        private final Map<String, Counter> counters = new HashMap<>();

        @Override
        public Counter counter(String name) {
            return counter(name, new SimpleCounter());
        }

        @Override
        public <C extends Counter> C counter(String name, C counter) {
            counters.put(name, counter);
            return counter;
        }

        long count(String name) {
            Counter c = counters.get(name);
            return c == null ? -1 : c.getCount();
        }
    }
}
