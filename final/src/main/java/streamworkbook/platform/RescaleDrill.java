package streamworkbook.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import streamworkbook.kit.infra.local.cluster.FlinkCluster;
import streamworkbook.kit.infra.local.cluster.JobSubmission;

/**
 * Scaling out, the way Flink does it: stop the job with a savepoint (its Kafka offsets and window state, taken while
 * nothing moves), add a TaskManager, and submit the same job jar again from the savepoint at twice the parallelism.
 * The generator keeps writing meanwhile; the rescaled job starts where the savepoint stopped. Kafka's partitions (4
 * per topic) cap what more parallelism buys on the source side.
 */
final class RescaleDrill implements Drill {

    private final FlinkCluster flink;
    private final Path jobJar;
    private final PlatformJob.Settings settings;
    private final AtomicReference<String> jobId;
    private String savepoint;

    /** {@code jobId}: the running job's id, replaced by the rescaled job's when it is submitted. */
    RescaleDrill(FlinkCluster flink, Path jobJar, PlatformJob.Settings settings, AtomicReference<String> jobId) {
        this.flink = flink;
        this.jobJar = jobJar;
        this.settings = settings;
        this.jobId = jobId;
    }

    @Override
    public String name() {
        return "rescale";
    }

    @Override
    public String story() {
        return "stop the job with a savepoint, add a TaskManager, resume from the savepoint at parallelism "
                + settings.parallelism() * 2;
    }

    @Override
    public void inject(PrintStream out) {
        long started = System.nanoTime();
        savepoint = flink.stopWithSavepoint(jobId.get());
        out.printf("  job stopped with a savepoint in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, savepoint);
    }

    @Override
    public Duration outage() {
        return Duration.ofSeconds(5);
    }

    @Override
    public void heal(PrintStream out) {
        FlinkCluster.TaskManager added = flink.addTaskManager();
        out.printf("  %s added: %d TaskManagers × %d slots%n", added.id(), flink.taskManagers().size(), flink.slotsPerTaskManager());
        PlatformJob.Settings doubled = new PlatformJob.Settings(settings.bootstrapServers(), settings.topicPrefix(), settings.groupId(),
                settings.clickhouse(), settings.catalogue(), settings.parallelism() * 2, settings.checkpointInterval(), settings.bounded());
        List<String> args = new ArrayList<>(PlatformJob.arguments(doubled));
        String id = flink.submit(JobSubmission.of(jobJar, args.toArray(String[]::new)).fromSavepoint(savepoint));
        jobId.set(id);
        flink.awaitJobState(id, Duration.ofMinutes(2), "RUNNING");
        out.printf("  job %s resumed from the savepoint at parallelism %d%n", id, doubled.parallelism());
    }
}
