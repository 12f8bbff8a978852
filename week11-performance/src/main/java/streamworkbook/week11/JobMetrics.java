package streamworkbook.week11;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A running job's vertices and their subtasks' metrics at one moment, read from Flink's REST API
 * ({@code /jobs/:id}, {@code /jobs/:id/plan}, {@code /jobs/:id/vertices/:vid/subtasks/:n/metrics}).
 *
 * @param vertices in topological order: every vertex comes after the vertices it reads from (sources first)
 */
public record JobMetrics(String jobId, List<VertexMetrics> vertices) implements Serializable {

    public JobMetrics {
        vertices = List.copyOf(vertices);
    }

    /** The first vertex whose name contains {@code text}. */
    public Optional<VertexMetrics> vertex(String text) {
        return vertices.stream().filter(v -> v.name().contains(text)).findFirst();
    }
}
