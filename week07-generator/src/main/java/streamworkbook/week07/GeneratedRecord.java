package streamworkbook.week07;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import streamworkbook.kit.shop.EventType;

/**
 * One record the generator sends: to its event type's topic, keyed by user, the event's JSON as its value.
 *
 * @param type       the event type, which chooses the topic (for a broken record: the type it was made from)
 * @param key        the user id
 * @param value      the bytes sent
 * @param emitAt     when the simulation sends it (simulated time); a late event's own time lies before this
 * @param kind       what the generator did to it
 * @param corruption for {@link Kind#INVALID}: how it was broken; else null
 */
public record GeneratedRecord(EventType type, String key, byte[] value, Instant emitAt, Kind kind, Corruption corruption) {

    public enum Kind {
        /** A valid event, in its place. */
        VALID,
        /** A valid event whose event time lies behind its place in the stream. */
        LATE,
        /** A second copy of a valid event (same id, same bytes). */
        DUPLICATE,
        /** A record that breaks its contract on purpose. */
        INVALID
    }

    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }
}
