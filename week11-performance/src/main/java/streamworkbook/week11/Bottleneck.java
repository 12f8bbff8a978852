package streamworkbook.week11;

/**
 * Where a job's throughput is limited.
 *
 * @param vertexName the vertex (task) that limits the job
 * @param subtask    its subtask that is busiest — one hot subtask of many is the signature of a skewed key
 */
public record Bottleneck(String vertexName, int subtask) {
}
