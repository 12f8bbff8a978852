package streamworkbook.week11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 11.2, find the bottleneck. First on metrics written down here (each case one planted problem, as in
 * Ververica's troubleshooting training), then on a real job with a slow operator, read from Flink's REST API.
 *
 * <p>Rejects:
 * <ul>
 *   <li>the first backpressured vertex (the source): backpressure marks the victims, not the culprit;</li>
 *   <li>the busiest vertex, backpressured or not: a task that is busy 600 ms and blocked 350 ms a second waits on
 *       something slower downstream;</li>
 *   <li>a vertex's average over its subtasks: one hot subtask of four (a skewed key) averages out to "not busy";</li>
 *   <li>the busiest culprit instead of the most upstream one: downstream of a bottleneck, what is busy is busy with
 *       less;</li>
 *   <li>always naming something: an idle job has no bottleneck.</li>
 * </ul>
 */
@Exercise("11.2")
class DiagnosisTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = Servers.flinkWithFreshMetrics();

    private final BottleneckFinder finder = Exercises.pick(streamworkbook.week11.exercises.MetricsDiagnosis::new,
            streamworkbook.week11.solutions.MetricsDiagnosis::new);

    /** A vertex whose subtasks have these (busy, backpressured) ms per second; idle is the rest of the second. */
    private static VertexMetrics vertex(String name, String input, double... busyAndBackpressured) {
        List<SubtaskMetrics> subtasks = new ArrayList<>();
        for (int i = 0; i < busyAndBackpressured.length; i += 2) {
            double busy = busyAndBackpressured[i];
            double bp = busyAndBackpressured[i + 1];
            subtasks.add(new SubtaskMetrics(i / 2, busy, bp, 1000 - busy - bp, 1_000, 1_000));
        }
        return new VertexMetrics(name, name, input == null ? List.of() : List.of(input), subtasks);
    }

    private Optional<Bottleneck> find(VertexMetrics... vertices) {
        return finder.find(new JobMetrics("job", List.of(vertices)));
    }

    @Test
    void aSlowSinkBackpressuresEverythingBeforeIt() {
        assertEquals(Optional.of(new Bottleneck("sink", 1)), find(
                        vertex("source", null, 120, 850, 110, 860),
                        vertex("parse", "source", 150, 800, 140, 820),
                        vertex("sink", "parse", 960, 0, 985, 0)),
                "source and parse wait for room in their output buffers: they are the victims; the sink is busy and waits on "
                        + "nobody (its busiest subtask is 1)");
    }

    @Test
    void oneHotSubtaskIsASkewedKey() {
        assertEquals(Optional.of(new Bottleneck("window", 2)), find(
                        vertex("source", null, 100, 700, 100, 650),
                        vertex("window", "source", 100, 0, 90, 0, 990, 0, 110, 0),
                        vertex("sink", "window", 20, 0, 25, 0)),
                "subtask 2 of the window is busy 990 ms/s while its siblings idle: averaged, the vertex looks fine (322 ms/s)");
    }

    @Test
    void busyButBackpressuredIsAVictimAndTheMostUpstreamCulpritWins() {
        assertEquals(Optional.of(new Bottleneck("lookup", 0)), find(
                        vertex("source", null, 200, 750),
                        vertex("enrich", "source", 600, 350),
                        vertex("lookup", "enrich", 550, 0),
                        vertex("sink", "lookup", 900, 0)),
                "enrich is busy 600 ms/s but blocked 350 ms/s: it waits on lookup, the first task that is busy and not "
                        + "backpressured (sink is busier, but downstream of it)");
        assertEquals(Optional.of(new Bottleneck("lookup", 0)), find(
                        vertex("source", null, 200, 750),
                        vertex("enrich", "source", 600, 350),
                        vertex("lookup", "enrich", 550, 0),
                        vertex("sink", "lookup", 100, 0)),
                "enrich is the busiest task, but blocked 350 ms/s: a victim of lookup");
    }

    @Test
    void anIdleOrBalancedJobHasNoBottleneck() {
        assertEquals(Optional.empty(), find(
                        vertex("source", null, 50, 0, 40, 0),
                        vertex("sink", "source", 300, 0, 310, 0)),
                "nothing busy: nothing limits the job");
        assertEquals(Optional.empty(), find(
                        vertex("source", null, 480, 120),
                        vertex("sink", "source", 499, 101)),
                "below the busy threshold, or backpressured: no culprit");
        assertEquals(Optional.of(new Bottleneck("source", 0)), find(
                        vertex("source", null, 500, 100, 500, 100),
                        vertex("sink", "source", 200, 0)),
                "exactly at the thresholds counts (busy ≥ 500, backpressured ≤ 100); on a tie, the lowest subtask");
    }

    /** A real job: a source, a rebalance, a map that sleeps a millisecond per record. Its metrics, live, name the map. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void findsTheSlowOperatorOfARunningJob() throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment(2);
        env.fromSequence(0, 100_000_000L).name("numbers").setParallelism(1)
                .rebalance()
                .map(new SlowMap()).name("slow map")
                .sinkTo(new DiscardingSink<>()).name("discard");
        JobClient job = env.executeAsync("week 11 slow map");
        FlinkRest rest = FlinkRest.of(FLINK.getClientConfiguration());
        try {
            AtomicReference<JobMetrics> snapshot = new AtomicReference<>();
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                JobMetrics m = rest.metrics(job.getJobID().toHexString());
                snapshot.set(m);
                VertexMetrics source = m.vertex("numbers").orElseThrow();
                VertexMetrics slow = m.vertex("slow map").orElseThrow();
                return source.subtasks().get(0).backPressuredMsPerSecond() > 500
                        && slow.subtasks().stream().allMatch(s -> s.busyMsPerSecond() >= 700);
            });
            JobMetrics metrics = snapshot.get();
            Optional<Bottleneck> found = finder.find(metrics);
            assertTrue(found.isPresent() && found.get().vertexName().contains("slow map"),
                    "the source is backpressured, the slow map busy: expected the slow map, got " + found + " from " + metrics);
            SubtaskMetrics named = metrics.vertex("slow map").orElseThrow().subtasks().get(found.get().subtask());
            assertTrue(named.busyMsPerSecond() >= BottleneckFinder.BUSY, "the subtask named is busy: " + named);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** A millisecond per record: about 1,000 records a second per subtask, far less than the source can send. */
    static final class SlowMap implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws InterruptedException {
            Thread.sleep(1);
            return value;
        }
    }
}
