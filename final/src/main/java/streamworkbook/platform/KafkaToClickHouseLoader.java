package streamworkbook.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import streamworkbook.kit.shop.InvalidEventException;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;

/**
 * Until the Flink jobs of weeks 3–6 take over: a consumer group that loads shop events into
 * ClickHouse. It inserts a polled batch first and commits its offsets after, so a crash replays
 * the batch instead of losing it (at-least-once; week 6 makes the replay harmless).
 */
final class KafkaToClickHouseLoader {

    record Result(long loaded, long malformed) {
    }

    private static final int BATCH = 50_000;

    private KafkaToClickHouseLoader() {
    }

    static Result load(Map<String, Object> kafka, Collection<String> topics, String groupId, Connection clickhouse,
            long expected, Duration timeout) throws SQLException {
        Map<String, Object> config = new java.util.HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20_000);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        long loaded = 0;
        long malformed = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            List<ShopEvent> batch = new ArrayList<>();
            while (loaded + malformed < expected && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    try {
                        batch.add(ShopJson.fromBytes(record.value()));
                    } catch (InvalidEventException e) {
                        malformed++;
                    }
                }
                // insert in large batches, and commit only what ClickHouse already holds
                if (batch.size() >= BATCH || (records.isEmpty() && !batch.isEmpty()) || loaded + malformed + batch.size() >= expected) {
                    EventsTable.insert(clickhouse, batch);
                    loaded += batch.size();
                    batch.clear();
                    consumer.commitSync();
                }
            }
        }
        return new Result(loaded, malformed);
    }
}
