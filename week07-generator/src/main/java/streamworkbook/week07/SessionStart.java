package streamworkbook.week07;

import java.time.Instant;

/** A shopper arrives: who, in which session, when. */
public record SessionStart(String userId, String sessionId, Instant time) {
}
