package streamworkbook.week03;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.kit.shop.ShopTraffic;

/**
 * Week 3's job, running locally with the Flink web UI: shop events from Kafka → purchases → running
 * revenue per category, and search terms, printed as they change.
 *
 * <pre>
 * ./workbook up
 * ./workbook run week03 FirstJobApp                 # your code (exercises 3.1–3.3)
 * ./workbook run week03 FirstJobApp --solutions     # the reference solutions
 * </pre>
 * Then open http://localhost:8081. Stop with Ctrl+C.
 */
@Command(name = "FirstJobApp", mixinStandardHelpOptions = true,
        description = "Runs week 3's Flink job on the shop topics, with the Flink UI on http://localhost:8081.")
public class FirstJobApp implements Callable<Integer> {

    @Option(names = "--generate", defaultValue = "1000",
            description = "publish this many sample events (and two malformed records) first; 0 for none (default: ${DEFAULT-VALUE})")
    int generate;

    @Option(names = "--bootstrap-servers",
            description = "Kafka to read (default: KAFKA_BOOTSTRAP_SERVERS, or localhost:9092 as `./workbook up` and compose provide)")
    String bootstrapServers;

    @Option(names = "--parallelism", defaultValue = "2", description = "parallelism of the job (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Option(names = "--ui-port", defaultValue = "8081", description = "port of the Flink web UI (default: ${DEFAULT-VALUE})")
    int uiPort;

    public static void main(String[] args) {
        Programs.main(new FirstJobApp(), "week03-flink", args);
    }

    @Override
    public Integer call() throws Exception {
        KafkaEndpoint kafka = bootstrapServers != null ? new KafkaEndpoint(bootstrapServers) : Infra.forPrograms().kafka();
        List<String> topics = FirstJob.shopTopics();
        kafka.createTopicsIfMissing(topics, 3);
        if (generate > 0) {
            publishSamples(kafka, generate);
        }

        EventDecoder decoder = Exercises.pick(streamworkbook.week03.exercises.JsonEventDecoder::new,
                streamworkbook.week03.solutions.JsonEventDecoder::new);
        FirstJob first = Exercises.pick(streamworkbook.week03.exercises.FirstShopJob::new,
                streamworkbook.week03.solutions.FirstShopJob::new);
        RunningRevenue revenue = Exercises.pick(streamworkbook.week03.exercises.CategoryRevenueJob::new,
                streamworkbook.week03.solutions.CategoryRevenueJob::new);

        StreamExecutionEnvironment env = FlinkJobs.programEnvironment(parallelism, uiPort);
        // a completed checkpoint commits the source's offsets for its group: a new run resumes there (3.2)
        env.enableCheckpointing(Duration.ofSeconds(10).toMillis());

        DataStream<ShopEvent> events = env.fromSource(
                first.source(kafka.bootstrapServers(), topics, "week03-first-job", decoder, false),
                WatermarkStrategy.noWatermarks(), "shop events");
        revenue.revenuePerCategory(first.purchases(events)).print("revenue");
        first.searchTerms(events).print("search");

        System.out.printf("Flink UI on http://localhost:%d — reading %s from %s; Ctrl+C to stop%n",
                uiPort, topics, kafka.bootstrapServers());
        env.execute("week 3 — first job");
        return 0;
    }

    private static void publishSamples(KafkaEndpoint kafka, int count) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            // one to two seconds apart, the last one now: a program must not read events from the future
            for (ShopEvent e : ShopTraffic.seed(System.nanoTime()).users(50)
                    .gap(Duration.ofSeconds(1), Duration.ofSeconds(2)).endingAt(Instant.now(), count)) {
                producer.send(new ProducerRecord<>(e.type().topic(), e.userId(), ShopJson.toBytes(e)));
            }
            // two records that are not shop events: the decoder of exercise 3.1 counts and skips them
            producer.send(new ProducerRecord<>("shop-search", "u-000", "{oops".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>("shop-purchase", "u-000", null));
        }
        System.out.printf("published %d sample events and 2 malformed records%n", count);
    }
}
