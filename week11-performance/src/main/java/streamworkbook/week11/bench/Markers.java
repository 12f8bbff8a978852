package streamworkbook.week11.bench;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Marker events: ordinary page views that the harness sends among the load, recognisable by their id and their page,
 * whose event time is the moment they were produced. When a marker's row can be read in ClickHouse, its event-to-
 * queryable latency is the time of that read minus its event time — measured, not guessed, and through exactly the
 * path every other event takes (same producer, topics, partitions, job and sink).
 *
 * <p>Ids are UUIDs (the {@code events} table's {@code event_id} is one): {@code 6d61726b-RRRR-4000-8000-SSSSSSSSSSSS},
 * where {@code 6d61726b} is "mark" in ASCII, {@code RRRR} a random run number (so two runs into one table do not
 * mix) and {@code SSSS…} the marker's sequence number.
 */
public final class Markers {

    /** Every marker id starts with this. */
    public static final String ID_PREFIX = "6d61726b-";
    /** The page of every marker, so that a query can tell markers from the load without parsing ids. */
    public static final String PAGE = "/__marker";
    /** Markers are page views: the type decides their topic and, in the table, the sorting key's first column. */
    public static final EventType TYPE = EventType.PAGE_VIEW;

    private final int run;

    private Markers(int run) {
        this.run = run;
    }

    /** Markers of a new run, with a random run number. */
    public static Markers newRun() {
        return new Markers(ThreadLocalRandom.current().nextInt(0x10000));
    }

    public static Markers run(int run) {
        return new Markers(run & 0xffff);
    }

    public int runNumber() {
        return run;
    }

    /** The id of this run's marker number {@code sequence}. */
    public String id(long sequence) {
        return String.format("%s%04x-4000-8000-%012x", ID_PREFIX, run, sequence & 0xffff_ffff_ffffL);
    }

    /** The prefix that every id of this run starts with. */
    public String runPrefix() {
        return String.format("%s%04x-", ID_PREFIX, run);
    }

    /** Marker number {@code sequence}, produced now: its event time is {@code producedAt}. */
    public ShopEvent marker(long sequence, Instant producedAt) {
        return ShopEvent.pageView(id(sequence), producedAt, "marker", "marker-" + run, PAGE, null);
    }

    public static boolean isMarker(ShopEvent event) {
        return event.eventId().startsWith(ID_PREFIX) && PAGE.equals(event.page());
    }
}
