package streamworkbook.week06;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
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
import streamworkbook.kit.shop.EventSender;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopTraffic;

/**
 * The week's pipeline as a program: shop events from the six Kafka topics, through Flink, into
 * ClickHouse — raw events (idempotent, 6.1 + 6.2) and minute/hour/day metrics (6.3), with
 * checkpoints and restarts (6.4). It publishes sample events itself (week 7 brings the generator)
 * and prints what ClickHouse holds every few seconds.
 *
 * <pre>
 * ./workbook up
 * ./workbook run week06 PipelineApp               # your code (exercises 6.1–6.4)
 * ./workbook run week06 PipelineApp --solutions   # the reference solutions
 * </pre>
 */
@Command(name = "PipelineApp", mixinStandardHelpOptions = true,
        description = "Kafka → Flink → ClickHouse: runs week 6's pipeline, with the Flink UI on http://localhost:8081.")
public class PipelineApp implements Callable<Integer> {

    @Option(names = "--generate", defaultValue = "20000",
            description = "publish this many sample events (event times over the last hours) before the job starts; 0 for none (default: ${DEFAULT-VALUE})")
    int generate;

    @Option(names = "--rate", defaultValue = "100",
            description = "then keep publishing this many events per second, event time = now; 0 for none (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--database", defaultValue = "shop", description = "ClickHouse database (default: ${DEFAULT-VALUE})")
    String database;

    @Option(names = "--bootstrap-servers",
            description = "Kafka (default: KAFKA_BOOTSTRAP_SERVERS, or localhost:9092 as `./workbook up` and compose provide)")
    String bootstrapServers;

    @Option(names = "--clickhouse-url",
            description = "ClickHouse HTTP URL (default: CLICKHOUSE_URL, or http://localhost:8123)")
    String clickhouseUrl;

    @Option(names = "--ui-port", defaultValue = "8081", description = "port of the Flink web UI (default: ${DEFAULT-VALUE})")
    int uiPort;

    public static void main(String[] args) {
        // Flink 2.2 registers each JDBC sink committer's "pendingCommittables" gauge again at every checkpoint
        // (its committable collector is copied for the snapshot, FLINK-35321) and warns "Name collision" each time:
        // harmless — the first gauge stays registered — but it would bury the report below every 10 s
        Configurator.setLevel("org.apache.flink.metrics.MetricGroup", Level.ERROR);
        Programs.main(new PipelineApp(), "week06-sink", args);
    }

    @Override
    public Integer call() throws Exception {
        InfraProvider infra = Infra.forPrograms();
        KafkaEndpoint kafka = bootstrapServers != null ? new KafkaEndpoint(bootstrapServers) : infra.kafka();
        ClickHouseEndpoint server = clickhouseUrl != null ? ClickHouseEndpoint.of(clickhouseUrl, "default", "") : infra.clickhouse();

        ClickHouseWriter writer = Exercises.pick(streamworkbook.week06.exercises.JdbcClickHouseWriter::new,
                streamworkbook.week06.solutions.JdbcClickHouseWriter::new);
        IdempotentEvents table = Exercises.pick(streamworkbook.week06.exercises.ReplacingEvents::new,
                streamworkbook.week06.solutions.ReplacingEvents::new);
        Rollups rollups = Exercises.pick(streamworkbook.week06.exercises.WindowRollups::new,
                streamworkbook.week06.solutions.WindowRollups::new);
        Resilience resilience = Exercises.pick(streamworkbook.week06.exercises.CheckpointedRetries::new,
                streamworkbook.week06.solutions.CheckpointedRetries::new);

        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + database);
        }
        ClickHouseEndpoint clickhouse = server.withDatabase(database);
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
            s.execute(table.createEventsTable());
            s.execute(MetricsTable.CREATE);
        }

        List<String> topics = Arrays.stream(EventType.values()).map(EventType::topic).toList();
        kafka.createTopicsIfMissing(topics, 3);
        if (generate > 0) {
            EventSender.send(kafka, ShopTraffic.seed(System.nanoTime())
                    .gap(Duration.ofMillis(500)).disorder(Duration.ofSeconds(3)).endingAt(Instant.now(), generate).iterator(), generate);
            System.out.printf("published %,d sample events%n", generate);
        }

        StreamExecutionEnvironment env = FlinkJobs.programEnvironment(2, uiPort);
        resilience.configure(env, Duration.ofSeconds(10));
        ShopPipeline.build(env, ShopPipeline.source(kafka.bootstrapServers(), "week06-pipeline", false,
                topics.toArray(String[]::new)), clickhouse, writer, rollups, resilience.sinkSettings());

        System.out.printf("Flink UI on http://localhost:%d — %s → ClickHouse %s, database %s; Ctrl+C to stop%n",
                uiPort, kafka.bootstrapServers(), clickhouse.httpUrl(), database);
        JobClient job = env.executeAsync("week 6 — Kafka to ClickHouse");
        Thread reporter = new Thread(() -> report(clickhouse), "report");
        reporter.setDaemon(true);
        reporter.start();
        if (rate > 0) {
            long step = Math.max(1, 1000 / rate);
            EventSender.send(kafka, "", ShopTraffic.seed(System.nanoTime()).startingAt(Instant.now())
                    .gap(Duration.ofMillis(step)).disorder(Duration.ofSeconds(3)).build(), Long.MAX_VALUE, step);
        }
        job.getJobExecutionResult().get();
        return 0;
    }

    /** Every 5 s: distinct events, rows not yet merged away, and the metrics of the last complete minutes. */
    private static void report(ClickHouseEndpoint clickhouse) {
        while (true) {
            try {
                Thread.sleep(5_000);
                try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
                    long distinct;
                    long rows;
                    // one query, so both numbers describe the same moment
                    try (ResultSet rs = s.executeQuery("SELECT uniqExact(event_id), count() FROM events")) {
                        rs.next();
                        distinct = rs.getLong(1);
                        rows = rs.getLong(2);
                    }
                    long minutes = single(s, "SELECT count() FROM metrics FINAL WHERE level = 'minute'");
                    System.out.printf("ClickHouse: %,d distinct events (%,d rows before merges), %,d minute metrics%n",
                            distinct, rows, minutes);
                }
            } catch (SQLException e) {
                System.out.println("ClickHouse not answering: " + e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
