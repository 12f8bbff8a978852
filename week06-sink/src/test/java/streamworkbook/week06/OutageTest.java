package streamworkbook.week06;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.infra.local.FreePorts;
import streamworkbook.kit.infra.local.LocalClickHouse;
import streamworkbook.kit.shop.ShopEvent;

/**
 * A ClickHouse server of its own, killed ({@code kill -9}) while the pipeline writes and restarted
 * on the same data a few seconds later: the pipeline is delayed, nothing is lost, nothing counted twice.
 */
@Exercise("6.4")
class OutageTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private static final int EVENTS = 12_000;

    private final Resilience resilience = Exercises.pick(streamworkbook.week06.exercises.CheckpointedRetries::new,
            streamworkbook.week06.solutions.CheckpointedRetries::new);
    private final ClickHouseWriter writer = new streamworkbook.week06.solutions.JdbcClickHouseWriter();
    private final IdempotentEvents table = new streamworkbook.week06.solutions.ReplacingEvents();

    /** Slows the stream to about 1,000 events a second per subtask, so the outage falls in the middle of it. */
    static final class Throttle implements MapFunction<ShopEvent, ShopEvent> {
        @Override
        public ShopEvent map(ShopEvent event) throws Exception {
            Thread.sleep(1);
            return event;
        }
    }

    @Test
    void aKilledAndRestartedClickHouseDelaysThePipelineButLosesNothing(@TempDir Path dir) throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment(2);
        resilience.configure(env, Duration.ofMillis(500));
        SinkSettings settings = resilience.sinkSettings();

        List<ShopEvent> events = Fixtures.traffic(64, EVENTS, 20);
        String topic = Fixtures.newTopic("w6-outage", 2);
        Fixtures.produce(topic, events);

        try (LocalClickHouse server = LocalClickHouse.persistent(FreePorts.pick(), Files.createDirectories(dir.resolve("ch")))) {
            ClickHouseEndpoint ch = server.endpoint().withDatabase("shop");
            Fixtures.execute(server.endpoint(), "CREATE DATABASE shop");
            Fixtures.execute(ch, table.createEventsTable());

            DataStream<ShopEvent> stream = env.fromSource(
                            ShopPipeline.source(Fixtures.bootstrap(), UniqueNames.next("w6-outage"), true, topic),
                            ShopPipeline.watermarks(), "shop events")
                    .map(new Throttle()).name("throttle");
            ShopPipeline.writeTo(stream, ch, writer, null, settings);
            JobClient job = env.executeAsync("6.4 outage");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> rowsOrZero(ch) >= 2_000);
            long beforeOutage = rowsOrZero(ch);
            server.kill();
            Thread.sleep(3_000); // the sink's batches fail; it retries after 0 s, 1 s, 2 s… and backpressure holds the source
            server.restart();

            job.getJobExecutionResult().get(120, TimeUnit.SECONDS);

            assertEquals(EVENTS, Fixtures.count(ch, table.distinctEvents()), "every event is there");
            assertEquals(EVENTS, Fixtures.count(ch, "SELECT count() FROM events FINAL"), "each once");
            assertEquals(Fixtures.expectedCounts(events), Fixtures.typeCounts(ch, table.countsByType()));
            assertTrue(beforeOutage < EVENTS, "the server was killed mid-stream, after " + beforeOutage + " rows");
        }
    }

    private static long rowsOrZero(ClickHouseEndpoint ch) {
        try {
            return Fixtures.count(ch, "SELECT count() FROM events");
        } catch (SQLException e) {
            return 0;
        }
    }
}
