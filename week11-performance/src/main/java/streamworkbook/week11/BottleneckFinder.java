package streamworkbook.week11;

import java.util.Optional;

/**
 * Exercise 11.2 — find a job's bottleneck from its metrics, as Flink's documentation teaches for backpressure.
 *
 * <p>Definitions (per subtask, from {@link SubtaskMetrics}):
 * <ul>
 *   <li>a subtask is <b>busy</b> when its busy time is at least {@link #BUSY} ms per second;</li>
 *   <li>a subtask is <b>backpressured</b> when its backpressured time is more than {@link #BACKPRESSURED} ms per
 *       second (the web UI's "LOW" or "HIGH").</li>
 * </ul>
 * The bottleneck is the first vertex, in the topological order of {@link JobMetrics#vertices()}, that has a subtask
 * that is busy and not backpressured; {@link Bottleneck#subtask()} names that vertex's busiest such subtask (the lowest
 * index on a tie). A job in which no subtask is busy-and-not-backpressured has no bottleneck: empty. Works on any
 * graph: any number of vertices, sources and parallelism.
 */
public interface BottleneckFinder {

    double BUSY = 500;
    double BACKPRESSURED = 100;

    Optional<Bottleneck> find(JobMetrics job);
}
