package streamworkbook.week06;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a JDBC sink batches and retries.
 *
 * @param batchSize     rows per INSERT: the sink writes when it has this many…
 * @param batchInterval …or when this much time has passed since the last write, whichever comes first
 * @param maxRetries    attempts after a failed INSERT before the sink fails the job (and Flink restarts it)
 */
public record SinkSettings(int batchSize, Duration batchInterval, int maxRetries) implements Serializable {

    /** ClickHouse likes few, large inserts: every INSERT makes a new part that must later be merged. */
    public static SinkSettings defaults() {
        return new SinkSettings(10_000, Duration.ofSeconds(1), 3);
    }
}
