package streamworkbook.week10;

/**
 * A record the validation refused, kept whole so that nothing is lost and it can be inspected, fixed and replayed:
 * the original record byte for byte, where it came from, and why it was refused.
 *
 * <p>A record of basic types and byte arrays: Flink serializes it without Kryo. Its {@code equals} compares the
 * arrays by identity (a Java record does), so compare bytes with {@link java.util.Arrays#equals(byte[], byte[])}.
 *
 * @param topic     the source record's topic
 * @param partition the source record's partition
 * @param offset    the source record's offset
 * @param timestamp the source record's Kafka timestamp (ms since the epoch)
 * @param key       the source record's key, byte for byte (null if it had none)
 * @param value     the source record's value, byte for byte — never re-serialized (null for a tombstone)
 * @param field     the field at fault, as a JSON path ({@code $.event_time}), {@code $} for the whole record
 * @param rule      the rule it breaks ({@code required}, {@code type}, {@code format}, {@code json}, {@code catalogue},
 *                  … — see week 7's {@code Violation}), or {@code exception} when checking the record failed
 * @param reason    what is wrong, for a person: every violation found, or the exception's class and message
 * @param failedAt  when the record was refused (ms since the epoch)
 */
public record DeadLetter(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                         String field, String rule, String reason, long failedAt) {

    /** {@code topic/partition/offset} of the source record. */
    public String coordinates() {
        return RawRecord.coordinates(topic, partition, offset);
    }
}
