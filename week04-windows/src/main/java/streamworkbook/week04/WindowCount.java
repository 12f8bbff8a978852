package streamworkbook.week04;

import java.time.Instant;

/**
 * How many events one key had in one window {@code [windowStart, windowEnd)}.
 *
 * @param key an event type's wire name ({@code page_view}) or a product id, depending on the job
 */
public record WindowCount(String key, Instant windowStart, Instant windowEnd, long count) {
}
