package streamworkbook.week06;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.kit.shop.ShopTraffic;

/** Test fixtures: topics and records on the shared broker, fresh ClickHouse databases, expected results. */
final class Fixtures {

    /** The plain MergeTree events table of 6.1's tests (6.2 makes it idempotent). */
    static final String PLAIN_EVENTS_TABLE = "CREATE TABLE events (" + EventsTable.COLUMNS
            + ") ENGINE = MergeTree PARTITION BY toYYYYMM(event_time) ORDER BY (event_type, event_time)";

    /** Counts and revenue of one event type: what the tables must answer. */
    record TypeCount(String type, long events, BigDecimal revenue) {
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Fixtures() {
    }

    /**
     * A Flink test cluster of {@code taskManagers} TaskManagers of {@code slotsEach} slots. Spare ones, because the
     * JDBC connector 4.0.0-2.0 flushes its buffer again in {@code close()} and throws when that fails too, and Flink
     * treats an exception while a failed task cleans up as fatal for its TaskManager, which shuts down. A real
     * cluster replaces a lost TaskManager (Kubernetes, YARN, a restarting container); here the spare ones stand in
     * for the replacements, so that a job whose sink gave up — on purpose, or in a wrong answer — leaves slots for
     * the restarts and for the next test.
     */
    static MiniClusterExtension clusterWithSpareTaskManagers(int taskManagers, int slotsEach) {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_PORT, "0"); // random REST port: builds of several modules may run at once
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(16));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(32));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(32));
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(config)
                .setNumberTaskManagers(taskManagers)
                .setNumberSlotsPerTaskManager(slotsEach)
                .build());
    }

    /** {@code count} deterministic events, one every {@code step} ms from 2026-11-24 10:00 UTC, some out of order. */
    static List<ShopEvent> traffic(long seed, int count, long stepMillis) {
        ShopTraffic traffic = ShopTraffic.seed(seed).startingAt(Instant.parse("2026-11-24T10:00:00Z"))
                .gap(Duration.ofMillis(stepMillis)).disorder(Duration.ofSeconds(3)).build();
        List<ShopEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(traffic.next());
        }
        return events;
    }

    static List<TypeCount> expectedCounts(List<ShopEvent> events) {
        Map<String, TypeCount> byType = new TreeMap<>();
        for (ShopEvent e : events) {
            byType.merge(e.type().wireName(), new TypeCount(e.type().wireName(), 1, e.revenue().setScale(2)),
                    (a, b) -> new TypeCount(a.type(), a.events() + 1, a.revenue().add(b.revenue())));
        }
        return List.copyOf(byType.values());
    }

    // --- Kafka ---

    static String bootstrap() {
        return Infra.kafka().bootstrapServers();
    }

    /** A new topic, ready for producers when this returns. */
    static String newTopic(String prefix, int partitions) throws Exception {
        String name = UniqueNames.next(prefix);
        Infra.kafka().createTopicsIfMissing(List.of(name), partitions);
        return name;
    }

    /** Writes the events as JSON keyed by user, and waits until all are acknowledged. */
    static void produce(String topic, List<ShopEvent> events) {
        Map<String, Object> config = Infra.kafka().clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (ShopEvent e : events) {
                producer.send(new ProducerRecord<>(topic, e.userId(), ShopJson.toBytes(e)));
            }
            producer.flush();
        }
    }

    // --- ClickHouse ---

    static ClickHouseEndpoint freshDatabase() {
        return Infra.clickhouse().withFreshDatabase("w6");
    }

    static void execute(ClickHouseEndpoint ch, String... statements) throws SQLException {
        try (Connection c = ch.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
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

    static List<TypeCount> typeCounts(ClickHouseEndpoint ch, String sql) throws SQLException {
        return query(ch, sql, rs -> new TypeCount(rs.getString("event_type"), rs.getLong("events"),
                rs.getBigDecimal("revenue").setScale(2)));
    }
}
