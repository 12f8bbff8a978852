package streamworkbook.week09;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.flink.ShopEventDeserializer;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;

/**
 * Exercise 9.2 on a Flink job: the Kafka source commits its offsets to the group when a checkpoint completes, so the
 * lag the sampler reports is the job's. Stopped, the job falls behind by exactly what is written meanwhile, and the
 * lag in seconds grows with the clock; restarted from its committed offsets, it catches up to 0.
 *
 * <p>Rejects what {@link ConsumerLagTest} rejects, on a real job: in particular a lag in seconds that does not grow
 * while nothing is read (measured from the newest record, or not from {@code now}), and a lag that includes what the
 * group already committed.
 */
@Exercise("9.2")
@OnTimeout("is your sampler waiting for a record that does not exist? A caught-up partition has no next record yet: its lag is 0 s")
class LagAcrossRestartTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private final ConsumerLag lag = Exercises.pick(streamworkbook.week09.exercises.CommittedOffsetLag::new,
            streamworkbook.week09.solutions.CommittedOffsetLag::new);

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // two runs of a job, each until its checkpoints commit everything
    void lagRisesWhileTheJobIsStoppedAndFallsAfterItResumes() throws Exception {
        KafkaEndpoint kafka = Infra.kafka();
        String topic = UniqueNames.next("w9-restart");
        String group = UniqueNames.next("w9-restart-job");
        kafka.createTopicsIfMissing(List.of(topic), 2);
        TestEvents.send(kafka, topic, 1_000, Duration.ZERO, Duration.ZERO);

        try (Admin admin = kafka.admin();
             KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(LagExporter.readerConfig(kafka),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            JobClient first = start(kafka, topic, group);
            awaitTotalLag(admin, reader, group, 0, "while the job runs and checkpoints");
            first.cancel().get(30, TimeUnit.SECONDS);
            awaitEnd(first);

            TestEvents.send(kafka, topic, 700, Duration.ZERO, Duration.ZERO);
            Instant at = Instant.now();
            List<ConsumerLag.PartitionLag> stopped = lag.sample(admin, reader, List.of(group), at);
            assertEquals(700, stopped.stream().mapToLong(ConsumerLag.PartitionLag::lag).sum(),
                    "records behind after 700 were written while the job was stopped: " + stopped);
            Instant later = at.plusSeconds(90);
            List<ConsumerLag.PartitionLag> stillStopped = lag.sample(admin, reader, List.of(group), later);
            for (ConsumerLag.PartitionLag p : stillStopped) {
                double before = stopped.stream().filter(s -> s.partition().equals(p.partition())).findFirst().orElseThrow().lagSeconds();
                if (p.lag() > 0) {
                    assertEquals(before + 90, p.lagSeconds(), 0.001,
                            "seconds behind of " + p.partition() + ", sampled again 90 s later with nothing read: the "
                                    + "next record to read is the same one, 90 s older");
                }
            }

            JobClient second = start(kafka, topic, group);
            awaitTotalLag(admin, reader, group, 0, "after the job resumed from its committed offsets");
            second.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** A job that reads from the group's committed offsets (the earliest, the first time) and commits at checkpoints. */
    private static JobClient start(KafkaEndpoint kafka, String topic, String group) throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment(2);
        env.enableCheckpointing(300); // offsets are committed to Kafka when a checkpoint completes
        KafkaSource<ShopEvent> source = KafkaSource.<ShopEvent>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(topic)
                .setGroupId(group)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new ShopEventDeserializer())
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "shop events").sinkTo(new DiscardingSink<>());
        return env.executeAsync(UniqueNames.next("w9-restart"));
    }

    private void awaitTotalLag(Admin admin, KafkaConsumer<byte[], byte[]> reader, String group, long expected, String when)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        List<ConsumerLag.PartitionLag> last = List.of();
        while (System.nanoTime() < deadline) {
            last = lag.sample(admin, reader, List.of(group), Instant.now());
            if (last.size() == 2 && last.stream().mapToLong(ConsumerLag.PartitionLag::lag).sum() == expected) {
                assertTrue(last.stream().allMatch(p -> p.lagSeconds() == 0), "a partition with no lag is 0 s behind: " + last);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("lag of group " + group + " " + when + ": expected " + expected + " records over both "
                + "partitions, the sampler still says " + last);
    }

    private static void awaitEnd(JobClient job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!job.getJobStatus().get().isGloballyTerminalState() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(JobStatus.CANCELED, job.getJobStatus().get(), "the first job's status after cancel");
    }
}
