package streamworkbook.week08;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
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
import streamworkbook.week06.ShopPipeline;
import streamworkbook.week06.SinkSettings;
import streamworkbook.week07.GeneratedRecord;
import streamworkbook.week07.GeneratorSettings;
import streamworkbook.week07.ShopGenerator;
import streamworkbook.week07.TrafficShape;

/**
 * Not a test: the throughput of week 8's analytics job (reference solutions), on the local broker and the local
 * ClickHouse. Week 7's generator writes N records (default 1,000,000; 1,000 events a second on average over a week,
 * so 1,000,000 records are about 45 simulated minutes of a Tuesday morning) to the six shop topics (2 partitions each); then
 * the whole job — minute series, sliding and exponential averages, trends, anomalies, t-digest and exact percentiles,
 * four ClickHouse sinks and the Kafka alerts sink — reads them at parallelism 2 until the bounded source ends and
 * every sink has flushed. See the README for the command.
 */
public final class AnalyticsBenchmark {

    private AnalyticsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        KafkaEndpoint kafka = Infra.kafka();
        String prefix = UniqueNames.next("bench-w8") + "-";
        List<String> topics = ShopGenerator.topics(prefix);
        kafka.createTopicsIfMissing(topics, 2);
        kafka.createTopicsIfMissing(List.of(prefix + "shop-alerts"), 1);
        ClickHouseEndpoint ch = Infra.clickhouse().withFreshDatabase("bench_w8");
        try (var c = ch.connect(); var s = c.createStatement()) {
            for (String ddl : AnalyticsTables.ALL) {
                s.execute(ddl);
            }
        }

        long produceStart = System.nanoTime();
        produce(kafka, prefix, count);
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        System.out.printf("generated and produced %,d records in %.1f s (%,.0f records/s)%n", count, produceSeconds, count / produceSeconds);

        long start = System.nanoTime(); // the MiniCluster starts inside execute(): counted here
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(FlinkJobs.configuration(2));
        AnalyticsJob.build(env, ShopPipeline.source(kafka.bootstrapServers(), prefix + "bench", true, topics.toArray(String[]::new)),
                null, AnalyticsSettings.defaults(), AnalyticsJob.Parts.solutions(), ch,
                new SinkSettings(10_000, Duration.ofSeconds(1), 3), kafka.bootstrapServers(), prefix + "shop-alerts");
        JobExecutionResult result = env.execute("week 8 benchmark");
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        double jobSeconds = result.getNetRuntime() / 1e3;

        long minutes;
        try (var c = ch.connect(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count() FROM metric_points FINAL WHERE kind = 'value' AND series = 'page_views'")) {
            rs.next();
            minutes = rs.getLong(1);
        }
        if (minutes == 0) {
            throw new IllegalStateException("the job wrote no minute series to ClickHouse");
        }
        System.out.printf("Kafka → analytics job → ClickHouse: %,d events (%,d minutes of page views); job %.1f s = %,.0f events/s; "
                + "with start-up %.1f s = %,.0f events/s%n", count, minutes, jobSeconds, count / jobSeconds, totalSeconds, count / totalSeconds);
        System.exit(0);
    }

    private static void produce(KafkaEndpoint kafka, String prefix, int count) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Instant start = Instant.parse("2026-11-24T08:00:00Z");
        Iterator<GeneratedRecord> records = Traffic.generator(GeneratorSettings.builder(8, start).eventsPerSecond(1_000)
                .shape(TrafficShape.typical()).build()).records();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                GeneratedRecord r = records.next();
                producer.send(new ProducerRecord<>(prefix + r.type().topic(), r.key(), r.value()));
            }
        }
    }
}
