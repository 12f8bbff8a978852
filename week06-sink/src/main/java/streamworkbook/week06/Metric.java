package streamworkbook.week06;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the {@code metrics} table: what happened in one bucket of time for one event type.
 *
 * @param level     {@code minute}, {@code hour} or {@code day}
 * @param bucket    the bucket's start (UTC)
 * @param eventType the event type's wire name, such as {@code purchase}
 * @param events    how many events
 * @param revenue   price × quantity of the purchases (0 for other types)
 */
public record Metric(String level, Instant bucket, String eventType, long events, BigDecimal revenue) {
}
