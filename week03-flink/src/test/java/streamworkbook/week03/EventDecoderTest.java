package streamworkbook.week03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.apache.flink.util.InstantiationUtil;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;

/**
 * Exercise 3.1: the decoder on its own — records in, events and a counter out, through a metric group that
 * behaves like Flink's — and then in a job reading a topic with bad records between good ones.
 *
 * <p>Rejects:
 * <ul>
 *   <li>letting a bad record's {@code InvalidEventException} escape — the decoding test fails with it, and the job
 *       with it (in production: a poison pill that fails the job again after every restart);</li>
 *   <li>skipping bad records without counting them — the counter reads 0, not 4;</li>
 *   <li>emitting something for a bad record ({@code null}, an empty event) — the events differ from the 4 valid ones;</li>
 *   <li>catching every {@code Exception} — an exception thrown downstream by {@code out.collect} is a bug, not a bad
 *       record: it must come out of {@code deserialize} unchanged and not be counted;</li>
 *   <li>registering the counter for every bad record, or only at the first one — it must exist after {@code open},
 *       once: Flink keeps the first counter of a name and ignores later registrations, so the UI would show 1;</li>
 *   <li>keeping the counter (or the metric group) in a field that is not {@code transient} — the decoder can no
 *       longer be serialized after {@code open}: a {@code Counter} is not serializable;</li>
 *   <li>retrying a bad record until it parses — it never will: the test times out with advice.</li>
 * </ul>
 */
@Exercise("3.1")
@OnTimeout("does deserialize return for every record? A bad record never becomes valid by reading it again: "
        + "count it, skip it and return")
class EventDecoderTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private static final List<byte[]> MALFORMED = List.of(
            "{not json".getBytes(StandardCharsets.UTF_8),
            "{\"event_id\":\"x1\",\"type\":\"teleport\",\"event_time\":\"2026-11-24T10:00:00Z\",\"user_id\":\"u-1\"}"
                    .getBytes(StandardCharsets.UTF_8),
            "{\"event_id\":\"x2\",\"type\":\"search\",\"user_id\":\"u-1\"}".getBytes(StandardCharsets.UTF_8));

    private final RecordingMetrics metrics = new RecordingMetrics();

    private static EventDecoder decoder() {
        return Exercises.pick(streamworkbook.week03.exercises.JsonEventDecoder::new,
                streamworkbook.week03.solutions.JsonEventDecoder::new);
    }

    /** A decoder opened the way a Kafka source opens it, on {@link #metrics}. */
    private EventDecoder opened() throws Exception {
        EventDecoder decoder = decoder();
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
        return decoder;
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>("shop-test", 0, offset, null, value);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // a few records, no job: an endless loop shows sooner
    void validRecordsBecomeEventsAndBadOnesAreCountedAndSkipped() throws Exception {
        EventDecoder decoder = opened();
        assertEquals(1, metrics.registrations(EventDecoder.MALFORMED_RECORDS),
                "open() registers the counter " + EventDecoder.MALFORMED_RECORDS + ", once");
        assertEquals(0L, metrics.count(EventDecoder.MALFORMED_RECORDS), "no bad record yet");

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
        long offset = 0;
        for (byte[] value : values) {
            decoder.deserialize(record(offset++, value), collectInto(out));
        }

        assertEquals(valid, out, "the 4 valid events, in order, and nothing for the 4 bad records");
        assertEquals(4L, metrics.count(EventDecoder.MALFORMED_RECORDS), "bad records counted");
        assertEquals(1, metrics.registrations(EventDecoder.MALFORMED_RECORDS),
                "the counter is registered once, in open(): Flink keeps the first counter of a name and "
                        + "ignores later registrations");
        assertEquals(TypeInformation.of(ShopEvent.class), decoder.getProducedType());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // a few records, no job: an endless loop shows sooner
    void anExceptionFromDownstreamIsABugNotABadRecord() throws Exception {
        EventDecoder decoder = opened();
        IllegalStateException downstream = new IllegalStateException("downstream operator is broken");
        Collector<ShopEvent> broken = new Collector<>() {
            @Override
            public void collect(ShopEvent event) {
                throw downstream;
            }

            @Override
            public void close() {
            }
        };

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> decoder.deserialize(record(0, ShopJson.toBytes(Events.mixed().get(0))), broken),
                "an exception thrown by out.collect must come out of deserialize: only records that are not shop "
                        + "events are skipped — catching every exception hides bugs");
        assertSame(downstream, thrown, "the exception from downstream, unchanged");
        assertEquals(0L, metrics.count(EventDecoder.MALFORMED_RECORDS), "a valid record is not counted as malformed");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // a few records, no job: an endless loop shows sooner
    void theDecoderStaysSerializableAfterOpen() throws Exception {
        EventDecoder decoder = opened();
        decoder.deserialize(record(0, MALFORMED.get(0)), collectInto(new ArrayList<>()));
        try {
            InstantiationUtil.serializeObject(decoder);
        } catch (IOException e) {
            fail("the decoder cannot be serialized after open() (" + e + "): Flink serializes it with the job and "
                    + "opens it on the task manager; what open() creates (a Counter is not serializable) must not "
                    + "be part of its serialized form");
        }
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

    private static Collector<ShopEvent> collectInto(List<ShopEvent> out) {
        return new Collector<>() {
            @Override
            public void collect(ShopEvent event) {
                out.add(event);
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * A metric group that remembers the counters registered on it, and behaves like Flink's on a second
     * registration of a name: the first counter stays, the new one is returned but not registered.
     */
    private static final class RecordingMetrics extends UnregisteredMetricsGroup {
        private final Map<String, Counter> counters = new HashMap<>();
        private final Map<String, Integer> registrations = new HashMap<>();

        @Override
        public Counter counter(String name) {
            return counter(name, new SimpleCounter());
        }

        @Override
        public <C extends Counter> C counter(String name, C counter) {
            registrations.merge(name, 1, Integer::sum);
            counters.putIfAbsent(name, counter);
            return counter;
        }

        /** The registered counter's count; -1 when none was registered under that name. */
        long count(String name) {
            Counter c = counters.get(name);
            return c == null ? -1 : c.getCount();
        }

        int registrations(String name) {
            return registrations.getOrDefault(name, 0);
        }
    }
}
