package streamworkbook.platform;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import streamworkbook.kit.infra.local.cluster.FlinkCluster;

/**
 * A TaskManager of the Flink cluster killed ({@code kill -9}) while it runs part of the job. The JobManager notices
 * the missing heartbeats within seconds, fails the job over and restores it from its last completed checkpoint on the
 * slots that are left; a new TaskManager then takes the killed one's place. The Kafka offsets and the windows'
 * state come back from the checkpoint: nothing is lost, and the rows written again are absorbed by the tables.
 */
final class TaskManagerKillDrill implements Drill {

    private final FlinkCluster flink;
    private final String jobId;
    private final Duration outage;
    private FlinkCluster.TaskManager victim;

    TaskManagerKillDrill(FlinkCluster flink, String jobId, Duration outage) {
        this.flink = flink;
        this.jobId = jobId;
        this.outage = outage;
    }

    @Override
    public String name() {
        return "taskmanager";
    }

    @Override
    public String story() {
        return "kill -9 a TaskManager that runs part of the job: the job restores from its last checkpoint on the slots left,"
                + " a new TaskManager joins " + outage.toSeconds() + " s later";
    }

    @Override
    public void inject(PrintStream out) throws InterruptedException {
        // the promise is a restore from a checkpoint: a kill before the job's first checkpoint completes would restart it
        // from its initial offsets instead (counts still exact, but not the lesson), so the kill waits for a fresh one
        long completed = completedCheckpoints();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (completedCheckpoints() <= completed) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + jobId + " completed no checkpoint within a minute: " + flink.rootCause(jobId));
            }
            Thread.sleep(200);
        }
        out.printf("  checkpoint %d of the job completed%n", completedCheckpoints());
        // a cluster with more slots than the job needs may run it on some TaskManagers only (a drill before this one may
        // have added one): the victim must be one of those that run its tasks, or nothing fails over
        Set<String> runningTheJob = taskManagersOfTheJob();
        List<FlinkCluster.TaskManager> running = flink.taskManagers();
        victim = running.stream().filter(tm -> runningTheJob.contains(tm.id())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no TaskManager process runs a task of job " + jobId
                        + ": the job's TaskManagers are " + runningTheJob + ", the processes " + running));
        flink.killTaskManager(victim);
        out.printf("  %s killed (kill -9, pid %d); %d TaskManager(s) left%n", victim.id(), victim.pid(), flink.taskManagers().size());
    }

    private long completedCheckpoints() {
        return flink.rest().get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
    }

    /** The ids of the TaskManagers that run at least one subtask of the job, from Flink's REST API. */
    private Set<String> taskManagersOfTheJob() {
        Set<String> ids = new HashSet<>();
        flink.rest().get("/jobs/" + jobId).path("vertices").forEach(vertex ->
                flink.rest().get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/taskmanagers")
                        .path("taskmanagers").forEach(tm -> ids.add(tm.path("taskmanager-id").asText())));
        return ids;
    }

    @Override
    public Duration outage() {
        return outage;
    }

    @Override
    public String observe() {
        return "TaskManagers registered: " + flink.registeredTaskManagers();
    }

    @Override
    public void heal(PrintStream out) {
        FlinkCluster.TaskManager added = flink.addTaskManager();
        out.printf("  %s started in place of %s (pid %d)%n", added.id(), victim.id(), added.pid());
    }
}
