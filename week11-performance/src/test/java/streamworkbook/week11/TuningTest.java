package streamworkbook.week11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.week06.SinkSettings;
import streamworkbook.week11.bench.LoadGenerator;

/**
 * Exercise 11.3, tune it stage by stage. Each setting is read back from where it acts — the producer's own metrics,
 * the topics, the running job's configuration and checkpoint settings in Flink's REST API, the source's partition
 * metrics — never from the code.
 *
 * <p>Rejects:
 * <ul>
 *   <li>no compression, or gzip (several times lz4's CPU for the same JSON): the producer's compression rate is 1,
 *       or the codec is not one the contract allows;</li>
 *   <li>Kafka's defaults for batching (16 KiB batches);</li>
 *   <li>one partition per topic: with parallelism 2, a source subtask reads no partition of some topic (it idles
 *       while its sibling does the work);</li>
 *   <li>no object reuse; exactly-once checkpoints, or none; checkpoints set up but the parallelism not;</li>
 *   <li>the sink's small default-ish batches (a few hundred rows: a part per INSERT for ClickHouse to merge).</li>
 * </ul>
 */
@Exercise("11.3")
class TuningTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = Servers.flinkWithFreshMetrics();

    private static final Pattern PARTITION_METRIC = Pattern.compile("KafkaSourceReader\\.topic\\.(.+)\\.partition\\.(\\d+)\\.currentOffset$");

    private final PipelineTuning tuning = Exercises.pick(streamworkbook.week11.exercises.TunedPipeline::new,
            streamworkbook.week11.solutions.TunedPipeline::new);

    @Test
    void producerBatchesAndCompresses() throws Exception {
        Properties props = new Properties();
        props.putAll(tuning.producerSettings());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Servers.kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        ProducerConfig config = new ProducerConfig(props); // the settings as the producer resolves them, defaults included
        assertEquals("-1", config.getString(ProducerConfig.ACKS_CONFIG), "acks=all (week 1's guarantee stays)");
        assertEquals(true, config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), "idempotence");
        assertTrue(Set.of("lz4", "zstd").contains(config.getString(ProducerConfig.COMPRESSION_TYPE_CONFIG)),
                "compression.type lz4 or zstd, not " + config.getString(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        assertTrue(config.getLong(ProducerConfig.LINGER_MS_CONFIG) >= 5, "linger.ms at least 5: " + config.getLong(ProducerConfig.LINGER_MS_CONFIG));
        assertTrue(config.getInt(ProducerConfig.BATCH_SIZE_CONFIG) >= 64 * 1024,
                "batch.size at least 64 KiB: " + config.getInt(ProducerConfig.BATCH_SIZE_CONFIG));

        List<String> topics = Servers.shopTopics("w11-tune-producer", 2);
        LoadGenerator.Sent sent = Servers.produce(topics, 20_000, 117, tuning.producerSettings());
        double compression = sent.producerMetrics().get("compression-rate-avg");
        assertTrue(compression < 0.6, "the producer's compression-rate-avg (compressed / uncompressed bytes) is "
                + compression + ": the batches went out uncompressed");
    }

    @Test
    void sinkBatchesAreLarge() {
        SinkSettings s = tuning.sinkSettings();
        assertTrue(s.batchSize() >= 10_000, "rows per INSERT: " + s.batchSize());
        assertTrue(s.batchInterval().compareTo(Duration.ofSeconds(1)) <= 0 && !s.batchInterval().isZero(),
                "a row waits at most a second: " + s.batchInterval());
        assertEquals(3, s.maxRetries(), "retries");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theJobRunsWithTheTunedConfiguration() throws Exception {
        int parallelism = 2;
        int partitions = tuning.partitions(parallelism);
        assertTrue(partitions >= 1 && partitions <= 4 * parallelism, "partitions for parallelism 2: " + partitions);
        List<String> topics = Servers.shopTopics("w11-tune-job", partitions);
        assertEquals(topics.size() * partitions, Servers.partitionsOf(topics).size(), "partitions, read back from Kafka");
        Servers.produce(topics, 3_000, 118);
        ClickHouseEndpoint ch = Servers.clickhouseWithTable("w11_tune", "events");

        StreamExecutionEnvironment env = TestFlink.environment(4);
        tuning.configure(env, parallelism, Duration.ofSeconds(7));
        Pipeline.build(env, Servers.kafka().bootstrapServers(), topics, topics.get(0) + "-tuned", false, ch, "events", tuning.sinkSettings());
        JobClient job = env.executeAsync("week 11 tuned");
        String jobId = job.getJobID().toHexString();
        FlinkRest rest = FlinkRest.of(FLINK.getClientConfiguration());
        try {
            Awaitility.await("3,000 rows in ClickHouse").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> Servers.count(ch, "SELECT count() FROM events") >= 3_000);

            JsonNode execution = rest.get("/jobs/" + jobId + "/config").path("execution-config");
            assertEquals(parallelism, execution.path("job-parallelism").asInt(), "the job's parallelism: " + execution);
            assertTrue(execution.path("object-reuse-mode").asBoolean(), "object reuse, in the job's configuration: " + execution);
            JsonNode checkpoints = rest.get("/jobs/" + jobId + "/checkpoints/config");
            assertEquals("at_least_once", checkpoints.path("mode").asText(), "checkpointing mode: " + checkpoints);
            assertEquals(7_000, checkpoints.path("interval").asLong(), "checkpoint interval: " + checkpoints);

            VertexMetrics source = rest.metrics(jobId).vertex("shop events").orElseThrow();
            for (int subtask = 0; subtask < source.parallelism(); subtask++) {
                // the REST API lists a subtask's metrics from what it last fetched from the TaskManager (every 10 s by
                // default), so a list read right after the rows arrived can still be empty: read it again for a while
                int index = subtask;
                Awaitility.await("source subtask " + index + "'s partition metrics").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertEquals(new TreeSet<>(topics), topicsRead(rest, jobId, source.id(), index),
                                "the topics that source subtask " + index + " reads a partition of (" + partitions
                                        + " per topic, " + parallelism + " subtasks)"));
            }
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** The topics whose partitions a source subtask reports a current offset for. */
    private static Set<String> topicsRead(FlinkRest rest, String jobId, String vertexId, int subtask) {
        Set<String> topics = new TreeSet<>();
        for (String name : rest.subtaskMetricNames(jobId, vertexId, subtask)) {
            Matcher m = PARTITION_METRIC.matcher(name);
            if (m.find()) {
                topics.add(m.group(1));
            }
        }
        return topics;
    }
}
