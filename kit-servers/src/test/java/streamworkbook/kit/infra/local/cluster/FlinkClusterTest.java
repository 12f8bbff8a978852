package streamworkbook.kit.infra.local.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import streamworkbook.kit.infra.local.FreePorts;
import streamworkbook.kit.infra.local.cluster.FlinkCluster.TaskManager;

/**
 * A Flink standalone session cluster of real processes — a JobManager and TaskManagers, each its own JVM, started from
 * Flink's own jars — running a job jar submitted as {@code flink run} does, through a TaskManager's {@code kill -9}
 * and a stop-with-savepoint and rescale. One cluster for the class (three JVMs start in about 10 s on two cores); the
 * tests run in the order of a story: the cluster answers, a job runs, a TaskManager dies, the cluster is scaled.
 *
 * <p>The job ({@code CountingJob}) counts and sums numbers per key in keyed state and writes each key's result once, at
 * the end of its input, so the result files are exact exactly when the state survived: a restart from scratch after
 * the kill would be exact too, which is why the kill test also asserts that the job was restored from a checkpoint.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// each test starts a client JVM and runs a job of several seconds on a 2-core machine; the kill test waits for
// Flink's heartbeats and a restart as well
@Timeout(150)
class FlinkClusterTest {

    @TempDir
    static Path dir;
    static FlinkCluster flink;
    static Path jar;
    static int metricsPort;

    @BeforeAll
    // the cluster's classpath may first be resolved by Maven (offline: a few seconds), then three JVMs start
    @Timeout(240)
    static void startCluster() throws IOException {
        String classpath = FlinkClasspath.ofCheckout(Path.of("").toAbsolutePath());
        metricsPort = freeRange(4);
        flink = FlinkCluster.builder(dir.resolve("flink"), classpath)
                .restPort(FreePorts.pick()).rpcPort(FreePorts.pick())
                .taskManagers(2).slotsPerTaskManager(2)
                .taskManagerMemory("1024m")
                .metricsPorts(metricsPort, metricsPort + 3)
                .start();
        jar = JobJars.countingJob(dir);
    }

    @AfterAll
    static void stopCluster() {
        if (flink != null) {
            long stopping = System.nanoTime();
            flink.close();
            System.out.printf("[cluster] JobManager and TaskManagers stopped in %d ms%n", (System.nanoTime() - stopping) / 1_000_000);
        }
    }

    @Test
    @Order(1)
    void answersOverviewWithTwoTaskManagersAndTheirSlots() throws Exception {
        JsonNode overview = flink.overview();
        assertEquals(2, overview.path("taskmanagers").asInt(), overview::toString);
        assertEquals(4, overview.path("slots-total").asInt(), overview::toString);
        assertEquals(4, overview.path("slots-available").asInt(), overview::toString);
        assertEquals("2.2.1", overview.path("flink-version").asText());
        assertEquals(Set.of("taskmanager-1", "taskmanager-2"), flink.registeredTaskManagers());
        for (JsonNode tm : flink.rest().get("/taskmanagers").path("taskmanagers")) {
            assertEquals(2, tm.path("slotsNumber").asInt(), tm::toString);
        }
        // the Prometheus reporter (flink-metrics-prometheus on the cluster's classpath) answers on the JobManager's port
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(Pattern.compile("(?m)^flink_jobmanager_numRegisteredTaskManagers\\{[^}]*} 2\\.0$").matcher(metrics).find(),
                () -> "no TaskManager count in the JobManager's metrics:\n" + metrics.lines().limit(20).toList());
    }

    @Test
    @Order(2)
    void runsAJobJarToTheEndWithExactCounts() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out-complete"));
        long started = System.nanoTime();
        String job = flink.submit(JobSubmission.of(jar, args(20_000, 7, 0, 2, out)));
        long submitted = System.nanoTime();
        flink.awaitJobState(job, Duration.ofSeconds(90), "FINISHED");
        System.out.printf("[cluster] job submitted in %d ms (flink run in its own JVM), finished %d ms later%n",
                (submitted - started) / 1_000_000, (System.nanoTime() - submitted) / 1_000_000);
        assertEquals(expected(20_000, 7), results(out));
        assertEquals(2, vertexParallelism(job).iterator().next());
    }

    @Test
    @Order(3)
    void aTaskManagerKilledMidJobIsSurvivedFromTheLastCheckpoint() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out-kill"));
        String job = flink.submit(JobSubmission.of(jar, args(30_000, 5, 2_500, 2, out)));
        flink.awaitJobState(job, Duration.ofSeconds(60), "RUNNING");
        long completedBefore = awaitCompletedCheckpoints(job, 2);

        Set<String> hosts = taskManagersOf(job);
        TaskManager victim = flink.taskManagers().stream().filter(tm -> hosts.contains(tm.id())).findFirst().orElseThrow();
        long killedAt = System.currentTimeMillis();
        flink.killTaskManager(victim);

        flink.awaitJobState(job, Duration.ofSeconds(120), "FINISHED");
        JsonNode restored = flink.rest().get("/jobs/" + job + "/checkpoints").path("latest").path("restored");
        assertFalse(restored.isMissingNode() || restored.isNull(), "the job was not restored from a checkpoint after the kill");
        assertFalse(restored.path("is_savepoint").asBoolean(), restored::toString);
        assertTrue(restored.path("id").asLong() >= completedBefore, () -> "restored from an older checkpoint than the last one before the kill: " + restored);
        System.out.printf("[cluster] %s killed; the job was restored from checkpoint %d %d ms later, on %s%n", victim.id(),
                restored.path("id").asLong(), restored.path("restore_timestamp").asLong() - killedAt, taskManagersOf(job));
        assertFalse(taskManagersOf(job).contains(victim.id()));
        assertEquals(expected(30_000, 5), results(out));
    }

    @Test
    @Order(4)
    void stopWithSavepointThenResumeAtTwiceTheParallelismOnAnAddedTaskManager() throws Exception {
        keepTaskManagers(1);
        Path out = Files.createDirectories(dir.resolve("out-rescale"));
        String first = flink.submit(JobSubmission.of(jar, args(40_000, 11, 4_000, 2, out)));
        flink.awaitJobState(first, Duration.ofSeconds(60), "RUNNING");
        awaitCompletedCheckpoints(first, 1);
        String savepoint = flink.stopWithSavepoint(first);
        assertTrue(Files.isDirectory(Path.of(URI.create(savepoint))), savepoint);
        // stopped, not drained: the input has not ended, so no key's result is written yet; it is all in the savepoint
        assertEquals(Map.of(), results(out));

        long adding = System.nanoTime();
        TaskManager added = flink.addTaskManager();
        System.out.printf("[cluster] %s added and registered in %d ms%n", added.id(), (System.nanoTime() - adding) / 1_000_000);
        assertEquals(4, flink.overview().path("slots-total").asInt());

        String second = flink.submit(JobSubmission.of(jar, args(40_000, 11, 4_000, 4, out)).fromSavepoint(savepoint));
        flink.awaitJobState(second, Duration.ofSeconds(90), "FINISHED");
        JsonNode restored = flink.rest().get("/jobs/" + second + "/checkpoints").path("latest").path("restored");
        assertTrue(restored.path("is_savepoint").asBoolean(), () -> "not restored from the savepoint: " + restored);
        assertEquals(Set.of(4), vertexParallelism(second));
        assertEquals(expected(40_000, 11), results(out));
    }

    // ------------------------------------------------------------------------------------------------------------

    private static String[] args(long count, int keys, long rate, int parallelism, Path out) {
        // --ui-port: a port nobody listens on. Were it applied to a submitted job (rest.port), submission would fail.
        return new String[] {"--count", String.valueOf(count), "--keys", String.valueOf(keys), "--rate", String.valueOf(rate),
                "--parallelism", String.valueOf(parallelism), "--out", out.toString(), "--ui-port", String.valueOf(FreePorts.pick())};
    }

    /** key → "count sum", computed here number by number. */
    private static Map<Long, String> expected(long count, int keys) {
        long[] counts = new long[keys];
        long[] sums = new long[keys];
        for (long n = 0; n < count; n++) {
            counts[(int) (n % keys)]++;
            sums[(int) (n % keys)] += n;
        }
        Map<Long, String> expected = new TreeMap<>();
        for (int k = 0; k < keys; k++) {
            expected.put((long) k, counts[k] + " " + sums[k]);
        }
        return expected;
    }

    private static Map<Long, String> results(Path out) throws IOException {
        Map<Long, String> results = new TreeMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("key-")).toList()) {
                String[] line = Files.readString(file).strip().split(" ");
                results.put(Long.parseLong(line[0]), line[1] + " " + line[2]);
            }
        }
        return results;
    }

    private static long awaitCompletedCheckpoints(String job, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode checkpoints = flink.rest().get("/jobs/" + job + "/checkpoints");
            if (checkpoints.path("counts").path("completed").asInt() >= count) {
                return checkpoints.path("latest").path("completed").path("id").asLong();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " completed fewer than " + count + " checkpoints in 60 s");
    }

    private static Set<String> taskManagersOf(String job) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode vertex : flink.rest().get("/jobs/" + job).path("vertices")) {
            for (JsonNode tm : flink.rest().get("/jobs/" + job + "/vertices/" + vertex.path("id").asText() + "/taskmanagers").path("taskmanagers")) {
                ids.add(tm.path("taskmanager-id").asText());
            }
        }
        return ids;
    }

    private static Set<Integer> vertexParallelism(String job) {
        Set<Integer> parallelism = new TreeSet<>();
        flink.rest().get("/jobs/" + job).path("vertices").forEach(v -> parallelism.add(v.path("parallelism").asInt()));
        return parallelism;
    }

    /** Stops or adds TaskManagers until {@code count} run and the JobManager counts exactly those. */
    private static void keepTaskManagers(int count) throws InterruptedException {
        List<TaskManager> running = new ArrayList<>(flink.taskManagers());
        while (running.size() > count) {
            flink.stopTaskManager(running.remove(running.size() - 1));
        }
        while (running.size() < count) {
            running.add(flink.addTaskManager());
        }
        Set<String> ids = new TreeSet<>();
        running.forEach(tm -> ids.add(tm.id()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!flink.registeredTaskManagers().equals(ids)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the JobManager counts " + flink.registeredTaskManagers() + ", not " + ids);
            }
            Thread.sleep(100);
        }
    }

    /** The first of {@code size} consecutive free ports. */
    private static int freeRange(int size) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = FreePorts.pick();
            boolean free = first + size < 65_536;
            for (int p = first + 1; free && p < first + size; p++) {
                free = !FreePorts.inUse(p);
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("no " + size + " consecutive free ports");
    }
}
