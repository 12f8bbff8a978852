package streamworkbook.week11;

import java.io.Serializable;
import java.util.List;

/**
 * One vertex of a running job — a task: an operator, or a chain of operators that Flink runs as one — with the
 * metrics of each of its subtasks.
 *
 * @param id       the vertex id (as in the REST API and the web UI's URLs)
 * @param name     the vertex's name (the names of its chained operators, joined by " -> ")
 * @param inputs   the ids of the vertices it reads from (none for a source)
 * @param subtasks one entry per parallel instance, by index
 */
public record VertexMetrics(String id, String name, List<String> inputs, List<SubtaskMetrics> subtasks) implements Serializable {

    public VertexMetrics {
        inputs = List.copyOf(inputs);
        subtasks = List.copyOf(subtasks);
    }

    public int parallelism() {
        return subtasks.size();
    }

    public boolean isSource() {
        return inputs.isEmpty();
    }
}
