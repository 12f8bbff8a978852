package streamworkbook.week06;

import java.time.Duration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Exercise 6.4 — a pipeline that a ClickHouse outage delays but does not break.
 *
 * <p>The environments of the workbook start with no restart strategy ({@code none}): a job fails at its first
 * error. After {@link #configure}, a job of the environment:
 * <ul>
 *   <li>takes a checkpoint every {@code checkpointInterval}, in {@code AT_LEAST_ONCE} mode, so that after a failure
 *       it resumes from the Kafka offsets of its last checkpoint instead of from the beginning;</li>
 *   <li>is restarted after every failure, for as long as it takes (no limit on the number of restarts), waiting
 *       200 ms before the first restart and twice as long before each next one, at most 5 s.</li>
 * </ul>
 */
public interface Resilience {

    /** Configures checkpoints and restarts as described above. */
    void configure(StreamExecutionEnvironment env, Duration checkpointInterval);

    /**
     * Sink settings for small, frequent batches — at most 500 rows, at most 200 ms old — so that a restart has
     * little to write again; and 1 to 3 retries of a failed batch: enough for a blip, while a longer outage fails
     * the job within seconds and leaves it to the restart strategy.
     */
    SinkSettings sinkSettings();
}
