package streamworkbook.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import streamworkbook.kit.infra.local.cluster.FlinkCluster;
import streamworkbook.kit.infra.local.cluster.JobSubmission;

/**
 * Drill (e): the platform's job on the Flink cluster is stopped with a savepoint while the generator goes on, a
 * TaskManager is added, and the job jar is submitted again from the savepoint at twice the parallelism. Counts stay
 * exact. Rejects: resuming without the savepoint (the source would start again from the earliest offsets and the
 * windows from empty state — the rows FINAL would still match, but the job would not be restored: checked), state
 * that cannot be redistributed to more subtasks, a drain on stop that fires windows early (a second, different row
 * for a minute is absorbed by FINAL, but a rollup short of its events is not).
 */
@Tag(DrillTestSupport.TAG)
class RescaleIT {

    @Test
    // as the TaskManager drill, with a savepoint, a new TaskManager and a second submission on top
    @Timeout(600)
    void theJobResumesFromASavepointAtTwiceTheParallelism() throws Exception {
        FlinkCluster flink = SharedFlinkCluster.get();
        PlatformServers servers = SharedServers.get();
        PlatformRun run = PlatformRun.prepare(servers, 19, 2, false, DrillTestSupport.out());
        AtomicReference<String> job = new AtomicReference<>(flink.submit(JobSubmission.of(SharedFlinkCluster.jobJar(),
                PlatformJob.arguments(run.job()).toArray(String[]::new))));
        // 1,000 events a second, event time at 20× speed: a one-minute drill spans 20 minutes of rollups to compare
        TrafficPublisher traffic = run.publisher(1_000, 20, 0.01, Long.MAX_VALUE, null);
        Thread generator = new Thread(traffic, "generator");
        try {
            flink.awaitJobState(job.get(), Duration.ofMinutes(2), "RUNNING");
            generator.start();
            DrillRunner.Result result = new DrillRunner(run, traffic, () -> flink.jobState(job.get()), () -> JobWatermarks.of(flink.rest(), job.get()), DrillTestSupport.out())
                    .run(new RescaleDrill(flink, SharedFlinkCluster.jobJar(), run.job(), job), Duration.ofSeconds(15));
            traffic.stop();
            generator.join(60_000);

            DrillTestSupport.assertExact(result, traffic);
            JsonNode restored = flink.rest().get("/jobs/" + job.get() + "/checkpoints").path("latest").path("restored");
            assertTrue(restored.path("is_savepoint").asBoolean(), "the rescaled job was restored from the savepoint: " + restored);
            JsonNode vertices = flink.rest().get("/jobs/" + job.get()).path("vertices");
            assertEquals(4, vertices.get(0).path("parallelism").asInt(), "the source runs at twice the parallelism: " + vertices);
        } finally {
            traffic.stop();
            flink.cancel(job.get());
        }
    }
}
