package streamworkbook.week01;

import java.util.List;

/**
 * What a poll loop did before it stopped.
 *
 * @param handled how many valid events were given to the handler
 * @param skipped the records that were not valid events, in the order they were met
 */
public record ConsumeSummary(long handled, List<SkippedRecord> skipped) {

    public ConsumeSummary {
        skipped = List.copyOf(skipped);
    }

    /**
     * A record that could not be read as a shop event.
     *
     * @param reason the parse error's message (it names the problem and quotes the value)
     */
    public record SkippedRecord(String topic, int partition, long offset, String reason) {
    }
}
