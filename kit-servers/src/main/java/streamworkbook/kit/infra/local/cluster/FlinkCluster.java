package streamworkbook.kit.infra.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import streamworkbook.kit.infra.InfraUnavailable;
import streamworkbook.kit.infra.local.FreePorts;
import streamworkbook.kit.infra.local.ServiceProcess;
import streamworkbook.kit.infra.local.SideBySide;

/**
 * A Flink standalone session cluster as real processes: one JobManager and any number of TaskManagers, each its own
 * JVM, started from Flink's own jars ({@link FlinkClasspath}) the way Flink's start scripts start them, and jobs
 * submitted the way {@code flink run} submits them.
 *
 * <pre>
 * try (FlinkCluster flink = FlinkCluster.builder(dir, FlinkClasspath.fromFile(cp)).taskManagers(2).start()) {
 *     String job = flink.submit(JobSubmission.of(jar, "--count", "1000"));
 *     flink.killTaskManager(flink.taskManagers().get(0));          // kill -9
 *     String savepoint = flink.stopWithSavepoint(job);
 *     flink.addTaskManager();
 *     flink.submit(JobSubmission.of(jar).fromSavepoint(savepoint).withParallelism(4));
 * }
 * </pre>
 *
 * <p>Everything lives under {@code dir}: {@code conf/} (config.yaml, log4j.properties), {@code log/} (one {@code .log}
 * and one {@code .out} per process, as the web UI shows them), {@code checkpoints/}, {@code savepoints/},
 * {@code work/} and {@code tmp/}. There is no {@code flink-dist} here, so this class does what its scripts do: it
 * writes the configuration, asks Flink's {@code BashJavaUtils} for each process's memory settings, passes the JDK 17
 * {@code --add-opens} options, and runs {@code StandaloneSessionClusterEntrypoint} and {@code TaskManagerRunner}.
 */
public final class FlinkCluster implements AutoCloseable {

    /** The module options Flink's own config.yaml passes to every JVM on Java 17 (else InaccessibleObjectException). */
    static final List<String> JAVA_17_OPTIONS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String CLIENT_MAIN = "org.apache.flink.client.cli.CliFrontend";
    private static final String RESOURCE_PARAMS_MAIN = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** One TaskManager process; {@code id} is its Flink resource id, as the web UI and {@code /taskmanagers} show it. */
    public record TaskManager(String id, int rpcPort, ServiceProcess process) {
        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }
    }

    private final Builder settings;
    private final Path dir;
    private final Path conf;
    private final Path logs;
    private final FlinkRest rest;
    private final List<TaskManager> taskManagers = new ArrayList<>();
    private ServiceProcess jobManager;
    private List<String> taskManagerJvmOptions;
    private List<String> taskManagerProperties;
    private int nextTaskManager = 1;
    private int nextClient = 1;

    private FlinkCluster(Builder settings) {
        this.settings = settings;
        this.dir = settings.dir.toAbsolutePath();
        this.conf = dir.resolve("conf");
        this.logs = dir.resolve("log");
        this.rest = new FlinkRest("http://127.0.0.1:" + settings.restPort);
    }

    public static Builder builder(Path dir, String classpath) {
        return new Builder(dir, classpath);
    }

    /** The cluster's settings; {@link #start()} starts it. */
    public static final class Builder {
        private final Path dir;
        private final String classpath;
        private int restPort = 8081;
        private int rpcPort = 6123;
        private int taskManagers = 2;
        private int slots = 2;
        private String jobManagerMemory = "1024m";
        private String taskManagerMemory = "1280m";
        private String metricsPorts;
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Builder(Path dir, String classpath) {
            this.dir = dir;
            this.classpath = classpath;
        }

        /** Port of the REST API and web UI (default 8081). */
        public Builder restPort(int port) {
            this.restPort = port;
            return this;
        }

        /** Port of the JobManager's RPC endpoint, which TaskManagers connect to (default 6123). */
        public Builder rpcPort(int port) {
            this.rpcPort = port;
            return this;
        }

        /** TaskManagers started with the cluster (default 2); more with {@link #addTaskManager()}. */
        public Builder taskManagers(int count) {
            this.taskManagers = count;
            return this;
        }

        /** Task slots per TaskManager (default 2). */
        public Builder slotsPerTaskManager(int count) {
            this.slots = count;
            return this;
        }

        /** {@code jobmanager.memory.process.size} (default 1024m). */
        public Builder jobManagerMemory(String size) {
            this.jobManagerMemory = size;
            return this;
        }

        /** {@code taskmanager.memory.process.size} (default 1280m). */
        public Builder taskManagerMemory(String size) {
            this.taskManagerMemory = size;
            return this;
        }

        /**
         * The Prometheus reporter on these ports: the JobManager on the first, TaskManagers on the rest of the range
         * (e.g. {@code 9249-9260}; one port per process). Default: no reporter.
         */
        public Builder metricsPorts(int first, int last) {
            if (last <= first) {
                throw new IllegalArgumentException("a metrics port range needs a port for the JobManager and at least one for TaskManagers");
            }
            this.metricsPorts = first + "-" + last;
            return this;
        }

        /** Any other Flink option, as in config.yaml (e.g. {@code heartbeat.timeout}, {@code parallelism.default}). */
        public Builder set(String key, String value) {
            extra.put(key, value);
            return this;
        }

        public FlinkCluster start() {
            FlinkCluster cluster = new FlinkCluster(this);
            try {
                cluster.startProcesses();
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
            return cluster;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // processes

    private void startProcesses() {
        long started = System.nanoTime();
        for (String sub : List.of("conf", "log", "checkpoints", "savepoints", "work", "tmp", "plugins", "web")) {
            createDirectories(dir.resolve(sub));
        }
        if (FreePorts.inUse(settings.restPort) || FreePorts.inUse(settings.rpcPort)) {
            throw new InfraUnavailable("Flink's ports are taken: REST " + settings.restPort + (FreePorts.inUse(settings.restPort) ? " (in use)" : "")
                    + ", RPC " + settings.rpcPort + (FreePorts.inUse(settings.rpcPort) ? " (in use)" : "")
                    + ". Stop what uses them (`./workbook down`, `docker compose down`), or choose other ports.");
        }
        writeConfiguration();
        // the memory settings of both kinds of process, computed by Flink as its start scripts have it compute them
        CompletableFuture<List<List<String>>> jmParams = SideBySide.start(() -> resourceParams("GET_JM_RESOURCE_PARAMS"));
        CompletableFuture<List<List<String>>> tmParams = SideBySide.start(() -> resourceParams("GET_TM_RESOURCE_PARAMS"));
        List<List<String>> jm = SideBySide.join(jmParams);
        taskManagerJvmOptions = SideBySide.join(tmParams).get(0);
        taskManagerProperties = SideBySide.join(tmParams).get(1);

        List<String> jmProperties = new ArrayList<>(jm.get(1));
        if (settings.metricsPorts != null) {
            jmProperties.addAll(List.of("-D", "metrics.reporter.prom.port=" + settings.metricsPorts.split("-")[0]));
        }
        jobManager = ServiceProcess.command("Flink JobManager",
                javaCommand(jm.get(0), "jobmanager", JOB_MANAGER_MAIN, concat(List.of("--configDir", conf.toString()), jmProperties)),
                environment(), logs.resolve("jobmanager.out"), settings.restPort);
        // the JobManager and the TaskManagers start side by side: a TaskManager retries until the JobManager answers
        List<Runnable> starting = new ArrayList<>();
        starting.add(() -> jobManager.start(START_TIMEOUT));
        List<TaskManager> first = new ArrayList<>();
        for (int i = 0; i < settings.taskManagers; i++) {
            TaskManager tm = newTaskManager();
            first.add(tm);
            starting.add(() -> tm.process().start(START_TIMEOUT));
        }
        SideBySide.run(starting);
        awaitRegistered(first.stream().map(TaskManager::id).toList(), START_TIMEOUT);
        System.err.printf("[workbook] Flink %s session cluster ready on %s: JobManager and %d TaskManager(s) × %d slots in %d ms%n",
                rest.get("/overview").path("flink-version").asText(), webUrl(), settings.taskManagers, settings.slots,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Starts one more TaskManager and returns once the JobManager has registered it with its slots. */
    public synchronized TaskManager addTaskManager() {
        TaskManager tm = newTaskManager();
        tm.process().start(START_TIMEOUT);
        awaitRegistered(List.of(tm.id()), START_TIMEOUT);
        return tm;
    }

    private synchronized TaskManager newTaskManager() {
        String id = "taskmanager-" + nextTaskManager++;
        int rpcPort = FreePorts.pick();
        List<String> properties = new ArrayList<>(taskManagerProperties);
        properties.addAll(List.of("-D", "taskmanager.resource-id=" + id, "-D", "taskmanager.rpc.port=" + rpcPort));
        ServiceProcess process = ServiceProcess.command("Flink " + id,
                javaCommand(taskManagerJvmOptions, id, TASK_MANAGER_MAIN, concat(List.of("--configDir", conf.toString()), properties)),
                environment(), logs.resolve(id + ".out"), rpcPort);
        TaskManager tm = new TaskManager(id, rpcPort, process);
        taskManagers.add(tm);
        return tm;
    }

    /** {@code kill -9} of one TaskManager: it gets no chance to say goodbye; the JobManager finds out by heartbeats. */
    public synchronized void killTaskManager(TaskManager tm) {
        tm.process().kill();
        taskManagers.remove(tm);
    }

    /** SIGTERM to one TaskManager: it shuts down cleanly and deregisters. */
    public synchronized void stopTaskManager(TaskManager tm) {
        tm.process().stop();
        taskManagers.remove(tm);
    }

    /** The TaskManagers this object started that are still running. */
    public synchronized List<TaskManager> taskManagers() {
        return taskManagers.stream().filter(TaskManager::isAlive).toList();
    }

    public ServiceProcess jobManager() {
        return jobManager;
    }

    /** Waits until the JobManager lists these TaskManagers with all their slots (the slot report follows registration). */
    private void awaitRegistered(List<String> ids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<String> registered = new HashSet<>();
            try {
                rest.get("/taskmanagers").path("taskmanagers").forEach(tm -> {
                    if (tm.path("slotsNumber").asInt() == settings.slots) {
                        registered.add(tm.path("id").asText());
                    }
                });
            } catch (RuntimeException e) {
                // not answering yet
            }
            if (registered.containsAll(ids)) {
                return;
            }
            for (TaskManager tm : taskManagers) {
                if (ids.contains(tm.id()) && !tm.isAlive()) {
                    throw new InfraUnavailable("Flink " + tm.id() + " exited during start-up; see " + logs.resolve(tm.id() + ".log"));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new InfraUnavailable("Flink TaskManagers " + ids + " did not register with the JobManager within "
                        + timeout.toSeconds() + " s (registered: " + registered + "); see " + logs);
            }
            sleep(100);
        }
    }

    /** The ids of the TaskManagers the JobManager counts as registered (a killed one stays until its heartbeats fail). */
    public Set<String> registeredTaskManagers() {
        Set<String> ids = new HashSet<>();
        try {
            rest.get("/taskmanagers").path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
        } catch (RuntimeException e) {
            // not answering yet
        }
        return ids;
    }

    // ------------------------------------------------------------------------------------------------------------
    // jobs

    /**
     * Submits a job as {@code flink run -d} does: Flink's client ({@code CliFrontend}) in its own JVM, on Flink's own
     * classpath, runs the jar's {@code main} with a cluster environment, which sends the job graph and the jar to the
     * JobManager; returns the job's id once it is submitted.
     */
    public String submit(JobSubmission job) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "-t", "remote",
                "-Drest.address=127.0.0.1", "-Drest.port=" + settings.restPort));
        if (job.parallelism() > 0) {
            args.addAll(List.of("-p", String.valueOf(job.parallelism())));
        }
        if (job.savepoint() != null) {
            args.addAll(List.of("-s", job.savepoint()));
            if (job.allowNonRestoredState()) {
                args.add("-n");
            }
        }
        if (job.mainClass() != null) {
            args.addAll(List.of("-c", job.mainClass()));
        }
        args.add(job.jar().toAbsolutePath().toString());
        args.addAll(job.args());
        String name;
        synchronized (this) {
            name = "client-" + nextClient++;
        }
        Path out = logs.resolve(name + ".out");
        List<String> command = javaCommand(List.of("-Xmx512m"), name, CLIENT_MAIN, args);
        String output = run(command, out, Duration.ofMinutes(3));
        Matcher id = JOB_ID.matcher(output);
        if (!id.find()) {
            throw new IllegalStateException("flink run did not submit " + job.jar().getFileName() + "; its output (" + out + "):\n"
                    + lastLines(output, 25));
        }
        return id.group(1);
    }

    /** The job's state: INITIALIZING, CREATED, RUNNING, RESTARTING, FINISHED, FAILED, CANCELED, … */
    public String jobState(String jobId) {
        return rest.get("/jobs/" + jobId).path("state").asText();
    }

    /** Waits until the job is in one of {@code states}; a job that ends in another terminal state is an error. */
    public String awaitJobState(String jobId, Duration timeout, String... states) {
        Set<String> wanted = Set.of(states);
        Set<String> terminal = Set.of("FINISHED", "FAILED", "CANCELED");
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = "?";
        while (System.nanoTime() < deadline) {
            state = jobState(jobId);
            if (wanted.contains(state)) {
                return state;
            }
            if (terminal.contains(state)) {
                throw new IllegalStateException("job " + jobId + " ended " + state + ", not " + wanted + ": " + rootCause(jobId));
            }
            sleep(100);
        }
        throw new IllegalStateException("job " + jobId + " still " + state + " after " + timeout.toSeconds() + " s, not " + wanted);
    }

    /** The root exception of a failed job, as the web UI's "Exceptions" tab shows it (first line). */
    public String rootCause(String jobId) {
        try {
            String trace = rest.get("/jobs/" + jobId + "/exceptions").path("root-exception").asText("");
            return trace.isEmpty() ? "(no exception recorded)" : trace.lines().findFirst().orElse(trace);
        } catch (RuntimeException e) {
            return "(exceptions unavailable: " + e.getMessage() + ")";
        }
    }

    /**
     * Stops the job with a savepoint in {@code savepoints/} (its sources stop; no end-of-input is signalled, so the job's
     * timers and windows stay in the savepoint) and returns the savepoint's path once the job has FINISHED.
     */
    public String stopWithSavepoint(String jobId) {
        Map<String, Object> body = Map.of("targetDirectory", dir.resolve("savepoints").toUri().toString(), "drain", false);
        String trigger = rest.post("/jobs/" + jobId + "/stop", body).path("request-id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = rest.get("/jobs/" + jobId + "/savepoints/" + trigger);
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                JsonNode operation = status.path("operation");
                if (operation.has("failure-cause")) {
                    throw new IllegalStateException("stop-with-savepoint of job " + jobId + " failed: "
                            + operation.path("failure-cause").path("stack-trace").asText().lines().findFirst().orElse("?"));
                }
                awaitJobState(jobId, Duration.ofMinutes(1), "FINISHED");
                return operation.path("location").asText();
            }
            sleep(100);
        }
        throw new IllegalStateException("stop-with-savepoint of job " + jobId + " did not complete within 3 minutes");
    }

    /** Cancels the job (no savepoint). */
    public void cancel(String jobId) {
        rest.patch("/jobs/" + jobId + "?mode=cancel");
    }

    public FlinkRest rest() {
        return rest;
    }

    /** {@code /overview}: TaskManagers, slots (total, available) and jobs by state. */
    public JsonNode overview() {
        return rest.get("/overview");
    }

    public String webUrl() {
        return "http://localhost:" + settings.restPort;
    }

    public int restPort() {
        return settings.restPort;
    }

    public int rpcPort() {
        return settings.rpcPort;
    }

    public int slotsPerTaskManager() {
        return settings.slots;
    }

    public Path dir() {
        return dir;
    }

    /** The first port of the Prometheus reporter (the JobManager's), or 0 without a reporter. */
    public int metricsPort() {
        return settings.metricsPorts == null ? 0 : Integer.parseInt(settings.metricsPorts.split("-")[0]);
    }

    /** TaskManagers first (a running job fails over rather than being told to stop), then the JobManager. */
    @Override
    public void close() {
        SideBySide.run(List.copyOf(taskManagers).stream().<Runnable>map(tm -> () -> tm.process().stop()).toList());
        taskManagers.clear();
        if (jobManager != null) {
            jobManager.stop();
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // configuration and command lines

    private void writeConfiguration() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jobmanager.rpc.address", "127.0.0.1");
        c.put("jobmanager.rpc.port", String.valueOf(settings.rpcPort));
        c.put("jobmanager.bind-host", "127.0.0.1");
        c.put("jobmanager.memory.process.size", settings.jobManagerMemory);
        c.put("jobmanager.execution.failover-strategy", "region");
        c.put("taskmanager.host", "127.0.0.1");
        c.put("taskmanager.bind-host", "127.0.0.1");
        c.put("taskmanager.numberOfTaskSlots", String.valueOf(settings.slots));
        c.put("taskmanager.memory.process.size", settings.taskManagerMemory);
        // keyed state lives on the heap (hashmap state backend): managed memory (RocksDB, batch) gets a small share
        c.put("taskmanager.memory.managed.fraction", "0.1");
        // a job's slots spread over the TaskManagers, so a TaskManager's loss hits part of a job, as on a real cluster
        c.put("taskmanager.load-balance.mode", "SLOTS");
        c.put("rest.address", "127.0.0.1");
        c.put("rest.bind-address", "127.0.0.1");
        c.put("rest.port", String.valueOf(settings.restPort));
        c.put("parallelism.default", "1");
        c.put("state.backend.type", "hashmap");
        c.put("execution.checkpointing.dir", dir.resolve("checkpoints").toUri().toString());
        c.put("execution.checkpointing.savepoint-dir", dir.resolve("savepoints").toUri().toString());
        // a killed process refuses the next heartbeat RPCs: two refusals 2 s apart mark it dead (Flink's default interval is
        // 10 s); a process that is alive but slow still gets heartbeat.timeout (50 s) before it is given up
        c.put("heartbeat.interval", "2000");
        c.put("process.working-dir", dir.resolve("work").toString());
        c.put("io.tmp.dirs", dir.resolve("tmp").toString());
        c.put("web.tmpdir", dir.resolve("web").toString());
        if (settings.metricsPorts != null) {
            c.put("metrics.reporter.prom.factory.class", "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
            int first = Integer.parseInt(settings.metricsPorts.split("-")[0]);
            c.put("metrics.reporter.prom.port", (first + 1) + "-" + settings.metricsPorts.split("-")[1]);
        }
        c.putAll(settings.extra);
        StringBuilder yaml = new StringBuilder("# written by FlinkCluster (kit-servers) at each start: edit its settings, not this file\n");
        c.forEach((key, value) -> yaml.append(key).append(": '").append(value.replace("'", "''")).append("'\n"));
        write(conf.resolve("config.yaml"), yaml.toString());
        write(conf.resolve("log4j.properties"), """
                # Log4j 2: each Flink process logs to the file named by its log.file property (the web UI shows it)
                rootLogger.level = INFO
                rootLogger.appenderRef.file.ref = MainAppender
                appender.main.name = MainAppender
                appender.main.type = RollingFile
                appender.main.append = true
                appender.main.fileName = ${sys:log.file}
                appender.main.filePattern = ${sys:log.file}.%i
                appender.main.layout.type = PatternLayout
                appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
                appender.main.policies.type = Policies
                appender.main.policies.size.type = SizeBasedTriggeringPolicy
                appender.main.policies.size.size = 50MB
                appender.main.strategy.type = DefaultRolloverStrategy
                appender.main.strategy.max = 5
                logger.pekko.name = org.apache.pekko
                logger.pekko.level = WARN
                logger.netty.name = org.apache.flink.shaded.netty4
                logger.netty.level = WARN
                """);
    }

    private Map<String, String> environment() {
        return Map.of("FLINK_CONF_DIR", conf.toString(), "FLINK_PLUGINS_DIR", dir.resolve("plugins").toString());
    }

    private List<String> javaCommand(List<String> jvmOptions, String logName, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JAVA_17_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-Dlog.file=" + logs.resolve(logName + ".log"));
        command.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
        command.add("-cp");
        command.add(settings.classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Flink's BashJavaUtils: the JVM options (-Xmx, …) and the -D memory properties of a JobManager or TaskManager. */
    private List<List<String>> resourceParams(String command) {
        String output = run(javaCommand(List.of("-Xmx128m"), "bash-java-utils", RESOURCE_PARAMS_MAIN,
                List.of(command, "--configDir", conf.toString())), logs.resolve(command.toLowerCase() + ".out"), Duration.ofMinutes(2));
        List<String> results = output.lines().filter(l -> l.startsWith(RESULT_PREFIX))
                .map(l -> l.substring(RESULT_PREFIX.length()).strip()).toList();
        if (results.size() < 2) {
            throw new InfraUnavailable("Flink could not compute the memory settings (" + command + ") from " + conf.resolve("config.yaml")
                    + ":\n" + lastLines(output, 15));
        }
        return List.of(List.of(results.get(results.size() - 2).split("\\s+")), List.of(results.get(results.size() - 1).split("\\s+")));
    }

    /** Runs a short-lived command to its end; its output goes to {@code out} and is returned. */
    private String run(List<String> command, Path out, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().putAll(environment());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(command.indexOf("-cp") + 2) + " did not end within " + timeout.toSeconds()
                        + " s; see " + out);
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.get(command.indexOf("-cp") + 2) + " exited with code " + process.exitValue()
                        + "; its output (" + out + ") ends with:\n" + lastLines(output, 25));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
