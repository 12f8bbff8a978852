package streamworkbook.week06.exercises;

import java.time.Duration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week06.Resilience;
import streamworkbook.week06.SinkSettings;

/** Exercise 6.4 — your code. The contract is in {@link Resilience}; the steps in week06-sink/README.md. */
public class CheckpointedRetries implements Resilience {

    @Override
    public void configure(StreamExecutionEnvironment env, Duration checkpointInterval) {
        // TODO 6.4:
        //  1. env.enableCheckpointing(checkpointInterval.toMillis(), CheckpointingMode.AT_LEAST_ONCE)
        //  2. a Configuration with RestartStrategyOptions.RESTART_STRATEGY = "exponential-delay",
        //     ..._EXPONENTIAL_DELAY_INITIAL_BACKOFF 200 ms, ..._MAX_BACKOFF 5 s, ..._BACKOFF_MULTIPLIER 2.0;
        //     then env.configure(thatConfiguration)
        throw new NotImplementedYet("6.4");
    }

    @Override
    public SinkSettings sinkSettings() {
        // TODO 6.4: new SinkSettings(500, Duration.ofMillis(200), 5). The connector sleeps 0 s, 1 s, 2 s… between
        //  attempts: how long an outage do 5 retries ride out?
        throw new NotImplementedYet("6.4");
    }
}
