package streamworkbook.week06.exercises;

import java.time.Duration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week06.Resilience;
import streamworkbook.week06.SinkSettings;

/**
 * Exercise 6.4 — make the pipeline survive a ClickHouse outage that lasts longer than the sink's own retries:
 * the job fails, is restarted, resumes from its last checkpoint, and ends with every event in ClickHouse once.
 *
 * @see Resilience the contract
 * @see <a href="../../../../../../README.md#64-survive-a-clickhouse-outage">week06-sink/README.md#64-survive-a-clickhouse-outage</a>
 */
public class CheckpointedRetries implements Resilience {

    @Override
    public void configure(StreamExecutionEnvironment env, Duration checkpointInterval) {
        throw new NotImplementedYet("6.4");
    }

    @Override
    public SinkSettings sinkSettings() {
        throw new NotImplementedYet("6.4");
    }
}
