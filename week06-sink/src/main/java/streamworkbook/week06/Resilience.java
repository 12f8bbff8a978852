package streamworkbook.week06;

import java.time.Duration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Exercise 6.4 — a pipeline that a ClickHouse outage delays but does not break. */
public interface Resilience {

    /**
     * Prepares the environment: checkpoints every {@code checkpointInterval} in {@code AT_LEAST_ONCE}
     * mode, and the {@code exponential-delay} restart strategy — first restart after 200 ms, doubling up
     * to 5 s, attempts unlimited (the default).
     */
    void configure(StreamExecutionEnvironment env, Duration checkpointInterval);

    /** Sink settings for small, frequent batches that ride out an outage of about 10 s: 500 rows or 200 ms, 5 retries. */
    SinkSettings sinkSettings();
}
