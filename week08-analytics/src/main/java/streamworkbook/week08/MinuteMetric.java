package streamworkbook.week08;

import java.time.Instant;

/**
 * One value of one series for one minute: how many page views the shop had in the minute from 10:41 to 10:42,
 * the average price paid in it, its checkout rate. Every analysis of this week reads these.
 *
 * @param series what is measured, such as {@code page_views} (see {@link MinuteMetrics} for the shop's series)
 * @param minute the start of the minute (UTC, whole minute)
 * @param value  the value
 */
public record MinuteMetric(String series, Instant minute, double value) {
}
