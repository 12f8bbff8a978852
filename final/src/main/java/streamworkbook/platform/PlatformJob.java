package streamworkbook.platform;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.ClickHouseWriter;
import streamworkbook.week06.ShopPipeline;
import streamworkbook.week06.SinkSettings;
import streamworkbook.week08.Alert;
import streamworkbook.week08.AlertJson;
import streamworkbook.week08.AnalyticsJob;
import streamworkbook.week08.AnalyticsSettings;
import streamworkbook.week08.AnalyticsTables;
import streamworkbook.week09.MonitoredPipeline;
import streamworkbook.week09.solutions.MeteredEvents;
import streamworkbook.week10.ContractRules;
import streamworkbook.week10.RawRecords;
import streamworkbook.week10.RecordRules;
import streamworkbook.week10.DeadLetters;
import streamworkbook.week10.RawRecord;
import streamworkbook.week10.Validation;
import streamworkbook.week10.solutions.ShopRecordValidation;

/**
 * The platform's one Flink job, wired from the weeks' reference solutions:
 *
 * <pre>
 * Kafka (6 topics) ─► week 10 validation ─┬─► dead letters (Kafka)
 *                                         └─► week 9 metered events ─┬─► week 6 events + minute/hour/day rollups (ClickHouse)
 *                                                                    └─► week 8 series, percentiles, trends, alerts (ClickHouse, Kafka)
 * </pre>
 *
 * <p>Run in-process by {@code ./workbook demo}, or as a job jar on a Flink cluster ({@link #main}, what
 * {@code flink run} calls): the same graph either way, so a savepoint of one restores in the other.
 */
@Command(name = "platform-job", mixinStandardHelpOptions = true,
        description = "The Stream Workbook platform's Flink job (submit it with flink run).")
public final class PlatformJob implements Callable<Integer> {

    /**
     * What the job needs to know.
     *
     * @param checkpointInterval how often state and Kafka offsets are checkpointed: what a restart reads again
     */
    public record Settings(String bootstrapServers, String topicPrefix, String groupId, ClickHouseEndpoint clickhouse,
                           PostgresEndpoint catalogue, int parallelism, Duration checkpointInterval, boolean bounded)
            implements Serializable {
    }

    /**
     * Rows per INSERT, at most 1 s between INSERTs, 2 retries (the connector waits 1 s, then 2 s): an outage longer than
     * that fails the job, and the restart strategy takes over — week 6's split of work between the sink and Flink.
     */
    public static final SinkSettings SINK = new SinkSettings(10_000, Duration.ofSeconds(1), 2);

    @Option(names = "--bootstrap-servers", required = true) String bootstrapServers;
    @Option(names = "--topic-prefix", defaultValue = "") String topicPrefix;
    @Option(names = "--group", defaultValue = "platform") String group;
    @Option(names = "--clickhouse-url", required = true) String clickhouseUrl;
    @Option(names = "--database", defaultValue = "platform") String database;
    @Option(names = "--postgres-url", required = true) String postgresUrl;
    @Option(names = "--postgres-user", defaultValue = "postgres") String postgresUser;
    @Option(names = "--postgres-password", defaultValue = "postgres") String postgresPassword;
    @Option(names = "--parallelism", defaultValue = "2") int parallelism;
    @Option(names = "--checkpoint-interval", defaultValue = "PT5S", description = "ISO-8601, e.g. PT5S") Duration checkpointInterval;
    @Option(names = "--bounded", description = "stop at the offsets that are the latest at the start") boolean bounded;

    /** The job jar's entry point: builds the job and submits it to the cluster that {@code flink run} points at. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new PlatformJob()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = new Settings(bootstrapServers, topicPrefix, group,
                ClickHouseEndpoint.of(clickhouseUrl, "default", "").withDatabase(database),
                new PostgresEndpoint(postgresUrl, postgresUser, postgresPassword), parallelism, checkpointInterval, bounded);
        // the UI port is only used in-process; on a cluster programEnvironment leaves the cluster's REST port alone
        StreamExecutionEnvironment env = FlinkJobs.programEnvironment(parallelism, 8081);
        build(env, settings);
        // detached (flink run -d): the client returns once the job is submitted
        env.executeAsync(name(settings));
        return 0;
    }

    /** The program arguments that make {@link #main} build the job {@code settings} describe (for {@code flink run}). */
    public static List<String> arguments(Settings settings) {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers", settings.bootstrapServers(),
                "--topic-prefix", settings.topicPrefix(),
                "--group", settings.groupId(),
                "--clickhouse-url", settings.clickhouse().httpUrl(),
                "--database", database(settings.clickhouse()),
                "--postgres-url", settings.catalogue().jdbcUrl(),
                "--postgres-user", settings.catalogue().user(),
                "--postgres-password", settings.catalogue().password(),
                "--parallelism", String.valueOf(settings.parallelism()),
                "--checkpoint-interval", settings.checkpointInterval().toString()));
        if (settings.bounded()) {
            args.add("--bounded");
        }
        return args;
    }

    /** The database a ClickHouse endpoint's JDBC URL names ({@code jdbc:clickhouse://host:port/db?…}). */
    static String database(ClickHouseEndpoint clickhouse) {
        return clickhouse.jdbcUrl().replaceFirst("^jdbc:clickhouse://[^/]+/?", "").replaceFirst("\\?.*$", "");
    }

    public static String name(Settings settings) {
        return "platform " + settings.topicPrefix() + "shop-*";
    }

    /**
     * Checkpoints and restarts. EXACTLY_ONCE here means aligned barriers, and it matters even though the sinks are
     * at-least-once: with unaligned (AT_LEAST_ONCE) barriers a window's state may already hold records that come
     * again after a restore, and the rollups would count them twice. The sinks' duplicates are absorbed by the
     * ReplacingMergeTree tables; counts in state are not.
     */
    public static void configure(StreamExecutionEnvironment env, Duration checkpointInterval) {
        env.enableCheckpointing(checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        // kit's FlinkJobs sets "none" so that the weeks' tests fail fast; a platform comes back by itself:
        // after 500 ms, 1 s, 2 s … at most 10 s apart, as long as it takes (ClickHouse may be down for minutes)
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofMillis(500));
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofSeconds(10));
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        env.configure(restarts);
    }

    /** Adds the whole job to {@code env}, checkpointing and restarts included; reads the catalogue's rules first. */
    public static void build(StreamExecutionEnvironment env, Settings settings) throws java.sql.SQLException {
        configure(env, settings.checkpointInterval());
        build(env, settings, ContractRules.load(settings.catalogue()));
    }

    static void build(StreamExecutionEnvironment env, Settings settings, RecordRules rules) {
        PlatformTopics topics = new PlatformTopics(settings.topicPrefix());
        String bootstrap = settings.bootstrapServers();
        if (settings.bounded()) {
            env.configure(EventTimeAtSource.watermarksOnlyAtTheEnd());
        }
        // week 10's ValidationStage, except that the watermarks come from the source, per partition (see EventTimeAtSource)
        DataStream<RawRecord> raw = env.fromSource(
                RawRecords.source(bootstrap, settings.groupId(), settings.bounded(), topics.sources().toArray(String[]::new)),
                EventTimeAtSource.watermarks(), "raw shop records");
        SingleOutputStreamOperator<ShopEvent> valid = new ShopRecordValidation().validate(raw, rules);
        valid.getSideOutput(Validation.DEAD_LETTERS).sinkTo(DeadLetters.sink(bootstrap, topics.deadLetters())).name("dead letters");
        DataStream<ShopEvent> events = MonitoredPipeline.metered(valid, new MeteredEvents());

        ClickHouseWriter writer = new PlatformClickHouseWriter();
        // week 6's rollups, with late events counted (see LateAwareRollups)
        ShopPipeline.writeTo(events, settings.clickhouse(), writer, new LateAwareRollups(), SINK);

        AnalyticsJob.Outputs analysed = AnalyticsJob.analyse(events, AnalyticsSettings.defaults(), AnalyticsJob.Parts.solutions());
        writeAnalytics(analysed, settings.clickhouse(), writer, bootstrap, topics.alerts());
    }

    /** Week 8's {@code AnalyticsJob.writeTo}, with the platform's writer, and alerts counted for Prometheus (week 9). */
    private static void writeAnalytics(AnalyticsJob.Outputs outputs, ClickHouseEndpoint clickhouse, ClickHouseWriter writer,
                                       String bootstrap, String alertsTopic) {
        outputs.points().sinkTo(writer.sink(clickhouse, AnalyticsTables.INSERT_POINT, AnalyticsTables::bindPoint, SINK))
                .name("ClickHouse metric_points");
        outputs.percentiles().sinkTo(writer.sink(clickhouse, AnalyticsTables.INSERT_PERCENTILES, AnalyticsTables::bindPercentiles, SINK))
                .name("ClickHouse price_percentiles");
        outputs.trends().sinkTo(writer.sink(clickhouse, AnalyticsTables.INSERT_TREND, AnalyticsTables::bindTrend, SINK))
                .name("ClickHouse trends");
        DataStream<Alert> alerts = MonitoredPipeline.countedAlerts(outputs.alerts());
        alerts.sinkTo(writer.sink(clickhouse, AnalyticsTables.INSERT_ALERT, AnalyticsTables::bindAlert, SINK)).name("ClickHouse alerts");
        alerts.sinkTo(KafkaSink.<Alert>builder()
                        .setBootstrapServers(bootstrap)
                        .setRecordSerializer(KafkaRecordSerializationSchema.<Alert>builder()
                                .setTopic(alertsTopic)
                                // keyed by series, as week 8 does: one series' alerts stay in order on one partition
                                .setKeySerializationSchema(a -> a.series().getBytes(StandardCharsets.UTF_8))
                                .setValueSerializationSchema(new AlertJson())
                                .build())
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build())
                .name("Kafka " + alertsTopic);
    }
}
