package streamworkbook.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import streamworkbook.week07.DurationConverter;
import streamworkbook.kit.infra.local.cluster.FlinkClasspath;
import streamworkbook.week09.LagExporter;
import streamworkbook.week09.solutions.CommittedOffsetLag;
import streamworkbook.week12.ApiServer;

/**
 * {@code ./workbook demo}: the whole platform, alive, on servers of its own (or, with {@code --external}, on the usual
 * ports): PostgreSQL's catalogue (week 2) → week 7's generator at a steady rate → Kafka → the platform's Flink job
 * ({@link PlatformJob}: validation and dead letters, metrics, the events and rollups, analytics and alerts) →
 * ClickHouse → the API and dashboard (week 12); consumer lag on a metrics endpoint (week 9), Prometheus when it is
 * installed. Runs until Ctrl-C ({@code --duration}: that long), then stops everything it started.
 * {@code --events N}: a bounded batch of N records instead, ending with exact counts.
 */
@Command(name = "workbook demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the Stream Workbook platform: embedded Kafka, PostgreSQL and ClickHouse, no Docker.")
public final class PlatformDemo implements Callable<Integer> {

    @Option(names = "--external", description = "use the servers of ./workbook up or docker compose up (localhost:9092/5432/8123)")
    boolean external;
    @Option(names = "--kafka-brokers", defaultValue = "1",
            description = "1, or 3: a KRaft cluster of three brokers (three replicas, min.insync.replicas 2) for the broker drill")
    int kafkaBrokers;
    @Option(names = "--rate", defaultValue = "3000", description = "events per second (default ${DEFAULT-VALUE}; 0 = as fast as possible)")
    double rate;
    @Option(names = "--speed", defaultValue = "0",
            description = "simulated seconds per real second, with the shop's daily rhythm (default: off, a steady --rate)")
    double speed;
    @Option(names = "--duration", converter = DurationConverter.class, description = "stop after this long, e.g. 90s, 10m (default: at Ctrl-C)")
    Duration duration;
    @Option(names = "--events", description = "a bounded batch: N records, one bounded job, exact counts at the end")
    Long events;
    @Option(names = "--invalid", defaultValue = "0.002", description = "share of records broken on purpose, dead-lettered (default ${DEFAULT-VALUE})")
    double invalid;
    @Option(names = "--parallelism", defaultValue = "2", description = "the job's parallelism (default ${DEFAULT-VALUE})")
    int parallelism;
    @Option(names = "--seed", defaultValue = "42", description = "the same seed gives the same shop (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--api-port", defaultValue = "8080", description = "the API and dashboard (default ${DEFAULT-VALUE})")
    int apiPort;
    @Option(names = "--ui-port", defaultValue = "8081", description = "the Flink web UI (default ${DEFAULT-VALUE})")
    int uiPort;
    @Option(names = "--lag-port", defaultValue = "9308", description = "the consumer-lag metrics endpoint (default ${DEFAULT-VALUE})")
    int lagPort;
    @Option(names = "--flink-cluster", description = "submit the job jar to the Flink cluster of ./workbook up --flink "
            + "(REST and UI on --ui-port) instead of running the job in this JVM")
    boolean flinkCluster;
    @Option(names = "--taskmanagers", defaultValue = "0",
            description = "start a Flink cluster of the demo's own, a JobManager and this many TaskManagers as processes (REST and UI "
                    + "on --ui-port), and submit the job jar to it: the taskmanager and rescale drills then run live (default: the job in this JVM)")
    int taskManagers;
    @Option(names = "--no-prometheus", description = "do not start Prometheus even if it is installed")
    boolean noPrometheus;
    @Option(names = "--dashboards", defaultValue = "0",
            description = "simulate this many open dashboards (each refreshes every 5 s) and report the API's latency")
    int dashboards;
    @Option(names = "--drill", description = "run this drill once the platform flows, print the counts, and stop: "
            + "broker (with --kafka-brokers 3: one of the three), clickhouse (taskmanager and rescale need a Flink cluster: see final/README.md)")
    String drill;
    @Option(names = "--status-every", defaultValue = "5s", converter = DurationConverter.class,
            description = "how often the status line is printed (default ${DEFAULT-VALUE})")
    Duration statusEvery;

    private final PrintStream out;
    private final PlatformServers givenServers;
    private Outcome outcome;
    /** Counted down when {@link #call} is over, servers stopped included: what a Ctrl-C waits for. */
    private final CountDownLatch finished = new CountDownLatch(1);

    /** What a bounded run found, for the end-to-end test. */
    record Outcome(String topicPrefix, Reconciliation counts, Map<String, Long> eventsByType) {
    }

    public PlatformDemo() {
        this(System.out, null);
    }

    /** With servers the caller owns (tests share one set per JVM). */
    PlatformDemo(PrintStream out, PlatformServers servers) {
        this.out = out;
        this.givenServers = servers;
    }

    Outcome outcome() {
        return outcome;
    }

    public static void main(String[] args) {
        QuietLogs.apply();
        System.exit(new CommandLine(new PlatformDemo()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        if (flinkCluster && taskManagers > 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--flink-cluster uses ./workbook up's Flink cluster, "
                    + "--taskmanagers starts one of the demo's own: choose one");
        }
        if (external && kafkaBrokers != 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--kafka-brokers is for the demo's own servers; with --external, "
                    + "start a cluster with ./workbook up --kafka-brokers 3 and the demo uses it");
        }
        out.println("Stream Workbook — the platform (" + (external ? "external servers" : "its own servers, no Docker") + ")");
        step("Kafka, PostgreSQL and ClickHouse");
        PlatformServers servers = givenServers != null ? givenServers : external ? PlatformServers.external()
                : PlatformServers.local(kafkaBrokers);
        int exit;
        try {
            try {
                out.printf("  Kafka %s · PostgreSQL %s · ClickHouse %s%n", servers.kafka().bootstrapServers(), servers.postgres().jdbcUrl(),
                    servers.clickhouse().httpUrl());
                PlatformRun platform = PlatformRun.prepare(servers, seed, parallelism, events != null, out);
                exit = events != null ? bounded(platform) : live(platform);
            } finally {
                if (givenServers == null) {
                    step("Stopping the servers");
                    servers.close();
                    out.println("  stopped");
                }
            }
            out.printf("%nDone in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        } finally {
            // after Ctrl-C the shutdown hook waits for this: the servers' processes stopped and their temporary
            // directories deleted (100-250 MB of Kafka and ClickHouse data), not only the job and the generator
            finished.countDown();
        }
        return exit;
    }

    /** N records, then one bounded job over them, then the counts. */
    private int bounded(PlatformRun p) throws Exception {
        step(String.format("Week 7's generator: %,d records%s", events, rate > 0 ? String.format(" at %,.0f/s", rate) : ""));
        TrafficPublisher traffic = publisher(p, events);
        long publishing = System.nanoTime();
        traffic.run();
        if (traffic.crash() != null) {
            throw traffic.crash();
        }
        if (traffic.failed() > 0) {
            throw new IllegalStateException(traffic.failed() + " records were not acknowledged by Kafka", traffic.firstFailure());
        }
        out.printf("  acknowledged: %,d valid, %,d broken on purpose, in %.1f s%n", traffic.ackedValid(), traffic.ackedInvalid(),
                (System.nanoTime() - publishing) / 1e9);

        step("Flink: the platform job, bounded (validation → events, rollups, analytics; dead letters)");
        long running = System.nanoTime();
        try (InProcessJob job = InProcessJob.start(p.job(), 0)) {
            job.awaitFinished();
        }
        out.printf("  finished in %.1f s%n", (System.nanoTime() - running) / 1e9);

        step("Reconciliation");
        Reconciliation counts = Reconciliation.of(traffic.ackedValid(), traffic.ackedInvalid(), p.clickhouse(), p.servers().kafka(),
                p.topics().deadLetters(), Instant.parse("9999-01-01T00:00:00Z"));
        out.println("  " + counts.summary());
        try (Connection c = p.clickhouse().connect()) {
            outcome = new Outcome(p.topics().prefix(), counts, ShopReport.eventsByType(c));
            step("ClickHouse: what happened in the shop");
            ShopReport.print(c, out);
        }
        return counts.exact() ? 0 : 1;
    }

    /** The generator, the job, the API, the metrics, until Ctrl-C or --duration. */
    private int live(PlatformRun p) throws Exception {
        CountDownLatch stopRequested = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                finished.await(120, TimeUnit.SECONDS); // the main thread stops everything in order, then the JVM may exit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "platform-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        LiveParts parts = new LiveParts();
        DrillControl control = drill == null ? DrillControl.open(System.getProperty("workbook.home")) : null;
        try {
            if (taskManagers > 0) {
                step("Flink: a cluster of the demo's own (a JobManager, " + taskManagers + " TaskManager(s)), the job jar submitted to it");
                OwnFlinkClusterJob job = OwnFlinkClusterJob.start(p.job(), requiredFile("platform.jobJar"),
                        FlinkClasspath.fromFile(requiredFile("platform.flinkClasspathFile")), taskManagers, uiPort, 9249);
                out.println("  job " + job.jobId().get() + " running (checkpoints every 5 s, restarts with back-off)");
                parts.job = job;
            } else if (flinkCluster) {
                step("Flink: the platform's job jar, submitted to the cluster on port " + uiPort + " as flink run does");
                ClusterJob job = ClusterJob.submit(p.job(), requiredFile("platform.jobJar"),
                        FlinkClasspath.fromFile(requiredFile("platform.flinkClasspathFile")), uiPort,
                        Path.of(System.getProperty("java.io.tmpdir")));
                out.println("  job " + job.id() + " submitted (checkpoints every 5 s, restarts with back-off)");
                parts.job = job;
            } else {
                step("Flink: the platform job, in this JVM (checkpoints every 5 s, restarts with back-off)");
                parts.job = InProcessJob.start(p.job(), uiPort);
            }
            step("API and dashboard (week 12), consumer lag (week 9), Prometheus");
            parts.api = ApiServer.builder(p.clickhouse()).port(apiPort).refreshRollups(Duration.ofSeconds(30)).build().start();
            parts.lag = new LagExporter(p.servers().kafka(), new CommittedOffsetLag(), Pattern.compile(Pattern.quote(p.job().groupId())),
                    Clock.systemUTC());
            parts.lagServer = parts.lag.serve(lagPort);
            if (!noPrometheus) {
                parts.prometheus = PrometheusServer.startIfInstalled(workbookRoot(), List.of("localhost:9249", "localhost:9250", "localhost:9251"),
                        "localhost:" + lagPort, out);
            }
            parts.traffic = publisher(p, Long.MAX_VALUE);
            parts.generator = new Thread(parts.traffic, "generator");
            parts.generator.start();

            out.println();
            out.println("  dashboard      " + parts.api.url() + "/");
            out.println("  API            " + parts.api.url() + "/api/health   (OpenAPI: " + parts.api.url() + "/openapi.json)");
            out.println("  Flink UI       http://localhost:" + uiPort + "/");
            out.println("  consumer lag   http://localhost:" + parts.lagServer.getPort() + "/metrics");
            out.println("  Flink metrics  http://localhost:9249/metrics");
            if (parts.prometheus != null) {
                out.println("  Prometheus     " + parts.prometheus.url() + "/   (alerts: " + parts.prometheus.url() + "/alerts)");
            }
            if (control != null) {
                out.println("  drills         ./workbook drill broker|clickhouse" + (taskManagers > 0 ? "|taskmanager|rescale" : "")
                        + "   (in another terminal" + (p.servers().kafkaCluster() != null ? "; broker: one of the three" : "") + ")");
            }
            out.printf("  generating %s into %s*; %s%n", speed > 0 ? rate + " events/s on average at " + speed + "× speed"
                            : rate > 0 ? String.format("%,.0f events/s", rate) : "as fast as possible", p.topics().prefix(),
                    duration != null ? "for " + duration.toSeconds() + " s" : "Ctrl-C stops everything");
            out.println();

            if (drill != null) {
                DrillRunner.Result result = new DrillRunner(p, parts.traffic, parts.job::state, parts.job::watermarks, out)
                        .run(drillNamed(drill, p, parts), Duration.ofSeconds(20));
                return result.after().exact() ? 0 : 1;
            }
            if (dashboards > 0) {
                parts.dashboards = new DashboardLoad(parts.api.url(), dashboards, Duration.ofSeconds(5));
            }
            int ticks = 0;
            StatusLine status = new StatusLine(parts.traffic, parts.lag, p.clickhouse(), p.servers().kafka(), p.topics(), parts.job::state);
            long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            while (!stopRequested.await(Math.min(statusEvery.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
                    TimeUnit.MILLISECONDS)) {
                out.println(status.next());
                if (parts.dashboards != null && ++ticks % 12 == 0) {
                    out.println("  dashboards: " + parts.dashboards.interval());
                }
                String requested = control != null ? control.takeRequest() : null;
                if (requested != null) {
                    startDrill(requested, p, parts, control);
                }
                if (parts.traffic.crash() != null) {
                    throw new IllegalStateException("the generator stopped: " + parts.traffic.crash(), parts.traffic.crash());
                }
                if (System.nanoTime() >= deadline) {
                    break;
                }
            }
            if (parts.dashboards != null) {
                out.println("  dashboards over the whole run: " + parts.dashboards.overall());
            }
            if (duration != null && stopRequested.getCount() > 0) {
                return drainAndReconcile(p, parts);
            }
            return 0;
        } finally {
            step("Stopping the generator, the job, the API, the metrics");
            parts.close();
            out.println("  stopped");
            if (control != null) {
                control.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyStopping) {
                // Ctrl-C: the hook is running and waits for call() to end, the servers stopped
            }
        }
    }

    /** The drills this demo can run: those whose servers are its own children. */
    private Drill drillNamed(String name, PlatformRun p, LiveParts parts) {
        return switch (name) {
            case "broker" -> p.servers().kafkaCluster() != null
                    ? new OneBrokerOfThreeDrill(p.servers().kafkaCluster(), p.topics(), parts.traffic, Duration.ofSeconds(20))
                    : new BrokerRestartDrill(p.servers().broker(), Duration.ofSeconds(15));
            case "clickhouse" -> new ClickHouseOutageDrill(p.servers().clickhouseServer(), Duration.ofSeconds(20), parts.api.url());
            case "taskmanager" -> new TaskManagerKillDrill(ownCluster(parts, name).flink(), ownCluster(parts, name).jobId().get(),
                    Duration.ofSeconds(15));
            case "rescale" -> new RescaleDrill(ownCluster(parts, name).flink(), ownCluster(parts, name).jobJar(), p.job(),
                    ownCluster(parts, name).jobId());
            default -> throw new IllegalArgumentException("no drill '" + name + "': broker, clickhouse, taskmanager, rescale");
        };
    }

    /** The demo's own Flink cluster, which the TaskManager and rescale drills need. */
    private static OwnFlinkClusterJob ownCluster(LiveParts parts, String drill) {
        if (parts.job instanceof OwnFlinkClusterJob own) {
            return own;
        }
        throw new IllegalArgumentException("the " + drill + " drill needs TaskManagers that are the demo's own processes: start the demo "
                + "with --taskmanagers 2 (here the job runs " + (parts.job instanceof ClusterJob ? "on ./workbook up's cluster" : "in this JVM") + ")");
    }

    /** A drill asked for by {@code ./workbook drill}, in a thread of its own, while the status lines go on. */
    private volatile Thread drillThread;

    private void startDrill(String name, PlatformRun p, LiveParts parts, DrillControl control) {
        if (drillThread != null && drillThread.isAlive()) {
            out.println("  (a drill is running already: '" + name + "' ignored)");
            return;
        }
        drillThread = new Thread(() -> {
            try (PrintStream drillOut = control.drillOutput(out)) {
                try {
                    DrillRunner.Result result = new DrillRunner(p, parts.traffic, parts.job::state, parts.job::watermarks, drillOut)
                            .run(drillNamed(name, p, parts), Duration.ofSeconds(20));
                    drillOut.println("  " + (result.after().exact() ? "nothing lost, nothing doubled" : "COUNTS DIFFER: see above"));
                } catch (Exception e) {
                    drillOut.println("  drill " + name + " not run: " + e.getMessage());
                }
                drillOut.println(DrillControl.OVER);
            } catch (java.io.IOException e) {
                out.println("  drill " + name + ": cannot write its log: " + e.getMessage());
            }
        }, "drill-" + name);
        drillThread.setDaemon(true);
        drillThread.start();
    }

    /** After a timed run: stop the generator, let the job catch up, and print the exact counts. */
    private int drainAndReconcile(PlatformRun p, LiveParts parts) throws Exception {
        parts.stopGenerator();
        step("Timed run over: the generator stopped, waiting for the job to catch up");
        Reconciliation counts = p.awaitCaughtUp(parts.traffic, Duration.ofMinutes(3));
        out.println("  " + counts.summary());
        return counts.exact() ? 0 : 1;
    }

    private TrafficPublisher publisher(PlatformRun p, long limit) {
        Duration span;
        if (speed > 0) {
            span = (duration != null ? duration : Duration.ofHours(1)).multipliedBy((long) Math.max(1, speed));
        } else {
            span = events != null ? Duration.ofSeconds((long) (events / Math.max(rate, 1))) : null;
        }
        return p.publisher(rate, speed, invalid, limit, span);
    }

    /** A file the launcher names in a system property (the job jar, the Flink classpath). */
    private static Path requiredFile(String property) {
        String value = System.getProperty(property);
        if (value == null || !java.nio.file.Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("-D" + property + " names no file (" + value + "): run the demo with ./workbook demo");
        }
        return Path.of(value);
    }

    static Path workbookRoot() {
        String root = System.getProperty("workbook.root");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    }

    private void step(String title) {
        PlatformRun.step(out, title);
    }
}
