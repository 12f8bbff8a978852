package streamworkbook.kit.flink;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * Flink for tests: one local {@link MiniCluster} per JVM, started on first use and closed at JVM exit,
 * and environments whose jobs run on it. Starting a MiniCluster costs a second or two; sharing one
 * makes a test class of ten small jobs cost one start instead of ten.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = LocalFlink.environment();
 * List<String> out = LocalFlink.collect(env.fromData("a", "b").map(String::toUpperCase));
 * }</pre>
 *
 * Every environment has {@code pipeline.generic-types: false}: a type Flink cannot serialize with
 * its own serializers (a POJO, a record, a basic type, a tuple) fails the job at once instead of
 * falling back to Kryo silently. No restarts either: a failing job fails the test with its cause.
 */
public final class LocalFlink {

    /** Slots of the shared cluster: enough for a job of parallelism 4, or two jobs of 2 at once. */
    public static final int SLOTS = 4;

    /** The parallelism of {@link #environment()}: small, but more than one, so keyBy really shuffles. */
    public static final int DEFAULT_PARALLELISM = 2;

    private static final String EXECUTOR_NAME = "workbook-shared-minicluster";

    private static volatile MiniCluster cluster;

    private LocalFlink() {
    }

    /**
     * The settings of workbook jobs run locally (tests and the weeks' programs): the given parallelism,
     * no Kryo fallback, and no restarts, so a failure shows at once with its cause.
     */
    public static Configuration configuration(int parallelism) {
        Configuration config = new Configuration();
        config.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return config;
    }

    /**
     * The environment of a week's program: started with {@code java} ({@code ./workbook run}), a local
     * cluster in this JVM with the Flink web UI on {@code uiPort} (flink-runtime-web is on the
     * classpath); submitted with {@code flink run}, the cluster's own environment.
     */
    public static StreamExecutionEnvironment programEnvironment(int parallelism, int uiPort) {
        Configuration config = configuration(parallelism);
        config.set(RestOptions.PORT, uiPort);
        return StreamExecutionEnvironment.getExecutionEnvironment(config);
    }

    /** A streaming environment of parallelism {@value #DEFAULT_PARALLELISM} on the shared cluster. */
    public static StreamExecutionEnvironment environment() {
        return environment(DEFAULT_PARALLELISM);
    }

    /** A streaming environment of the given parallelism (at most {@value #SLOTS}) on the shared cluster. */
    public static StreamExecutionEnvironment environment(int parallelism) {
        if (parallelism < 1 || parallelism > SLOTS) {
            throw new IllegalArgumentException("parallelism must be 1.." + SLOTS + ", got " + parallelism);
        }
        Configuration config = configuration(parallelism);
        config.set(DeploymentOptions.TARGET, EXECUTOR_NAME);
        config.set(DeploymentOptions.ATTACHED, true); // execute() waits for the job to finish
        return new StreamExecutionEnvironment(new SharedClusterExecutors(), config, LocalFlink.class.getClassLoader());
    }

    /**
     * Runs the stream's job to its end and returns everything the stream emitted, in the order one
     * collecting sink received it. The job must be bounded ({@code fromData}, or a Kafka source with
     * {@code setBounded}). See {@link CollectedStream} to collect several streams of one job.
     */
    public static <T> List<T> collect(DataStream<T> stream) throws Exception {
        CollectedStream<T> collected = CollectedStream.of(stream);
        stream.getExecutionEnvironment().execute("collect");
        return collected.values();
    }

    /** Runs the environment's job to its end (it must be bounded). */
    public static JobExecutionResult run(StreamExecutionEnvironment env, String jobName) throws Exception {
        return env.execute(jobName);
    }

    /** The shared cluster, started on first use. */
    public static MiniCluster cluster() {
        MiniCluster c = cluster;
        if (c == null) {
            synchronized (LocalFlink.class) {
                c = cluster;
                if (c == null) {
                    c = start();
                    cluster = c;
                }
            }
        }
        return c;
    }

    private static MiniCluster start() {
        Configuration config = new Configuration();
        // random REST port: tests of several modules may run at once on one machine
        config.set(RestOptions.BIND_PORT, "0");
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(64));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(64));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(64));
        MiniClusterConfiguration clusterConfig = new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(SLOTS)
                .build();
        MiniCluster started = new MiniCluster(clusterConfig);
        try {
            started.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start a local Flink MiniCluster: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.closeAsync().join(), "flink-minicluster-stop"));
        return started;
    }

    /** Submits every pipeline to the shared cluster instead of starting a cluster per job. */
    private static final class SharedClusterExecutors implements PipelineExecutorServiceLoader {

        @Override
        public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
            return new PipelineExecutorFactory() {
                @Override
                public String getName() {
                    return EXECUTOR_NAME;
                }

                @Override
                public boolean isCompatibleWith(Configuration config) {
                    return true;
                }

                @Override
                public PipelineExecutor getExecutor(Configuration config) {
                    return LocalFlink::submit;
                }
            };
        }

        @Override
        public Stream<String> getExecutorNames() {
            return Stream.of(EXECUTOR_NAME);
        }
    }

    private static CompletableFuture<JobClient> submit(Pipeline pipeline, Configuration config, ClassLoader classLoader)
            throws Exception {
        MiniCluster c = cluster();
        StreamGraph graph = PipelineExecutorUtils.getStreamGraph(pipeline, config);
        graph.serializeUserDefinedInstances();
        return c.submitJob(graph).thenApply(submitted -> new MiniClusterJobClient(
                submitted.getJobID(), c, classLoader, MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
    }
}
