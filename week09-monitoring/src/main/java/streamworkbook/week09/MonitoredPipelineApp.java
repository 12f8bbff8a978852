package streamworkbook.week09;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.InfraProvider;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.week02.CatalogGenerator;
import streamworkbook.week06.MetricsTable;
import streamworkbook.week06.ShopPipeline;
import streamworkbook.week07.Catalogue;
import streamworkbook.week07.DisorderRates;
import streamworkbook.week07.GeneratorSettings;
import streamworkbook.week07.GeneratorStats;
import streamworkbook.week07.Pacing;
import streamworkbook.week07.ShopGenerator;
import streamworkbook.week07.Ticker;
import streamworkbook.week07.TrafficShape;

/**
 * Week 6's pipeline, measured: week 7's generator feeds the shop's topics at a steady rate (with a share of broken
 * records), the Flink job reads them through the metered operator (9.1) into ClickHouse, Flink's Prometheus reporter
 * serves every metric on :9249, and the consumer-lag exporter (9.2) serves the job's lag on :9308. With
 * {@code ./workbook up} running Prometheus, open http://localhost:9090 and query them.
 *
 * <pre>
 * ./workbook up
 * ./workbook run week09 MonitoredPipelineApp --solutions
 * ./workbook run week09 MonitoredPipelineApp --rate 2000 --invalid 0.02
 * </pre>
 */
@Command(name = "MonitoredPipelineApp", mixinStandardHelpOptions = true,
        description = "Generator → Kafka → Flink (with metrics) → ClickHouse, exposed to Prometheus.")
public final class MonitoredPipelineApp implements Callable<Integer> {

    @Option(names = "--rate", defaultValue = "500", description = "events generated per second (default: ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--invalid", defaultValue = "0.01", description = "share of records broken on purpose (default: ${DEFAULT-VALUE})")
    double invalid;
    @Option(names = "--late", defaultValue = "0.02", description = "share of events that arrive late (default: ${DEFAULT-VALUE})")
    double late;
    @Option(names = "--database", defaultValue = "shop", description = "ClickHouse database (default: ${DEFAULT-VALUE})")
    String database;
    @Option(names = "--group", defaultValue = "week09-pipeline", description = "the job's Kafka consumer group (default: ${DEFAULT-VALUE})")
    String group;
    @Option(names = "--checkpoint-interval", defaultValue = "10", description = "seconds between checkpoints, and so between offset commits (default: ${DEFAULT-VALUE})")
    int checkpointSeconds;
    @Option(names = "--reporter-ports", defaultValue = MonitoredPipeline.DEFAULT_REPORTER_PORTS,
            description = "ports Flink's Prometheus reporter tries, the first free one wins (default: ${DEFAULT-VALUE})")
    String reporterPorts;
    @Option(names = "--lag-exporter-port", defaultValue = "9308", description = "port of the consumer-lag exporter; 0 for none (default: ${DEFAULT-VALUE})")
    int lagExporterPort;
    @Option(names = "--ui-port", defaultValue = "8081", description = "port of the Flink web UI (default: ${DEFAULT-VALUE})")
    int uiPort;

    public static void main(String[] args) {
        // Flink 2.2 re-registers a sink committer's gauge at every checkpoint and warns about the collision (FLINK-35321)
        Configurator.setLevel("org.apache.flink.metrics.MetricGroup", Level.ERROR);
        Programs.main(new MonitoredPipelineApp(), "week09-monitoring", args);
    }

    @Override
    public Integer call() throws Exception {
        InfraProvider infra = Infra.forPrograms();
        KafkaEndpoint kafka = infra.kafka().requireReachable();
        ClickHouseEndpoint server = infra.clickhouse();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + database);
        }
        ClickHouseEndpoint clickhouse = server.withDatabase(database);
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
            s.execute(new streamworkbook.week06.solutions.ReplacingEvents().createEventsTable());
            s.execute(MetricsTable.CREATE);
        }
        kafka.createTopicsIfMissing(ShopGenerator.topics(""), 3);

        // the lag exporter first, so that the learner's 9.2 is checked before anything else runs
        ConsumerLag lag = Exercises.pick(streamworkbook.week09.exercises.CommittedOffsetLag::new,
                streamworkbook.week09.solutions.CommittedOffsetLag::new);
        LagExporter exporter = new LagExporter(kafka, lag, Pattern.compile(Pattern.quote(group)), Clock.systemUTC());
        HTTPServer lagServer = lagExporterPort > 0 ? exporter.serve(lagExporterPort) : null;

        Configuration config = MonitoredPipeline.withPrometheusReporter(FlinkJobs.configuration(2), reporterPorts);
        config.set(RestOptions.PORT, uiPort);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(config);
        var resilience = new streamworkbook.week06.solutions.CheckpointedRetries();
        resilience.configure(env, Duration.ofSeconds(checkpointSeconds));
        MonitoredPipeline.build(env, ShopPipeline.source(kafka.bootstrapServers(), group, false,
                        ShopGenerator.topics("").toArray(String[]::new)),
                clickhouse, new streamworkbook.week06.solutions.JdbcClickHouseWriter(),
                new streamworkbook.week06.solutions.WindowRollups(), resilience.sinkSettings());
        JobClient job = env.executeAsync("week 9 — monitored pipeline");

        Thread generator = new Thread(() -> generate(kafka), "generator");
        generator.setDaemon(true);
        generator.start();

        System.out.printf("""
                Flink UI          http://localhost:%d
                Flink metrics     http://localhost:%s/metrics (the first free port of %s)
                consumer lag      %s
                Prometheus        http://localhost:9090 (./workbook up starts it where the prometheus binary is installed)
                generating %,.0f events/s (%.1f %% broken on purpose) into %s → ClickHouse %s, database %s; Ctrl+C to stop
                """, uiPort, reporterPorts.split("-")[0], reporterPorts,
                lagServer == null ? "off" : "http://localhost:" + lagServer.getPort() + "/metrics (group " + group + ")",
                rate, invalid * 100, kafka.bootstrapServers(), clickhouse.httpUrl(), database);
        try {
            job.getJobExecutionResult().get();
        } finally {
            if (lagServer != null) {
                lagServer.close();
            }
            exporter.close();
        }
        return 0;
    }

    /** Week 7's generator at a steady rate until the program stops. */
    private void generate(KafkaEndpoint kafka) {
        GeneratorSettings settings = GeneratorSettings.builder(System.nanoTime(), Instant.now())
                .eventsPerSecond(rate)
                .shape(TrafficShape.flat()) // event time keeps pace with the wall clock: the latency panels mean something
                .disorder(new DisorderRates(late, Duration.ofSeconds(20), 0, invalid))
                .build();
        ShopGenerator generator = new ShopGenerator(settings, Catalogue.of(CatalogGenerator.standard(42), 42),
                new streamworkbook.week07.solutions.FunnelSession(), new streamworkbook.week07.solutions.ShopRhythm(settings.shape()),
                new streamworkbook.week07.solutions.SchemaContracts());
        GeneratorStats stats = generator.send(kafka, "", new streamworkbook.week07.solutions.SteadyPacer(Pacing.rate(rate), Ticker.SYSTEM),
                new ShopGenerator.Limit(Long.MAX_VALUE, Duration.ofDays(3650)), sent -> { });
        System.out.println("generator stopped: " + stats);
    }
}
