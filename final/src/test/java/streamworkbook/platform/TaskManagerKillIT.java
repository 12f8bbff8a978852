package streamworkbook.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import streamworkbook.kit.infra.local.cluster.FlinkCluster;
import streamworkbook.kit.infra.local.cluster.JobSubmission;

/**
 * Drill (a): the platform's job jar runs on a Flink standalone session cluster (real JobManager and TaskManager
 * processes), submitted as {@code flink run} does; a TaskManager running part of it is killed ({@code kill -9})
 * mid-stream. The job must be restored from a checkpoint (not restarted from scratch, which would also give exact
 * counts in the end, by re-reading Kafka from the start) and lose or double nothing. Rejects: no checkpointing (no
 * checkpoint to restore), the kit's restart strategy "none" (the job stays FAILED), an at-least-once checkpoint mode
 * that lets a window count a record twice after the restore.
 */
@Tag(DrillTestSupport.TAG)
class TaskManagerKillIT {

    @Test
    // a three-JVM cluster starts (~15 s), a client JVM submits the job, the heartbeat timeout and the restore come on
    // top of the drill's own minute: five minutes is the worst case on a loaded two-core machine
    @Timeout(600)
    void theJobRestoresFromItsLastCheckpointAfterATaskManagerIsKilled() throws Exception {
        FlinkCluster flink = SharedFlinkCluster.get();
        PlatformServers servers = SharedServers.get();
        PlatformRun run = PlatformRun.prepare(servers, 17, 2, false, DrillTestSupport.out());
        String job = flink.submit(JobSubmission.of(SharedFlinkCluster.jobJar(),
                PlatformJob.arguments(run.job()).toArray(String[]::new)));
        // 1,000 events a second, event time at 20× speed: a one-minute drill spans 20 minutes of rollups to compare
        TrafficPublisher traffic = run.publisher(1_000, 20, 0.01, Long.MAX_VALUE, null);
        Thread generator = new Thread(traffic, "generator");
        try {
            flink.awaitJobState(job, Duration.ofMinutes(2), "RUNNING");
            generator.start();
            DrillRunner.Result result = new DrillRunner(run, traffic, () -> flink.jobState(job), () -> JobWatermarks.of(flink.rest(), job), DrillTestSupport.out())
                    .run(new TaskManagerKillDrill(flink, job, Duration.ofSeconds(10)), Duration.ofSeconds(15));
            traffic.stop();
            generator.join(60_000);

            DrillTestSupport.assertExact(result, traffic);
            JsonNode restored = flink.rest().get("/jobs/" + job + "/checkpoints").path("latest").path("restored");
            assertFalse(restored.isMissingNode() || restored.isNull(), "the job was not restored from a checkpoint: " + restored);
            assertFalse(restored.path("is_savepoint").asBoolean(), restored::toString);
            // the failover itself, from the JobManager's own count (a restart can fall between two of the drill's samples)
            JsonNode restarts = flink.rest().get("/jobs/" + job + "/metrics?get=numRestarts").path(0).path("value");
            assertTrue(restarts.asLong() >= 1, "the job failed over: numRestarts = " + restarts);
        } finally {
            traffic.stop();
            flink.cancel(job);
        }
    }
}
