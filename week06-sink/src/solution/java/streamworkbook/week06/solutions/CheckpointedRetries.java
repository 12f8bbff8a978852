package streamworkbook.week06.solutions;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.week06.Resilience;
import streamworkbook.week06.SinkSettings;

/** Reference solution of exercise 6.4. */
public class CheckpointedRetries implements Resilience {

    @Override
    public void configure(StreamExecutionEnvironment env, Duration checkpointInterval) {
        // A checkpoint stores the Kafka offsets (and window state) after the sink has flushed everything
        // before it. After a failure the job restarts from the last checkpoint and reads again from those
        // offsets: nothing is lost, some rows are written twice — which the idempotent table absorbs.
        // AT_LEAST_ONCE skips barrier alignment: cheaper, and exactly-once would buy nothing here.
        env.enableCheckpointing(checkpointInterval.toMillis(), CheckpointingMode.AT_LEAST_ONCE);

        // When the sink gives up (ClickHouse still down after its retries), the job fails and Flink
        // restarts it: after 200 ms, then 400 ms, 800 ms… at most 5 s apart, for as long as it takes.
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofMillis(200));
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofSeconds(5));
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
        env.configure(restarts);
    }

    @Override
    public SinkSettings sinkSettings() {
        // Small batches keep what a restart must write again small. The connector waits 0 s, then 1 s before
        // the 2 retries: a blip of a second only delays the pipeline (backpressure holds the source meanwhile);
        // a longer outage fails the job after about a second, and the restart strategy takes over.
        return new SinkSettings(500, Duration.ofMillis(200), 2);
    }
}
