package streamworkbook.week11.exercises;

import java.util.Optional;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week11.Bottleneck;
import streamworkbook.week11.BottleneckFinder;
import streamworkbook.week11.JobMetrics;

/**
 * Exercise 11.2 — name the task that limits a job, from its busy and backpressured times. The contract is in
 * {@link BottleneckFinder}; the goal and hints in week11-performance/README.md#112-find-the-bottleneck.
 */
public class MetricsDiagnosis implements BottleneckFinder {

    @Override
    public Optional<Bottleneck> find(JobMetrics job) {
        throw new NotImplementedYet("11.2");
    }
}
