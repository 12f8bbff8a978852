package streamworkbook.week10;

import java.io.PrintStream;
import java.util.List;
import java.util.SortedMap;
import streamworkbook.kit.shop.EventType;

/**
 * Source against sink: what the source topics hold, what the validation refused, and, per event type and minute,
 * the distinct events the source holds beside those the sink holds.
 *
 * @param produced      records in the source topics (up to their end offsets when the reconciliation read them)
 * @param deadLettered  of those, the records the dead-letter topic stands for (each counted once)
 * @param unaccounted   the coordinates ({@code topic/partition/offset}) of source records that are neither
 *                      dead-lettered nor a shop event: lost by the validation, in source order per partition
 * @param expected      distinct events per type and minute among the source records that were not dead-lettered
 * @param found         distinct events per type and minute in the sink's {@code events} table
 * @param discrepancies every type and minute where {@code expected} and {@code found} differ (a side without the
 *                      minute counts 0), ordered by type, then minute
 */
public record ReconciliationReport(long produced, long deadLettered, List<String> unaccounted,
                                   SortedMap<TypeMinute, Long> expected, SortedMap<TypeMinute, Long> found,
                                   List<Discrepancy> discrepancies) {

    /** One type and minute where source and sink disagree. */
    public record Discrepancy(EventType type, java.time.Instant minute, long expected, long found) {

        /** Negative: events missing from the sink; positive: events the source does not have. */
        public long difference() {
            return found - expected;
        }

        @Override
        public String toString() {
            return String.format("%s %s: expected %,d, found %,d (%+,d)", type.wireName(), minute, expected, found, difference());
        }
    }

    public ReconciliationReport {
        unaccounted = List.copyOf(unaccounted);
        expected = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(expected));
        found = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(found));
        discrepancies = List.copyOf(discrepancies);
    }

    /** Valid records: neither dead-lettered nor unaccounted. */
    public long valid() {
        return produced - deadLettered - unaccounted.size();
    }

    /** Every record is valid or dead-lettered, and every type and minute matches. */
    public boolean balanced() {
        return unaccounted.isEmpty() && discrepancies.isEmpty();
    }

    public void printTo(PrintStream out) {
        out.printf("source: %,d records = %,d valid + %,d dead-lettered + %,d unaccounted%n",
                produced, valid(), deadLettered, unaccounted.size());
        out.printf("events: %,d distinct expected in %,d type-minutes, %,d found in %,d%n",
                expected.values().stream().mapToLong(Long::longValue).sum(), expected.size(),
                found.values().stream().mapToLong(Long::longValue).sum(), found.size());
        if (balanced()) {
            out.println("balanced: every record is accounted for, every type and minute matches");
            return;
        }
        unaccounted.stream().limit(20).forEach(c -> out.println("  unaccounted: " + c));
        if (unaccounted.size() > 20) {
            out.printf("  … and %,d more unaccounted%n", unaccounted.size() - 20);
        }
        discrepancies.forEach(d -> out.println("  " + d));
    }
}
