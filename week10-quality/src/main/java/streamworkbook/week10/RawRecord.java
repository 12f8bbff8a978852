package streamworkbook.week10;

import java.nio.charset.StandardCharsets;

/**
 * One Kafka record exactly as it was read, before anyone tried to understand it: where it was (topic, partition,
 * offset), its Kafka timestamp, and its key and value bytes untouched. Validation starts from this, so that a record
 * it refuses can be dead-lettered byte for byte, with its source coordinates.
 *
 * <p>A record of basic types and byte arrays: Flink serializes it without Kryo. Its {@code equals} compares the
 * arrays by identity (a Java record does), so compare bytes with {@link java.util.Arrays#equals(byte[], byte[])}.
 *
 * @param topic     the topic it was read from
 * @param partition its partition
 * @param offset    its offset in that partition: with topic and partition, the record's address in Kafka
 * @param timestamp its Kafka timestamp (ms since the epoch; the producer's send time for CreateTime topics)
 * @param key       the key's bytes, or null
 * @param value     the value's bytes, or null (a tombstone)
 */
public record RawRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {

    /** {@code topic/partition/offset}: the record's address, as dead letters and reports name it. */
    public String coordinates() {
        return coordinates(topic, partition, offset);
    }

    public static String coordinates(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }

    /** The value as text, for messages (not for processing: it may not be UTF-8, or JSON). */
    public String text() {
        return value == null ? "null" : new String(value, StandardCharsets.UTF_8);
    }
}
