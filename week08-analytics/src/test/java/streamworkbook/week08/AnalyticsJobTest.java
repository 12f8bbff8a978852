package streamworkbook.week08;

import streamworkbook.week06.ShopPipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.testing.CollectedStream;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.week06.SinkSettings;
import streamworkbook.week07.Anomaly;
import streamworkbook.week07.GeneratedRecord;
import streamworkbook.week07.GeneratorSettings;
import streamworkbook.week07.ShopGenerator;
import streamworkbook.week07.TrafficShape;

/**
 * The whole analytics job (reference solutions, {@link AnalyticsSettings#defaults()}), end to end: week 7's generator
 * → Kafka (six topics) → Flink → ClickHouse and {@code shop-alerts}. Credits no exercise.
 *
 * <p>The contract checked: each anomaly the generator injects is alerted on its own series — traffic drop on
 * {@code page_views}, price glitch on {@code avg_price}, checkout failure on {@code checkout_rate} — at a minute
 * within the first {@value #WINDOWS_TO_ALERT} minutes of the anomaly; no alert at all outside the anomalies (an
 * anomaly's minutes and the {@value #RECOVERY} minutes after it, while sessions that started during it finish);
 * 100,000 clean events raise none. Every alert reaches Kafka and ClickHouse exactly once (no replay in a clean run).
 * Traffic starts ten simulated minutes before the job reads it: the shop's first minutes are the sessions' ramp-up.
 */
class AnalyticsJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    static final int WINDOWS_TO_ALERT = 2;
    static final int RECOVERY = 3;

    private static final Instant START = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration WARM_UP = Duration.ofMinutes(10);
    /** Events per second on average over a week: on a Tuesday morning about 65 a second. */
    private static final double RATE = 140;

    record Outcome(List<Alert> alerts, List<Alert> inKafka, List<String> inClickHouse, long clickHouseRows, int events) {
    }

    private static String key(Alert a) {
        return a.series() + " " + a.minute() + " " + a.rule();
    }

    /** Generates [START + WARM_UP, START + WARM_UP + minutes), sends it to Kafka, runs the job to its end. */
    private static Outcome run(GeneratorSettings settings, int minutes) throws Exception {
        List<GeneratedRecord> records = Traffic.records(settings, START.plus(WARM_UP), START.plus(WARM_UP).plus(Duration.ofMinutes(minutes)));
        KafkaEndpoint kafka = Infra.kafka();
        String prefix = UniqueNames.next("w8-") + "-";
        List<String> topics = ShopGenerator.topics(prefix);
        String alertsTopic = prefix + "shop-alerts";
        kafka.createTopicsIfMissing(topics, 2);
        kafka.createTopicsIfMissing(List.of(alertsTopic), 1);
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (GeneratedRecord r : records) {
                producer.send(new ProducerRecord<>(prefix + r.type().topic(), r.key(), r.value()));
            }
        }

        ClickHouseEndpoint clickhouse = Infra.clickhouse().withFreshDatabase("w8_job");
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
            for (String ddl : AnalyticsTables.ALL) {
                s.execute(ddl);
            }
        }
        StreamExecutionEnvironment env = TestFlink.environment(2);
        AnalyticsJob.Outputs outputs = AnalyticsJob.build(env,
                ShopPipeline.source(kafka.bootstrapServers(), prefix + "analytics", true, topics.toArray(String[]::new)),
                null, AnalyticsSettings.defaults(), AnalyticsJob.Parts.solutions(), clickhouse,
                new SinkSettings(2_000, Duration.ofMillis(500), 1), kafka.bootstrapServers(), alertsTopic);
        CollectedStream<Alert> alerts = CollectedStream.of(outputs.alerts());
        TestFlink.run(env, "week 8 analytics");

        List<String> inClickHouse = new ArrayList<>();
        long rows;
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT series, minute, rule FROM alerts FINAL ORDER BY series, minute, rule")) {
                while (rs.next()) {
                    inClickHouse.add(rs.getString(1) + " " + rs.getObject(2, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC)
                            + " " + rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count() FROM alerts")) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        return new Outcome(alerts.values(), readAlerts(kafka, alertsTopic), inClickHouse, rows, records.size());
    }

    private static List<Alert> readAlerts(KafkaEndpoint kafka, String topic) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.next("w8-alerts"));
        List<Alert> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int emptyPolls = 0;
            while (System.nanoTime() < deadline && emptyPolls < 3) {
                var batch = consumer.poll(Duration.ofMillis(500));
                emptyPolls = batch.isEmpty() && !consumer.assignment().isEmpty() ? emptyPolls + 1 : 0;
                batch.forEach(r -> out.add(AlertJson.fromBytes(r.value())));
            }
        }
        return out;
    }

    private static void assertDeliveredOnce(Outcome outcome) {
        Set<String> emitted = outcome.alerts().stream().map(AnalyticsJobTest::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(outcome.alerts().size(), emitted.size(), "each (series, minute, rule) alerted once: " + outcome.alerts());
        assertEquals(List.copyOf(emitted), outcome.inKafka().stream().map(AnalyticsJobTest::key).sorted().toList(),
                "the alerts on the Kafka topic, each once");
        assertEquals(List.copyOf(emitted), outcome.inClickHouse(), "the alerts in ClickHouse");
        assertEquals(emitted.size(), outcome.clickHouseRows(), "rows written to ClickHouse's alerts table (no duplicates)");
    }

    /**
     * Three anomalies in 30 minutes of busier traffic (about 250,000 events) with the shop's usual daily rhythm, after
     * the ten minutes of baseline that the rules need: nine checkouts in ten failing for 4 minutes, prices a
     * hundredfold too low for 3, traffic down to a fifth for 4. Busier, because a checkout rate measured on a
     * hundred-odd purchases a minute is noisy: a 5σ rule needs enough of them to see a 90 % fall at once.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // 250,000 events generated, sent and analysed: ~40 s on a loaded 2-core machine
    void eachInjectedAnomalyIsAlertedOnItsSeriesAndNothingElse() throws Exception {
        // checkout failure first: a traffic drop also bends the checkout rate and the purchases (sessions that were
        // under way still check out), by too little to alert — those minutes join the baselines and widen them
        Instant failure = START.plus(Duration.ofMinutes(21));
        Instant glitch = START.plus(Duration.ofMinutes(28));
        Instant drop = START.plus(Duration.ofMinutes(34));
        List<Anomaly> anomalies = List.of(
                new Anomaly(Anomaly.Kind.TRAFFIC_DROP, drop, Duration.ofMinutes(4), 0.2),
                new Anomaly(Anomaly.Kind.PRICE_GLITCH, glitch, Duration.ofMinutes(3), 0.01),
                new Anomaly(Anomaly.Kind.CHECKOUT_FAILURE, failure, Duration.ofMinutes(4), 0.1));
        GeneratorSettings.Builder settings = GeneratorSettings.builder(808, START).eventsPerSecond(2 * RATE).shape(TrafficShape.typical());
        anomalies.forEach(settings::anomaly);
        Outcome outcome = run(settings.build(), 30);

        Map<Anomaly.Kind, String> seriesOf = Map.of(Anomaly.Kind.TRAFFIC_DROP, MinuteMetrics.PAGE_VIEWS,
                Anomaly.Kind.PRICE_GLITCH, MinuteMetrics.AVG_PRICE, Anomaly.Kind.CHECKOUT_FAILURE, MinuteMetrics.CHECKOUT_RATE);
        for (Anomaly a : anomalies) {
            Instant until = a.from().plus(Duration.ofMinutes(WINDOWS_TO_ALERT));
            assertTrue(outcome.alerts().stream().anyMatch(alert -> alert.series().equals(seriesOf.get(a.kind()))
                            && !alert.minute().isBefore(a.from()) && alert.minute().isBefore(until)),
                    a.kind() + " from " + a.from() + ": no alert on " + seriesOf.get(a.kind()) + " in its first " + WINDOWS_TO_ALERT
                            + " minutes; alerts: " + outcome.alerts());
        }
        List<Alert> outside = outcome.alerts().stream().filter(alert -> anomalies.stream().noneMatch(a ->
                !alert.minute().isBefore(a.from()) && alert.minute().isBefore(a.from().plus(a.duration()).plus(Duration.ofMinutes(RECOVERY)))))
                .toList();
        assertEquals(List.of(), outside, "alerts outside every anomaly (false alarms)");
        assertDeliveredOnce(outcome);
    }

    /** 28 minutes of clean traffic: about 112,000 events. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // 112,000 events generated, sent and analysed: ~25 s on a loaded 2-core machine
    void aHundredThousandCleanEventsRaiseNoAlert() throws Exception {
        Outcome outcome = run(GeneratorSettings.builder(809, START).eventsPerSecond(RATE).shape(TrafficShape.typical()).build(), 28);
        assertTrue(outcome.events() >= 100_000, "the clean traffic has " + outcome.events() + " events");
        assertEquals(List.of(), outcome.alerts(), "alerts in " + outcome.events() + " clean events");
        assertEquals(0, outcome.inKafka().size(), "alerts on the Kafka topic");
        assertEquals(0, outcome.clickHouseRows(), "rows in ClickHouse's alerts table");
        assertTrue(new HashSet<>(outcome.inClickHouse()).isEmpty());
    }
}
