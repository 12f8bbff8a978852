package streamworkbook.week08;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.InfraProvider;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.week06.ShopPipeline;
import streamworkbook.week06.SinkSettings;
import streamworkbook.week07.ShopGenerator;

/**
 * The week's analytics job as a program: the generator's topics (week 7) → minute series, moving averages,
 * percentiles, trends and anomalies → ClickHouse, and alerts to {@code shop-alerts}. It prints what ClickHouse holds,
 * and every new alert, every ten seconds.
 *
 * <pre>
 * ./workbook up
 * ./workbook run week07 GeneratorApp --seed-catalogue --rate 200 --speed 60 --duration 10m \
 *     --anomaly traffic-drop,+3h,20m,0.2 --solutions
 * ./workbook run week08 AnalyticsApp --solutions
 * </pre>
 */
@Command(name = "AnalyticsApp", mixinStandardHelpOptions = true,
        description = "Shop events → minute series, moving averages, percentiles, trends, anomalies → ClickHouse and shop-alerts.")
public class AnalyticsApp implements Callable<Integer> {

    @Option(names = "--database", defaultValue = "analytics", description = "ClickHouse database (default: ${DEFAULT-VALUE})")
    String database;

    @Option(names = "--topic-prefix", defaultValue = "", description = "prefix of the generator's topic names (default: none)")
    String prefix;

    @Option(names = "--alerts-topic", defaultValue = "shop-alerts", description = "topic of the alerts (default: ${DEFAULT-VALUE})")
    String alertsTopic;

    @Option(names = "--group", defaultValue = "week08-analytics", description = "Kafka consumer group (default: ${DEFAULT-VALUE})")
    String group;

    @Option(names = "--bootstrap-servers",
            description = "Kafka (default: KAFKA_BOOTSTRAP_SERVERS, or localhost:9092 as `./workbook up` and compose provide)")
    String bootstrapServers;

    @Option(names = "--clickhouse-url", description = "ClickHouse HTTP URL (default: CLICKHOUSE_URL, or http://localhost:8123)")
    String clickhouseUrl;

    @Option(names = "--ui-port", defaultValue = "8081", description = "port of the Flink web UI (default: ${DEFAULT-VALUE})")
    int uiPort;

    public static void main(String[] args) {
        // Flink 2.2 registers each JDBC sink committer's gauge again at every checkpoint and warns (FLINK-35321):
        // harmless, but it would bury the report
        Configurator.setLevel("org.apache.flink.metrics.MetricGroup", Level.ERROR);
        Programs.main(new AnalyticsApp(), "week08-analytics", args);
    }

    @Override
    public Integer call() throws Exception {
        InfraProvider infra = Infra.forPrograms();
        KafkaEndpoint kafka = bootstrapServers != null ? new KafkaEndpoint(bootstrapServers) : infra.kafka();
        kafka.requireReachable();
        ClickHouseEndpoint server = clickhouseUrl != null ? ClickHouseEndpoint.of(clickhouseUrl, "default", "") : infra.clickhouse();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + database);
        }
        ClickHouseEndpoint clickhouse = server.withDatabase(database);
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
            for (String ddl : AnalyticsTables.ALL) {
                s.execute(ddl);
            }
        }
        List<String> topics = ShopGenerator.topics(prefix);
        kafka.createTopicsIfMissing(topics, 3);
        kafka.createTopicsIfMissing(List.of(alertsTopic), 1);

        AnalyticsSettings settings = AnalyticsSettings.defaults();
        StreamExecutionEnvironment env = FlinkJobs.programEnvironment(2, uiPort);
        // checkpoints flush the sinks and commit the Kafka offsets, so a restarted app goes on where it stopped
        env.enableCheckpointing(Duration.ofSeconds(10).toMillis());
        AnalyticsJob.build(env, ShopPipeline.source(kafka.bootstrapServers(), group, false, topics.toArray(String[]::new)),
                Duration.ofSeconds(30), settings, AnalyticsJob.Parts.picked(), clickhouse,
                new SinkSettings(5_000, Duration.ofSeconds(2), 3), kafka.bootstrapServers(), alertsTopic);

        System.out.printf("Flink UI on http://localhost:%d — %s (%s*) → ClickHouse %s, database %s; alerts to %s; Ctrl+C to stop%n",
                uiPort, kafka.bootstrapServers(), prefix + "shop-", clickhouse.httpUrl(), database, alertsTopic);
        JobClient job = env.executeAsync("week 8 — analytics");
        Thread reporter = new Thread(() -> report(clickhouse), "report");
        reporter.setDaemon(true);
        reporter.start();
        job.getJobExecutionResult().get();
        return 0;
    }

    /** Every 10 s: what the tables hold, and the alerts that are new since the last look. */
    private static void report(ClickHouseEndpoint clickhouse) {
        Instant seen = Instant.EPOCH;
        while (true) {
            try {
                Thread.sleep(10_000);
                try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
                    try (ResultSet rs = s.executeQuery("""
                            SELECT (SELECT count() FROM metric_points FINAL WHERE kind = 'value'),
                                   (SELECT max(at) FROM metric_points FINAL WHERE kind = 'value'),
                                   (SELECT count() FROM price_percentiles FINAL),
                                   (SELECT count() FROM trends FINAL),
                                   (SELECT count() FROM alerts FINAL)""")) {
                        rs.next();
                        System.out.printf("ClickHouse: %,d minute values (latest minute %s), %,d percentile rows, %,d trends, %,d alerts%n",
                                rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
                    }
                    try (ResultSet rs = s.executeQuery("SELECT series, minute, rule, value, expected, score, toUnixTimestamp64Milli(written_at) FROM alerts FINAL"
                            + " WHERE written_at > fromUnixTimestamp64Milli(" + seen.toEpochMilli() + ", 'UTC') ORDER BY minute, series, rule")) {
                        while (rs.next()) {
                            System.out.printf("  ALERT %s %-14s %-9s value %,.2f, expected %,.2f, z %.1f%n", rs.getString(2),
                                    rs.getString(1), rs.getString(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6));
                            Instant written = Instant.ofEpochMilli(rs.getLong(7));
                            seen = written.isAfter(seen) ? written : seen;
                        }
                    }
                }
            } catch (SQLException e) {
                System.out.println("ClickHouse not answering: " + e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
