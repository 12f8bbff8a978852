package streamworkbook.week06;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.kit.shop.ShopTraffic;

/**
 * Not a test: the throughput of week 6's pipeline (reference solutions of 6.1 and 6.2), Kafka to
 * queryable in ClickHouse, on the local broker and the local ClickHouse. Produces N events (default
 * 1,000,000) as JSON to a 2-partition topic, then runs Kafka source → JSON → JDBC sink (batches of
 * 50,000) into the ReplacingMergeTree {@code events} table at parallelism 2, until the bounded job has
 * flushed its last batch, and checks that ClickHouse holds N distinct events. See the README for the command.
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        KafkaEndpoint kafka = Infra.kafka();
        String topic = UniqueNames.next("bench-w6");
        kafka.createTopicsIfMissing(List.of(topic), 2);
        ClickHouseEndpoint ch = Infra.clickhouse().withFreshDatabase("bench_w6");
        IdempotentEvents table = new streamworkbook.week06.solutions.ReplacingEvents();
        try (var c = ch.connect(); var s = c.createStatement()) {
            s.execute(table.createEventsTable());
        }

        long produceStart = System.nanoTime();
        produce(kafka, topic, count);
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        System.out.printf("produced %,d events in %.1f s (%,.0f events/s)%n", count, produceSeconds, count / produceSeconds);

        long start = System.nanoTime(); // the shared MiniCluster starts inside execute(): counted here
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(FlinkJobs.configuration(2));
        ShopPipeline.build(env, ShopPipeline.source(kafka.bootstrapServers(), UniqueNames.next("bench-w6"), true, topic),
                ch, new streamworkbook.week06.solutions.JdbcClickHouseWriter(), null,
                new SinkSettings(50_000, Duration.ofSeconds(1), 3));
        JobExecutionResult result = env.execute("week 6 benchmark");
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        double jobSeconds = result.getNetRuntime() / 1e3;

        long distinct;
        try (var c = ch.connect(); var s = c.createStatement(); var rs = s.executeQuery(table.distinctEvents())) {
            rs.next();
            distinct = rs.getLong(1);
        }
        if (distinct != count) {
            throw new IllegalStateException("ClickHouse holds " + distinct + " distinct events, expected " + count);
        }
        System.out.printf("Kafka → Flink → ClickHouse: %,d events queryable; job %.1f s = %,.0f events/s; "
                + "with start-up %.1f s = %,.0f events/s%n", distinct, jobSeconds, count / jobSeconds,
                totalSeconds, count / totalSeconds);
        System.exit(0);
    }

    private static void produce(KafkaEndpoint kafka, String topic, int count) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
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
