package streamworkbook.week08;

import java.time.Instant;

/**
 * One value to take percentiles of (8.2): here, the unit price of an add-to-cart or purchase event.
 *
 * @param key   what it belongs to (here: the event type)
 * @param at    when (event time)
 * @param value the value
 */
public record Sample(String key, Instant at, double value) {
}
