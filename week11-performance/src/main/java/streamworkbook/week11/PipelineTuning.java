package streamworkbook.week11;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.week06.SinkSettings;

/**
 * Exercise 11.3 — the settings that decide the pipeline's throughput, one per stage: producer, topics, Flink job,
 * sink. Each is measured before and after in the README's tuning table.
 */
public interface PipelineTuning {

    /**
     * Producer settings for the load (on top of the bootstrap servers and the serializers): every record acknowledged
     * by all in-sync replicas and written once however often it is retried (week 1's guarantees stay); batches
     * compressed with {@code lz4} or {@code zstd}; a batch may wait at least 5 ms for more records and hold at least
     * 64 KiB.
     */
    Map<String, Object> producerSettings();

    /**
     * The partitions of each shop topic for a job of source parallelism {@code parallelism}: enough that every source
     * subtask reads a partition of every topic, and no more than four per subtask.
     */
    int partitions(int parallelism);

    /**
     * Configures a job's environment: the given parallelism; records handed from one chained operator to the next
     * without a defensive copy (object reuse); a checkpoint every {@code checkpointInterval} in at-least-once mode
     * (the sink's table tolerates a replayed row, so barrier alignment would buy nothing). Leaves every other
     * setting as it is (generic types stay disabled).
     */
    void configure(StreamExecutionEnvironment env, int parallelism, Duration checkpointInterval);

    /**
     * The JDBC sink's batching for throughput: at least 10,000 rows per INSERT, but no row held longer than a second;
     * 3 retries.
     */
    SinkSettings sinkSettings();
}
