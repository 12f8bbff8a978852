package streamworkbook.week01;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Exercise 1.4 — process an exact number of records, commit exactly those, and let the next
 * consumer of the group carry on from there.
 */
public interface BatchReader {

    /**
     * Reads {@code topic} as a member of consumer group {@code groupId}, starting at the group's committed
     * offsets (or at the beginning when it has none), and stops after {@code maxRecords} records, or
     * earlier when {@code timeout} has passed. Then commits, for each partition it read, the offset of the
     * next record to process — the last one returned plus one — and closes the consumer.
     *
     * <p>A poll can return more records than are still wanted: those extra records are not returned and
     * not committed, so the next {@code read} of the same group gets them. Across calls, every record
     * is returned exactly once.
     *
     * @param config the caller's client settings, at least {@code bootstrap.servers}; a setting given here
     *               wins over yours. Values are shop events ({@code ShopJson}).
     * @return the records processed, in the order they were polled (each partition in offset order)
     */
    List<ConsumedEvent> read(Map<String, Object> config, String groupId, String topic, int maxRecords, Duration timeout);
}
