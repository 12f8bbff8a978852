package streamworkbook.week10;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.week02.Catalog;
import streamworkbook.week02.CatalogGenerator;
import streamworkbook.week06.ShopPipeline;
import streamworkbook.week06.SinkSettings;
import streamworkbook.week06.solutions.JdbcClickHouseWriter;
import streamworkbook.week07.Catalogue;
import streamworkbook.week07.DisorderRates;
import streamworkbook.week07.GeneratedRecord;
import streamworkbook.week07.GeneratorSettings;
import streamworkbook.week07.GeneratorStats;
import streamworkbook.week07.Pacing;
import streamworkbook.week07.ShopGenerator;
import streamworkbook.week07.Ticker;
import streamworkbook.week07.TrafficShape;
import streamworkbook.week07.solutions.FunnelSession;
import streamworkbook.week07.solutions.SchemaContracts;
import streamworkbook.week07.solutions.ShopRhythm;
import streamworkbook.week07.solutions.SteadyPacer;

/**
 * Test fixtures: week 7's generator (reference solutions) over week 2's generated catalogue, its records sent into
 * fresh topics on the shared broker, and fresh ClickHouse databases with this week's tables.
 */
final class Traffic {

    /** Week 2's catalogue as a seed load writes it: 2,000 products, 1,000 users. */
    static final Catalog CATALOG = CatalogGenerator.generate(7, 20, 2_000, 1_000);

    /** The simulated clock starts here: a Tuesday morning. */
    static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    /** What was sent: the topics' prefix, the records in the order the generator made them, and its counts. */
    record Sent(String prefix, List<GeneratedRecord> records, GeneratorStats stats) {

        List<String> sourceTopics() {
            return Arrays.stream(EventType.values()).map(t -> prefix + t.topic()).toList();
        }

        String deadLetterTopic() {
            return prefix + DeadLetters.TOPIC;
        }

        /** What the generator did to each broken record, by its bytes (each broken record is unique). */
        Map<ByteBuffer, GeneratedRecord> brokenByBytes() {
            Map<ByteBuffer, GeneratedRecord> broken = new HashMap<>();
            records.stream().filter(r -> r.kind() == GeneratedRecord.Kind.INVALID)
                    .forEach(r -> broken.put(ByteBuffer.wrap(r.value()), r));
            return broken;
        }

        long broken() {
            return stats.sent(GeneratedRecord.Kind.INVALID);
        }
    }

    private Traffic() {
    }

    static ContractRules rules() {
        return ContractRules.of(CATALOG);
    }

    /**
     * {@code count} records at 20 simulated events per second (about ten per minute of each common type), flat
     * traffic, with the given share broken and a few late and duplicate ones, into fresh topics of 2 partitions.
     */
    static Sent send(long seed, int count, double invalid) {
        ShopGenerator generator = generator(seed, invalid);
        KafkaEndpoint kafka = Infra.kafka();
        String prefix = UniqueNames.next("w10") + "-";
        kafka.createTopicsIfMissing(ShopGenerator.topics(prefix), 2);
        kafka.createTopicsIfMissing(List.of(prefix + DeadLetters.TOPIC), 2);
        GeneratorStats stats = generator.send(kafka, prefix, new SteadyPacer(Pacing.unlimited(), Ticker.SYSTEM),
                ShopGenerator.Limit.records(count), sent -> { });
        if (stats.refused() > 0 || stats.sent() != count) {
            throw new IllegalStateException("the generator refused records: " + stats.refusals());
        }
        // the same settings give the same records: the first `count` are those sent
        return new Sent(prefix, first(generator, count), stats);
    }

    /** The first {@code count} records of the generator {@link #send} uses, without Kafka. */
    static List<GeneratedRecord> generated(long seed, int count) {
        return first(generator(seed, 0.05), count);
    }

    private static ShopGenerator generator(long seed, double invalid) {
        GeneratorSettings settings = GeneratorSettings.builder(seed, START).eventsPerSecond(20).shape(TrafficShape.flat())
                .disorder(new DisorderRates(0.02, Duration.ofSeconds(20), 0.02, invalid)).build();
        return new ShopGenerator(settings, Catalogue.of(CATALOG, seed), new FunnelSession(), new ShopRhythm(settings.shape()),
                new SchemaContracts());
    }

    private static List<GeneratedRecord> first(ShopGenerator generator, int count) {
        List<GeneratedRecord> records = new ArrayList<>(count);
        Iterator<GeneratedRecord> all = generator.records();
        for (int i = 0; i < count; i++) {
            records.add(all.next());
        }
        return records;
    }

    /** Every record of the topics, with its coordinates. */
    static List<ConsumerRecord<byte[], byte[]>> read(List<String> topics) {
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        SourceSnapshot.forEach(Infra.kafka(), topics, all::add);
        return all;
    }

    /** Runs the validation over {@code source} to its end: valid events into {@code ch}'s events, dead letters into the topic. */
    static void validate(KafkaSource<RawRecord> source, Validation validation, RecordRules rules, String deadLetterTopic,
                         ClickHouseEndpoint ch) throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment(2);
        DataStream<ShopEvent> events = ValidationStage.attach(env, source, validation, rules, Infra.kafka().bootstrapServers(),
                deadLetterTopic);
        ShopPipeline.writeTo(events, ch, new JdbcClickHouseWriter(), null, new SinkSettings(5_000, Duration.ofMillis(200), 1));
        TestFlink.run(env, "week 10 validation");
    }

    /** Every record of the topics there are now, read by a group of its own. */
    static KafkaSource<RawRecord> everything(List<String> topics) {
        return RawRecords.source(Infra.kafka().bootstrapServers(), UniqueNames.next("w10"), true, topics.toArray(String[]::new));
    }

    // --- ClickHouse ---

    /** A fresh database with the events table (merges stopped: copies stay until the test merges) and source_counts. */
    static ClickHouseEndpoint freshDatabase() throws SQLException {
        ClickHouseEndpoint ch = Infra.clickhouse().withFreshDatabase("w10");
        execute(ch, QualityTables.EVENTS, "SYSTEM STOP MERGES events", QualityTables.SOURCE_COUNTS);
        return ch;
    }

    static void execute(ClickHouseEndpoint ch, String... statements) throws SQLException {
        try (Connection c = ch.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> query(ClickHouseEndpoint ch, String sql, RowMapper<T> mapper) throws SQLException {
        try (Connection c = ch.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    static long count(ClickHouseEndpoint ch, String sql) throws SQLException {
        return query(ch, sql, rs -> rs.getLong(1)).get(0);
    }
}
