package streamworkbook.week11.exercises;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week06.SinkSettings;
import streamworkbook.week11.PipelineTuning;

/**
 * Exercise 11.3 — tune the pipeline stage by stage: producer batching and compression, partitions for the job's
 * parallelism, object reuse and checkpoints, the sink's batch size. The contract is in {@link PipelineTuning}; the
 * goal, the measurements and the hints in week11-performance/README.md#113-tune-it-stage-by-stage.
 */
public class TunedPipeline implements PipelineTuning {

    @Override
    public Map<String, Object> producerSettings() {
        throw new NotImplementedYet("11.3");
    }

    @Override
    public int partitions(int parallelism) {
        throw new NotImplementedYet("11.3");
    }

    @Override
    public void configure(StreamExecutionEnvironment env, int parallelism, Duration checkpointInterval) {
        throw new NotImplementedYet("11.3");
    }

    @Override
    public SinkSettings sinkSettings() {
        throw new NotImplementedYet("11.3");
    }
}
