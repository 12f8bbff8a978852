package streamworkbook.week08;

import java.time.Instant;

/**
 * A series going up or down (8.3).
 *
 * @param series    the series
 * @param at        the latest minute of the windows the slope was fitted to
 * @param direction which way
 * @param slope     the least-squares slope, in the series' unit per minute
 * @param mean      the mean of the windows the slope was fitted to
 */
public record Trend(String series, Instant at, Direction direction, double slope, double mean) {

    public enum Direction {
        RISING,
        FALLING
    }
}
