package streamworkbook.week07;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import streamworkbook.kit.shop.EventType;

/** What a generator run sent, refused and broke on purpose. */
public final class GeneratorStats {

    private final Map<GeneratedRecord.Kind, Long> sentByKind = new EnumMap<>(GeneratedRecord.Kind.class);
    private final Map<EventType, Long> sentByType = new EnumMap<>(EventType.class);
    private final Map<Corruption, Long> brokenOnPurpose = new EnumMap<>(Corruption.class);
    private final List<String> refusals = new ArrayList<>();
    private long sent;
    private long refused;
    private long bytes;

    synchronized void sent(GeneratedRecord record) {
        sent++;
        bytes += record.value().length;
        sentByKind.merge(record.kind(), 1L, Long::sum);
        sentByType.merge(record.type(), 1L, Long::sum);
        if (record.corruption() != null) {
            brokenOnPurpose.merge(record.corruption(), 1L, Long::sum);
        }
    }

    synchronized void refused(GeneratedRecord record, List<Violation> violations) {
        refused++;
        if (refusals.size() < 10) {
            refusals.add(record.type().wireName() + " " + record.text() + " → " + violations);
        }
    }

    public synchronized long sent() {
        return sent;
    }

    public synchronized long refused() {
        return refused;
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized long sent(GeneratedRecord.Kind kind) {
        return sentByKind.getOrDefault(kind, 0L);
    }

    public synchronized Map<EventType, Long> sentByType() {
        return Map.copyOf(sentByType);
    }

    public synchronized Map<Corruption, Long> brokenOnPurpose() {
        return Map.copyOf(brokenOnPurpose);
    }

    /** The first few refused records, with why (a refusal is a bug in the generator or in the contracts). */
    public synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    @Override
    public synchronized String toString() {
        return String.format("%,d records sent (%,d valid, %,d late, %,d duplicates, %,d broken on purpose %s), %,d refused",
                sent, sent(GeneratedRecord.Kind.VALID), sent(GeneratedRecord.Kind.LATE), sent(GeneratedRecord.Kind.DUPLICATE),
                sent(GeneratedRecord.Kind.INVALID), brokenOnPurpose, refused);
    }
}
