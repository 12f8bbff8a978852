package streamworkbook.week04;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One user's session: events no more than the session gap apart.
 *
 * @param firstEvent the event time of the session's first event
 * @param lastEvent  the event time of its last event
 * @param events     how many events
 * @param revenue    the sum of {@code ShopEvent.revenue()} (purchases); zero when nothing was bought
 */
public record UserSession(String userId, Instant firstEvent, Instant lastEvent, long events, BigDecimal revenue) {
}
