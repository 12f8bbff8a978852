package streamworkbook.week07;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;

/**
 * Turns the simulator's clean stream into what a real shop sends: some events late, some twice, some broken,
 * each at its configured rate. Every record keeps the simulated time at which it is sent ({@code emitAt}), so a
 * late event is sent at its place in the stream while its own event time lies behind.
 */
public final class DisorderInjector implements Iterator<GeneratedRecord> {

    /** A duplicate goes out between 1 and this many records after its original. */
    static final int MAX_DUPLICATE_DISTANCE = 50;

    private record Due(long at, GeneratedRecord record) {
    }

    private final Iterator<ShopEvent> events;
    private final DisorderRates rates;
    private final Random random;
    private final PriorityQueue<Due> duplicates = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));
    private long produced;
    private Instant lastEmitAt = Instant.EPOCH;

    public DisorderInjector(Iterator<ShopEvent> events, DisorderRates rates, long seed) {
        this.events = events;
        this.rates = rates;
        this.random = new Random(seed * 31 + 3);
    }

    @Override
    public boolean hasNext() {
        return !duplicates.isEmpty() || events.hasNext();
    }

    @Override
    public GeneratedRecord next() {
        produced++;
        if (!duplicates.isEmpty() && (duplicates.peek().at() <= produced || !events.hasNext())) {
            GeneratedRecord original = duplicates.poll().record();
            return new GeneratedRecord(original.type(), original.key(), original.value(), lastEmitAt,
                    GeneratedRecord.Kind.DUPLICATE, null);
        }
        ShopEvent event = events.next();
        lastEmitAt = event.eventTime();
        // every roll is drawn for every event, so changing one rate does not change which events the others pick
        double brokenRoll = random.nextDouble();
        double lateRoll = random.nextDouble();
        double duplicateRoll = random.nextDouble();
        double delayRoll = random.nextDouble();
        int distance = 1 + random.nextInt(MAX_DUPLICATE_DISTANCE);
        if (brokenRoll < rates.invalid()) {
            return broken(event);
        }
        GeneratedRecord.Kind kind = GeneratedRecord.Kind.VALID;
        if (lateRoll < rates.late()) {
            long delayMillis = (long) (-Math.log(1 - delayRoll) * rates.meanDelay().toMillis());
            event = event.withEventTime(event.eventTime().minusMillis(Math.max(1, delayMillis)));
            kind = GeneratedRecord.Kind.LATE;
        }
        GeneratedRecord record = new GeneratedRecord(event.type(), event.userId(), ShopJson.toBytes(event), lastEmitAt, kind, null);
        if (duplicateRoll < rates.duplicates()) {
            duplicates.add(new Due(produced + distance, record));
        }
        return record;
    }

    private GeneratedRecord broken(ShopEvent event) {
        List<Corruption> possible = new ArrayList<>();
        for (Corruption c : Corruption.values()) {
            if (c.appliesTo(event.type())) {
                possible.add(c);
            }
        }
        Corruption corruption = possible.get(random.nextInt(possible.size()));
        byte[] value = corruption.apply(ShopJson.toBytes(event), String.format("SKU-X%06d", random.nextInt(1_000_000)));
        return new GeneratedRecord(event.type(), event.userId(), value, lastEmitAt, GeneratedRecord.Kind.INVALID, corruption);
    }
}
