package streamworkbook.week04;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import streamworkbook.kit.testing.CollectedStream;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.flink.ShopEventDeserializer;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.kit.shop.ShopTraffic;

/**
 * Not a test: a benchmark of week 4's windowed job (reference solution of 4.1) on the local broker.
 * Produces N events (default 1,000,000) as JSON to a 2-partition topic, then runs
 * Kafka source → JSON decoding → bounded-out-of-orderness watermarks → keyBy type → 1 s tumbling
 * event-time windows → count, at parallelism 2, and checks that the window counts add up to N.
 *
 * <pre>
 * mvn -B -q -pl week04-windows test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.mainClass=streamworkbook.week04.WindowedJobBenchmark -Dexec.classpathScope=test [-Dexec.args=1000000]
 * </pre>
 */
public final class WindowedJobBenchmark {

    private WindowedJobBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        KafkaEndpoint kafka = Infra.kafka();
        String topic = UniqueNames.next("bench-w4");
        kafka.createTopicsIfMissing(List.of(topic), 2);

        long produceStart = System.nanoTime();
        produce(kafka, topic, count);
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        System.out.printf("produced %,d events in %.1f s (%,.0f events/s)%n", count, produceSeconds, count / produceSeconds);

        EventTimeWindows windows = new streamworkbook.week04.solutions.TumblingCounts();
        long jobStart = System.nanoTime(); // the shared MiniCluster starts inside execute(): counted here
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(FlinkJobs.configuration(2));
        KafkaSource<ShopEvent> source = KafkaSource.<ShopEvent>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(topic)
                .setGroupId(UniqueNames.next("bench-w4"))
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(new ShopEventDeserializer())
                .build();
        DataStream<ShopEvent> events = env.fromSource(source,
                windows.watermarks(Duration.ofSeconds(1), Duration.ofSeconds(5)), "shop events");
        CollectedStream<WindowCount> counts = CollectedStream.of(windows.countsPerType(events, Duration.ofSeconds(1)));
        JobExecutionResult result = TestFlink.run(env, "week 4 benchmark");
        double totalSeconds = (System.nanoTime() - jobStart) / 1e9;
        double jobSeconds = result.getNetRuntime() / 1e3;

        long counted = counts.values().stream().mapToLong(WindowCount::count).sum();
        if (counted != count) {
            throw new IllegalStateException("the windows counted " + counted + " events, expected " + count);
        }
        System.out.printf("windowed job: %,d events in %,d windows; job %.1f s = %,.0f events/s; "
                        + "with start-up %.1f s = %,.0f events/s%n",
                counted, counts.values().size(), jobSeconds, count / jobSeconds, totalSeconds, count / totalSeconds);
        System.exit(0);
    }

    private static void produce(KafkaEndpoint kafka, String topic, int count) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // 1 ms of event time per event, one in twenty up to 0.5 s early: within the 1 s bound, none late
        ShopTraffic traffic = ShopTraffic.seed(7).startingAt(Instant.parse("2026-11-24T10:00:00Z"))
                .gap(Duration.ofMillis(1)).disorder(Duration.ofMillis(500)).build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                ShopEvent e = traffic.next();
                producer.send(new ProducerRecord<>(topic, e.userId(), ShopJson.toBytes(e)));
            }
        }
    }
}
