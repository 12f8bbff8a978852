package streamworkbook.kit.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import streamworkbook.kit.flink.FlinkJobs;

/**
 * Flink in tests, the way Flink's own documentation tests jobs: a {@link MiniClusterExtension} per test
 * class, and environments whose jobs run on it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MiniClusterExtension FLINK = TestFlink.cluster();
 *
 * List<String> out = TestFlink.collect(TestFlink.environment().fromData("a", "b").map(String::toUpperCase));
 * }</pre>
 *
 * Every environment is {@link FlinkJobs#configuration}: no Kryo fallback, no restarts.
 */
public final class TestFlink {

    /** Slots of the test cluster: enough for a job of parallelism 4, or two jobs of 2 at once. */
    public static final int SLOTS = 4;

    /** The parallelism of {@link #environment()}: small, but more than one, so keyBy really shuffles. */
    public static final int DEFAULT_PARALLELISM = 2;

    /** How long {@link #run} waits for a bounded job; the test's own timeout is the real bound. */
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

    private TestFlink() {
    }

    /** A one-TaskManager cluster of {@value #SLOTS} slots with little memory, for one test class. */
    public static MiniClusterExtension cluster() {
        Configuration config = new Configuration();
        // random REST port: tests of several modules may run at once on one machine
        config.set(RestOptions.BIND_PORT, "0");
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(64));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(64));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(64));
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(config)
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(SLOTS)
                .build());
    }

    /** A streaming environment of parallelism {@value #DEFAULT_PARALLELISM} on the test class's cluster. */
    public static StreamExecutionEnvironment environment() {
        return environment(DEFAULT_PARALLELISM);
    }

    /** A streaming environment of the given parallelism (at most {@value #SLOTS}) on the test class's cluster. */
    public static StreamExecutionEnvironment environment(int parallelism) {
        if (parallelism < 1 || parallelism > SLOTS) {
            throw new IllegalArgumentException("parallelism must be 1.." + SLOTS + ", got " + parallelism);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(FlinkJobs.configuration(parallelism));
        if (!(env instanceof TestStreamEnvironment)) {
            throw new IllegalStateException("no test cluster: register one in the test class with "
                    + "@RegisterExtension static final MiniClusterExtension FLINK = TestFlink.cluster();");
        }
        // the extension makes the cluster's slot count the default; this job asks for its own
        env.setParallelism(parallelism);
        return env;
    }

    /**
     * Runs the stream's job to its end and returns everything the stream emitted, in the order it arrived.
     * The job must be bounded ({@code fromData}, or a Kafka source with {@code setBounded}). See
     * {@link CollectedStream} to collect several streams of one job.
     */
    public static <T> List<T> collect(DataStream<T> stream) throws Exception {
        CollectedStream<T> collected = CollectedStream.of(stream);
        run(stream.getExecutionEnvironment(), "collect");
        return collected.values();
    }

    /** Runs the environment's job to its end (it must be bounded), reading every {@link CollectedStream} of it meanwhile. */
    public static JobExecutionResult run(StreamExecutionEnvironment env, String jobName) throws Exception {
        JobClient job = env.executeAsync(jobName);
        try (CollectedStream.Draining draining = CollectedStream.drainAll(env)) {
            JobExecutionResult result = job.getJobExecutionResult().get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            draining.awaitEnd();
            return result;
        }
    }
}
