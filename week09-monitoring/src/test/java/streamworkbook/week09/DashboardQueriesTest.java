package streamworkbook.week09;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.InvalidEventException;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week02.CatalogGenerator;
import streamworkbook.week06.MetricsTable;
import streamworkbook.week06.ShopPipeline;
import streamworkbook.week06.SinkSettings;
import streamworkbook.week07.Catalogue;
import streamworkbook.week07.DisorderRates;
import streamworkbook.week07.GeneratorSettings;
import streamworkbook.week07.Pacing;
import streamworkbook.week07.ShopGenerator;
import streamworkbook.week07.Ticker;
import streamworkbook.week07.TrafficShape;

/**
 * Every dashboard query against the real thing, since Grafana cannot run here: the whole monitored pipeline runs —
 * week 7's generator (3 % broken records) into a Kafka broker that has the JMX exporter attached, week 6's job with
 * week 9's metered operator and Flink's Prometheus reporter, into ClickHouse; the consumer-lag exporter; and a real
 * Prometheus scraping all three every second and evaluating the week's rules. Then each Prometheus panel's query must
 * return data from that Prometheus, and each ClickHouse panel's SQL must return rows from that ClickHouse. On the way,
 * the pipeline's counters must equal what the topics hold, exactly. Reference solutions throughout: credits no exercise.
 */
class DashboardQueriesTest {

    private static final String PORTS = ReporterCluster.freePortRange();

    @RegisterExtension
    static final MiniClusterExtension FLINK = ReporterCluster.cluster(PORTS);

    private static final int RECORDS = 3_000;

    private static String jobName;
    private static JobClient job;
    private static ClickHouseEndpoint clickhouse;
    private static LagExporter lagExporter;
    private static HTTPServer lagServer;
    private static PrometheusServer prometheus;
    private static long readable;
    private static long unreadable;

    @BeforeAll
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // starts a broker JVM, ClickHouse, a Flink job and Prometheus
    static void runTheMonitoredPipeline(@InjectMiniCluster MiniCluster cluster) throws Exception {
        ExporterBroker broker = ExporterBroker.shared();
        KafkaEndpoint kafka = broker.kafka();
        String prefix = UniqueNames.next("w9dash") + "-";
        List<String> topics = ShopGenerator.topics(prefix);
        kafka.createTopicsIfMissing(topics, 2);

        clickhouse = Infra.clickhouse().withFreshDatabase("w9_dashboards");
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
            s.execute(new streamworkbook.week06.solutions.ReplacingEvents().createEventsTable());
            s.execute(MetricsTable.CREATE);
        }

        // six minutes of shop traffic, ending a minute ago: minute windows close, rollups reach ClickHouse
        GeneratorSettings settings = GeneratorSettings.builder(9, Instant.now().minus(Duration.ofMinutes(6)))
                .eventsPerSecond(RECORDS / 300.0).shape(TrafficShape.flat())
                .disorder(new DisorderRates(0, Duration.ofSeconds(10), 0, 0.03)).build();
        new ShopGenerator(settings, Catalogue.of(CatalogGenerator.generate(7, 20, 2_000, 1_000), 7),
                new streamworkbook.week07.solutions.FunnelSession(), new streamworkbook.week07.solutions.ShopRhythm(settings.shape()),
                new streamworkbook.week07.solutions.SchemaContracts())
                .send(kafka, prefix, new streamworkbook.week07.solutions.SteadyPacer(Pacing.unlimited(), Ticker.SYSTEM),
                        ShopGenerator.Limit.records(RECORDS), sent -> { });
        countWhatTheTopicsHold(kafka, topics);

        jobName = UniqueNames.next("w9-dashboards");
        String group = jobName;
        StreamExecutionEnvironment env = ReporterCluster.environment(cluster, 2);
        env.enableCheckpointing(1_000, CheckpointingMode.AT_LEAST_ONCE); // offsets reach the group at checkpoints
        MonitoredPipeline.build(env, ShopPipeline.source(kafka.bootstrapServers(), group, false, topics.toArray(String[]::new)),
                clickhouse, new streamworkbook.week06.solutions.JdbcClickHouseWriter(),
                new streamworkbook.week06.solutions.WindowRollups(), new SinkSettings(500, Duration.ofMillis(200), 2),
                new streamworkbook.week09.solutions.MeteredEvents());
        job = env.executeAsync(jobName);
        URI flinkMetrics = ReporterCluster.awaitMetric(PORTS, job, jobName,
                EventMetrics.prometheusName(EventMetrics.EVENTS_IN), Duration.ofSeconds(60));

        lagExporter = new LagExporter(kafka, new streamworkbook.week09.solutions.CommittedOffsetLag(),
                Pattern.compile(Pattern.quote(group)), Clock.systemUTC());
        lagServer = lagExporter.serve(0);

        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("flink", flinkMetrics.getAuthority());
        targets.put("kafka-lag", "localhost:" + lagServer.getPort());
        targets.put("kafka", "localhost:" + broker.exporterPort());
        prometheus = PrometheusServer.start(targets, List.of(RuleFiles.GIVEN_ALERTS,
                RuleFiles.REFERENCE.resolve("shop-alerts.yml"), RuleFiles.REFERENCE.resolve("shop-recording-rules.yml")));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (lagServer != null) {
            lagServer.close();
        }
        if (lagExporter != null) {
            lagExporter.close();
        }
        if (job != null && !job.getJobStatus().get().isGloballyTerminalState()) {
            job.cancel().get();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // waits for scrapes, rule evaluations and checkpoints, each a second apart
    void everyPrometheusPanelReturnsDataAndTheCountersMatchTheTopics() throws Exception {
        awaitTrue(() -> prometheus.targetHealth().values().stream().allMatch("up"::equals) && prometheus.targetHealth().size() == 3,
                () -> "scrape targets: " + prometheus.targetHealth(), Duration.ofSeconds(30));

        String ofJob = "{job_name=\"" + ReporterCluster.labelValue(jobName) + "\"}";
        awaitValue("sum(" + EventMetrics.prometheusName(EventMetrics.EVENTS_IN) + ofJob + ")", readable);
        awaitValue("sum(flink_taskmanager_job_task_operator_deserializer_malformedRecords" + ofJob + ")", unreadable);
        assertTrue(unreadable > 0, "the generator's broken records include unreadable ones");

        List<String> empty = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (Dashboards.Query q : Dashboards.queries()) {
            if (!q.datasourceType().equals(Dashboards.PROMETHEUS)) {
                continue;
            }
            String promql = Dashboards.promql(q.text());
            JsonNode result = prometheus.query(promql);
            while (result.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(500);
                result = prometheus.query(promql);
            }
            if (result.isEmpty()) {
                empty.add(q + ": " + promql);
            }
        }
        assertEquals(List.of(), empty, "dashboard queries that returned no data (Prometheus targets: " + prometheus.targetHealth() + ")");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // waits for the sink's batches and the rollups' windows
    void everyClickHousePanelReturnsRows() throws Exception {
        awaitTrue(() -> single("SELECT uniqExact(event_id) FROM events") == readable,
                () -> "events in ClickHouse: " + single("SELECT uniqExact(event_id) FROM events") + ", expected " + readable,
                Duration.ofSeconds(60));
        awaitTrue(() -> single("SELECT count() FROM metrics FINAL WHERE level = 'minute'") > 0,
                () -> "no minute metrics in ClickHouse yet", Duration.ofSeconds(60));
        Instant to = Instant.now().plus(Duration.ofMinutes(5));
        Instant from = to.minus(Duration.ofHours(1));
        List<String> empty = new ArrayList<>();
        int panels = 0;
        for (Dashboards.Query q : Dashboards.queries()) {
            if (!q.datasourceType().equals(Dashboards.CLICKHOUSE)) {
                continue;
            }
            panels++;
            try (Connection c = clickhouse.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(Dashboards.clickhouseSql(q.text(), from, to))) {
                if (!rs.next()) {
                    empty.add(q.toString());
                }
            }
        }
        assertEquals(6, panels, "ClickHouse panels");
        assertEquals(List.of(), empty, "ClickHouse panels whose SQL returned no rows");
    }

    /** What the job must count: records that parse as shop events, and those that do not. */
    private static void countWhatTheTopicsHold(KafkaEndpoint kafka, List<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.clientConfig(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(t -> consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        ShopJson.fromBytes(r.value());
                        readable++;
                    } catch (InvalidEventException e) {
                        unreadable++;
                    }
                }
            }
        }
        assertEquals(RECORDS, readable + unreadable, "records in the topics");
    }

    private static void awaitValue(String promql, double expected) throws Exception {
        awaitTrue(() -> {
            JsonNode r = prometheus.query(promql);
            return r.size() == 1 && r.get(0).path("value").get(1).asDouble() == expected;
        }, () -> promql + " = " + prometheus.query(promql) + ", expected " + expected, Duration.ofSeconds(40));
    }

    private static long single(String sql) throws Exception {
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    interface Describe {
        String what() throws Exception;
    }

    private static void awaitTrue(Check check, Describe describe, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ReporterCluster.rethrowIfFailed(job);
            if (check.holds()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(describe.what() + " (after " + timeout.toSeconds() + " s)");
    }
}
