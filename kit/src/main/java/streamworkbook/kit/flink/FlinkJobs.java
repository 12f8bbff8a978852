package streamworkbook.kit.flink;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The settings every workbook job starts from, in tests and in the weeks' programs. */
public final class FlinkJobs {

    private FlinkJobs() {
    }

    /**
     * The given parallelism; {@code pipeline.generic-types: false}, so a type Flink cannot serialize with
     * its own serializers fails the job at once instead of falling back to Kryo silently; and no restarts,
     * so a failure shows at once with its cause (week 6 teaches restart strategies and turns them on).
     */
    public static Configuration configuration(int parallelism) {
        Configuration config = new Configuration();
        config.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return config;
    }

    /**
     * The environment of a week's program. Started with {@code java} ({@code ./workbook run}) it is a local
     * cluster in this JVM with the Flink web UI on {@code uiPort}; submitted to a cluster ({@code flink run})
     * it is the cluster's, and the UI port is left alone — the cluster's REST port is not ours to set.
     */
    public static StreamExecutionEnvironment programEnvironment(int parallelism, int uiPort) {
        Configuration config = configuration(parallelism);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        if (env instanceof LocalStreamEnvironment) {
            config.set(RestOptions.PORT, uiPort);
            return StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(config);
        }
        return env;
    }
}
