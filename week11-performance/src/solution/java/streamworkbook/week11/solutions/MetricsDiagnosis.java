package streamworkbook.week11.solutions;

import java.util.Optional;
import streamworkbook.week11.Bottleneck;
import streamworkbook.week11.BottleneckFinder;
import streamworkbook.week11.JobMetrics;
import streamworkbook.week11.SubtaskMetrics;
import streamworkbook.week11.VertexMetrics;

/**
 * Exercise 11.2, reference solution. Backpressure travels upstream: a slow task fills its input buffers, the tasks
 * before it wait for room and show up backpressured, and so on up to the sources. So the backpressured tasks are the
 * victims, and the culprit is the first task downstream of them that is busy itself and not waiting on anybody.
 * Subtask by subtask, never an average: one hot subtask among idle ones averages out to "fine".
 */
public class MetricsDiagnosis implements BottleneckFinder {

    @Override
    public Optional<Bottleneck> find(JobMetrics job) {
        for (VertexMetrics vertex : job.vertices()) { // topological order: the first such vertex is the most upstream
            SubtaskMetrics hottest = null;
            for (SubtaskMetrics subtask : vertex.subtasks()) {
                boolean culprit = subtask.busyMsPerSecond() >= BUSY && subtask.backPressuredMsPerSecond() <= BACKPRESSURED;
                if (culprit && (hottest == null || subtask.busyMsPerSecond() > hottest.busyMsPerSecond())) {
                    hottest = subtask;
                }
            }
            if (hottest != null) {
                return Optional.of(new Bottleneck(vertex.name(), hottest.index()));
            }
        }
        return Optional.empty();
    }
}
