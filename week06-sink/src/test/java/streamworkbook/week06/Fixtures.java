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
