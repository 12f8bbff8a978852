package streamworkbook.week06;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.infra.local.FreePorts;
import streamworkbook.kit.infra.local.LocalClickHouse;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;

/**
 * Exercise 6.4: a ClickHouse server of its own, killed ({@code kill -9}) while the pipeline writes, and kept
 * down until the job has failed and been restarted three times — longer than any sink's retries — then started
 * again on the same data. The job must finish with ClickHouse holding every event exactly once.
 *
 * <p>The sink (6.1) and the table (6.2) are the reference solutions; your {@link Resilience} configures the
 * environment and gives the sink settings. A materialized view counts every row the sink inserts (it fires on each
 * INSERT, before ReplacingMergeTree removes duplicates), which shows how much the restarts wrote again.
 *
 * <p>Rejects:
 * <ul>
 *   <li>an empty {@code configure()}: the workbook's environments start with no restarts, so the job fails at
 *       the sink's first give-up ("the job failed instead of restarting");</li>
 *   <li>checkpointing without a restart strategy: the same;</li>
 *   <li>a restart strategy without checkpointing: the job recovers and the table is even exact (it is
 *       idempotent), but every restart reads Kafka from the beginning: all the rows written before the outage are
 *       inserted again ("restarted from the beginning");</li>
 *   <li>too few restart attempts ({@code fixed-delay} with 1 or 2 attempts): the third failure is final;</li>
 *   <li>{@code EXACTLY_ONCE} checkpoints, or another interval than the one given: checked on the environment;</li>
 *   <li>sink settings with more than 3 retries (an outage then waits on the sink instead of the restart strategy),
 *       or batches larger than 500 rows or slower than 200 ms.</li>
 * </ul>
 */
@Exercise("6.4")
@OnTimeout("does the job keep restarting while ClickHouse is down, and finish once it is back? A restart strategy "
        + "with unlimited attempts and checkpoints (so that a restart resumes, not starts over) is what 6.4 asks for")
class OutageTest {

    /** Spare TaskManagers (see {@link Fixtures#clusterWithSpareTaskManagers}): each give-up of the sink costs one. */
    @RegisterExtension
    static final MiniClusterExtension FLINK = Fixtures.clusterWithSpareTaskManagers(5, 1);

    private static final int EVENTS = 3_000;
    /** Rows in ClickHouse when the server is killed: well into the stream. */
    private static final int KILL_AT = 1_500;
    /** Failures (and restarts) the job must live through while ClickHouse is down. */
    private static final int RESTARTS = 3;
    private static final Duration CHECKPOINTS = Duration.ofMillis(200);

    private static final String COUNT_INSERTS = """
            CREATE TABLE inserted (rows UInt64) ENGINE = SummingMergeTree ORDER BY tuple();
            CREATE MATERIALIZED VIEW inserted_mv TO inserted AS SELECT count() AS rows FROM events
            """;

    private final Resilience resilience = Exercises.pick(streamworkbook.week06.exercises.CheckpointedRetries::new,
            streamworkbook.week06.solutions.CheckpointedRetries::new);
    private final ClickHouseWriter writer = new streamworkbook.week06.solutions.JdbcClickHouseWriter();
    private final IdempotentEvents table = new streamworkbook.week06.solutions.ReplacingEvents();

    /** Slows the stream to about 1,000 events a second, so the outage falls in the middle of it. */
    static final class Throttle implements MapFunction<ShopEvent, ShopEvent> {
        @Override
        public ShopEvent map(ShopEvent event) throws Exception {
            Thread.sleep(1);
            return event;
        }
    }

    @Test
    void checkpointsAndRestartsCarryThePipelineThroughALongOutage(@TempDir Path dir, @InjectMiniCluster MiniCluster cluster)
            throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment(1);
        resilience.configure(env, CHECKPOINTS);
        SinkSettings settings = resilience.sinkSettings();
        assertTrue(settings.maxRetries() >= 1 && settings.maxRetries() <= 3, "retries: at least one for a blip, at most 3"
                + " so that an outage hands over to the restart strategy within seconds; got " + settings.maxRetries());
        assertTrue(settings.batchSize() <= 500 && settings.batchInterval().toMillis() <= 200,
                "small, frequent batches (at most 500 rows, 200 ms): a restart replays little; got " + settings);

        List<ShopEvent> events = Fixtures.traffic(64, EVENTS, 20);
        String topic = Fixtures.newTopic("w6-outage", 2);
        Fixtures.produce(topic, events);

        try (LocalClickHouse server = LocalClickHouse.persistent(FreePorts.pick(), Files.createDirectories(dir.resolve("ch")))) {
            ClickHouseEndpoint ch = server.endpoint().withDatabase("shop");
            Fixtures.execute(server.endpoint(), "CREATE DATABASE shop");
            Fixtures.execute(ch, table.createEventsTable());
            Fixtures.execute(ch, COUNT_INSERTS.split(";"));

            DataStream<ShopEvent> stream = env.fromSource(
                            ShopPipeline.source(Fixtures.bootstrap(), UniqueNames.next("w6-outage"), true, topic),
                            ShopPipeline.watermarks(), "shop events")
                    .map(new Throttle()).name("throttle");
            ShopPipeline.writeTo(stream, ch, writer, null, settings);
            JobClient job = env.executeAsync("6.4 outage");

            await(Duration.ofSeconds(20), "the first " + KILL_AT + " rows", () -> rowsOrZero(ch) >= KILL_AT, job, cluster);
            long atKill = rowsOrZero(ch);
            server.kill();
            // down until the sink has given up and the job has been restarted RESTARTS times
            await(Duration.ofSeconds(25), RESTARTS + " restarts while ClickHouse is down",
                    () -> restarts(cluster, job) >= RESTARTS, job, cluster);
            server.restart();

            job.getJobExecutionResult().get(30, TimeUnit.SECONDS);

            assertEquals(EVENTS, Fixtures.count(ch, table.distinctEvents()), "every event is there");
            assertEquals(EVENTS, Fixtures.count(ch, "SELECT count() FROM events FINAL"), "each once");
            assertEquals(Fixtures.expectedCounts(events), Fixtures.typeCounts(ch, table.countsByType()));
            long again = Fixtures.count(ch, "SELECT sum(rows) FROM inserted") - EVENTS;
            assertTrue(again < atKill, "restarted from the beginning: " + again + " rows were written twice, as many as"
                    + " were written before the outage (" + atKill + "); a restart resumes from the last checkpoint only"
                    + " when there are checkpoints");
            server.kill(); // its data is thrown away: no need to wait for a clean shutdown
        }
        assertEquals(CHECKPOINTS.toMillis(), env.getCheckpointConfig().getCheckpointInterval(), "checkpoint interval");
        assertEquals(CheckpointingMode.AT_LEAST_ONCE, env.getCheckpointConfig().getCheckpointingConsistencyMode(),
                "checkpointing mode: the only effect is an at-least-once sink into an idempotent table");
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Waits for the condition; fails at once, with the reason, if the job ends meanwhile. */
    private static void await(Duration atMost, String what, Check check, JobClient job, MiniCluster cluster) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!check.holds()) {
            JobStatus status = job.getJobStatus().get();
            if (status.isGloballyTerminalState()) {
                String cause = "";
                try {
                    job.getJobExecutionResult().get();
                } catch (Exception e) {
                    cause = ": " + rootCause(e);
                }
                fail("waiting for " + what + ", the job " + status.name().toLowerCase() + " instead of restarting (the"
                        + " workbook's environments start with the restart strategy 'none'; attempts must not run out)" + cause);
            }
            if (System.nanoTime() > deadline) {
                fail("no " + what + " within " + atMost.toSeconds() + " s (restarts so far: " + restarts(cluster, job) + ")");
            }
            Thread.sleep(100);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + " " + t.getMessage();
    }

    /**
     * How often the job was restarted: the attempt number of its task (0 for the first run). The same as the job's
     * {@code numRestarts} metric in the Flink UI, which the REST API reports only every few seconds.
     */
    private static long restarts(MiniCluster cluster, JobClient job) throws Exception {
        long attempts = 0;
        for (AccessExecutionVertex task : cluster.getExecutionGraph(job.getJobID()).get().getAllExecutionVertices()) {
            attempts = Math.max(attempts, task.getCurrentExecutionAttempt().getAttemptNumber());
        }
        return attempts;
    }

    private static long rowsOrZero(ClickHouseEndpoint ch) {
        try {
            return Fixtures.count(ch, "SELECT count() FROM events");
        } catch (SQLException e) {
            return 0;
        }
    }
}
