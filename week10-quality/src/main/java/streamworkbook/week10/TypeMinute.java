package streamworkbook.week10;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import streamworkbook.kit.shop.EventType;

/** An event type and a minute (UTC, its first instant): the grain at which source and sink are compared. */
public record TypeMinute(EventType type, Instant minute) implements Comparable<TypeMinute> {

    private static final Comparator<TypeMinute> ORDER = Comparator.comparing(TypeMinute::type).thenComparing(TypeMinute::minute);

    public TypeMinute {
        if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
            throw new IllegalArgumentException("not the start of a minute: " + minute);
        }
    }

    /** The type and minute an event at {@code eventTime} counts in. */
    public static TypeMinute of(EventType type, Instant eventTime) {
        return new TypeMinute(type, eventTime.truncatedTo(ChronoUnit.MINUTES));
    }

    /** By type (in {@link EventType}'s order), then by minute. */
    @Override
    public int compareTo(TypeMinute other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return type.wireName() + " " + minute;
    }
}
