package streamworkbook.week11.solutions;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerConfig;
import streamworkbook.week06.SinkSettings;
import streamworkbook.week11.PipelineTuning;

/** Exercise 11.3, reference solution. */
public class TunedPipeline implements PipelineTuning {

    @Override
    public Map<String, Object> producerSettings() {
        return Map.of(
                ProducerConfig.ACKS_CONFIG, "all",              // acknowledged once every in-sync replica has it
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, // a retried batch is not written twice
                ProducerConfig.LINGER_MS_CONFIG, 10,            // wait up to 10 ms for a fuller batch: fewer, larger requests
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,   // per partition; the 16 KiB default holds ~50 events
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"); // JSON shrinks several-fold; lz4 costs the least CPU
    }

    @Override
    public int partitions(int parallelism) {
        // the Kafka source hands each partition to one subtask: one per subtask of every topic keeps them all busy
        return parallelism;
    }

    @Override
    public void configure(StreamExecutionEnvironment env, int parallelism, Duration checkpointInterval) {
        env.setParallelism(parallelism);
        // chained operators pass the same object on instead of a copy: safe when no operator keeps or
        // changes a record it has emitted (ours are immutable records)
        env.getConfig().enableObjectReuse();
        // at least once: no barrier alignment, so a checkpoint never holds back a fast input channel
        env.enableCheckpointing(checkpointInterval.toMillis(), CheckpointingMode.AT_LEAST_ONCE);
    }

    @Override
    public SinkSettings sinkSettings() {
        // every INSERT is a part ClickHouse must merge: few, large ones; a second at most at low traffic
        return new SinkSettings(20_000, Duration.ofSeconds(1), 3);
    }
}
