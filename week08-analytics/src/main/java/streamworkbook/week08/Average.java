package streamworkbook.week08;

import java.time.Instant;

/**
 * A smoothed value of a series (8.1).
 *
 * @param series the series it smooths
 * @param at     for a sliding window, the window's end; for an exponential average, the minute of the value that
 *               updated it
 * @param value  the average
 */
public record Average(String series, Instant at, double value) {
}
