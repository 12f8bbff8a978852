package streamworkbook.week11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.week06.ShopPipeline;
import streamworkbook.week06.SinkSettings;
import streamworkbook.week06.solutions.JdbcClickHouseWriter;
import streamworkbook.week07.Pacing;
import streamworkbook.week11.bench.LoadGenerator;

/**
 * Backpressure, end to end (not an exercise: what 11.2's learner reads off a live job). The generator sends 3,000
 * events a second; a deliberately slow sink (a millisecond per row before the JDBC sink) takes at most about 1,000.
 * Flink's metrics show it — the sink busy, the source backpressured — the source slows, the Kafka lag grows; once the
 * sink is fast again every event arrives in ClickHouse, exactly once.
 */
class BackpressureTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = Servers.flinkWithFreshMetrics();

    /** Nanoseconds the slow sink spends per row; the test sets it to 0 to let the job catch up. */
    static volatile long sinkNanosPerRow = 1_000_000;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aSlowSinkBackpressuresTheSourceAndLosesNothing() throws Exception {
        sinkNanosPerRow = 1_000_000;
        List<String> topics = Servers.shopTopics("w11-backpressure", 1);
        ClickHouseEndpoint ch = Servers.clickhouseWithTable("w11_bp", "events");

        StreamExecutionEnvironment env = TestFlink.environment(1);
        JdbcClickHouseWriter writer = new JdbcClickHouseWriter();
        env.fromSource(ShopPipeline.source(Servers.kafka().bootstrapServers(), topics.get(0) + "-bp", false,
                        topics.toArray(String[]::new)), ShopPipeline.watermarks(), "shop events")
                .map(new SlowRow()).name("slow sink").startNewChain() // its own task: the source's output buffers fill
                .sinkTo(writer.sink(ch, Pipeline.insert("events"), writer.eventRow(), new SinkSettings(500, Duration.ofMillis(200), 3)))
                .name("ClickHouse");
        JobClient job = env.executeAsync("week 11 backpressure");
        FlinkRest rest = FlinkRest.of(FLINK.getClientConfiguration());
        String jobId = job.getJobID().toHexString();

        AtomicReference<LoadGenerator.Sent> sent = new AtomicReference<>();
        AtomicReference<Exception> producerFailure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                sent.set(new LoadGenerator(Servers.kafka(), Servers.prefixOf(topics), LoadGenerator.defaultProducerSettings(), 116)
                        .send(Pacing.rate(3_000), 90_000, Duration.ofSeconds(30), null, null, null, n -> { }));
            } catch (Exception e) {
                producerFailure.set(e);
            }
        }, "load");
        producer.start();
        try {
            AtomicReference<JobMetrics> seen = new AtomicReference<>();
            Awaitility.await("the sink busy and the source backpressured").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        JobMetrics m = rest.metrics(jobId);
                        seen.set(m);
                        return m.vertex("shop events").orElseThrow().subtasks().get(0).backPressuredMsPerSecond() > 500
                                && m.vertex("slow sink").orElseThrow().subtasks().get(0).busyMsPerSecond() > 500;
                    });
            assertEquals(java.util.Optional.of(new Bottleneck(seen.get().vertex("slow sink").orElseThrow().name(), 0)),
                    new streamworkbook.week11.solutions.MetricsDiagnosis().find(seen.get()), "the reference diagnosis: " + seen.get());

            long lag1 = lag(rest, jobId, topics);
            Thread.sleep(3_000);
            long lag2 = lag(rest, jobId, topics);
            assertTrue(lag2 > lag1, "the Kafka lag grows while the sink is slow: " + lag1 + " then " + lag2);
        } finally {
            producer.join();
            sinkNanosPerRow = 0;
        }
        if (producerFailure.get() != null) {
            throw producerFailure.get();
        }
        long total = sent.get().records();
        try {
            Awaitility.await("every event in ClickHouse").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Servers.count(ch, "SELECT count() FROM events") >= total);
            assertEquals(total, Servers.count(ch, "SELECT count() FROM events"), "rows: every event sent, once");
            assertEquals(total, Servers.count(ch, "SELECT uniqExact(event_id) FROM events"), "distinct events");
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** Records in Kafka (end offsets) minus records the source has emitted. */
    private static long lag(FlinkRest rest, String jobId, List<String> topics) throws Exception {
        long end;
        try (Admin admin = Servers.kafka().admin()) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            Servers.partitionsOf(topics).forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            end = admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
        long read = rest.metrics(jobId).vertex("shop events").orElseThrow().subtasks().stream().mapToLong(SubtaskMetrics::recordsOut).sum();
        return end - read;
    }

    static final class SlowRow implements MapFunction<ShopEvent, ShopEvent> {
        @Override
        public ShopEvent map(ShopEvent event) {
            long nanos = sinkNanosPerRow;
            if (nanos > 0) {
                LockSupport.parkNanos(nanos);
            }
            return event;
        }
    }
}
