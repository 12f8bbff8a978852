package streamworkbook.week11.solutions;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import streamworkbook.kit.shop.InvalidEventException;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week11.Floor;
import streamworkbook.week11.FloorJob;
import streamworkbook.week11.bench.ClickHouseHttp;

/**
 * Exercise 11.1, reference solution: poll, parse, encode into one growing RowBinary buffer, POST it when it holds a
 * batch, then commit the offsets of exactly the records in it.
 */
public class RowBinaryFloor implements Floor {

    @Override
    public void writeRow(ShopEvent e, ByteArrayOutputStream out) {
        UUID id = UUID.fromString(e.eventId());
        // a UUID is two UInt64, each little-endian: the high half first
        writeLong(out, id.getMostSignificantBits());
        writeLong(out, id.getLeastSignificantBits());
        writeString(out, e.type().wireName());
        writeLong(out, e.eventTime().toEpochMilli());                  // DateTime64(3): milliseconds since the epoch
        writeString(out, e.userId());
        writeString(out, Objects.requireNonNullElse(e.sessionId(), ""));
        writeString(out, Objects.requireNonNullElse(e.productId(), "")); // LowCardinality(String) travels as a String
        int quantity = Objects.requireNonNullElse(e.quantity(), 0);
        out.write(quantity);                                           // UInt16: two bytes, low byte first
        out.write(quantity >>> 8);
        BigDecimal price = Objects.requireNonNullElse(e.price(), BigDecimal.ZERO);
        writeLong(out, price.movePointRight(2).longValueExact());      // Decimal(12, 2): an Int64 of hundredths
        writeString(out, Objects.requireNonNullElse(e.orderId(), ""));
        out.write(Objects.requireNonNullElse(e.rating(), 0));          // UInt8
        writeString(out, Objects.requireNonNullElse(e.query(), ""));
        writeString(out, Objects.requireNonNullElse(e.page(), ""));
    }

    @Override
    public Result run(FloorJob job, BooleanSupplier stop) {
        Map<String, Object> config = job.kafka().clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, job.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);   // offsets move only after ClickHouse has the rows
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // no committed offset yet: from the beginning
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);     // fewer, larger polls: less overhead per record
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ClickHouseHttp clickhouse = new ClickHouseHttp(job.clickhouse());
        Batch batch = new Batch();
        long events = 0;
        long skipped = 0;
        long inserts = 0;
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(job.partitions()); // the harness chose the partitions: no group rebalancing needed
            Map<TopicPartition, Long> end = job.untilEnd() ? consumer.endOffsets(job.partitions()) : Map.of();
            while (true) {
                if (job.untilEnd() ? reachedEnd(consumer, end) : stop.getAsBoolean()) {
                    break;
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (job.untilEnd() && record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // beyond the end of a bounded run
                    }
                    try {
                        writeRow(ShopJson.fromBytes(record.value()), batch.rows);
                        batch.rowCount++;
                        events++;
                    } catch (InvalidEventException e) {
                        skipped++;
                    }
                    batch.offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                    if (batch.firstAt == 0) {
                        batch.firstAt = System.nanoTime();
                    }
                    if (batch.rowCount == job.batchSize()) {
                        inserts += flush(batch, clickhouse, job.table(), consumer);
                    }
                }
                if (batch.firstAt != 0 && System.nanoTime() - batch.firstAt >= job.maxDelay().toNanos()) {
                    inserts += flush(batch, clickhouse, job.table(), consumer);
                }
            }
            inserts += flush(batch, clickhouse, job.table(), consumer);
        }
        return new Result(events, skipped, inserts);
    }

    /** The rows not yet sent and the offsets just past the records they came from. */
    private static final class Batch {
        final ByteArrayOutputStream rows = new ByteArrayOutputStream(1 << 20);
        final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        int rowCount;
        long firstAt;
    }

    /** Sends the batch (if it holds rows), then commits its offsets; returns the number of INSERTs sent. */
    private static int flush(Batch batch, ClickHouseHttp clickhouse, String table, Consumer<?, ?> consumer) {
        int sent = 0;
        if (batch.rowCount > 0) {
            clickhouse.insertRowBinary(table, batch.rows.toByteArray(), batch.rows.size()); // throws: nothing committed
            sent = 1;
        }
        if (!batch.offsets.isEmpty()) {
            consumer.commitSync(batch.offsets); // after the INSERT: a crash in between re-reads, never skips
        }
        batch.rows.reset();
        batch.offsets.clear();
        batch.rowCount = 0;
        batch.firstAt = 0;
        return sent;
    }

    private static boolean reachedEnd(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    /** A String is its UTF-8 length as an unsigned LEB128 varint, then the bytes. */
    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length;
        while ((length & ~0x7F) != 0) {
            out.write((length & 0x7F) | 0x80);
            length >>>= 7;
        }
        out.write(length);
        out.write(bytes, 0, bytes.length);
    }
}
