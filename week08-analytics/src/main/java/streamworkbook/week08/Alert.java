package streamworkbook.week08;

import java.time.Instant;

/**
 * Something unusual in a series (8.4): written to the {@code shop-alerts} topic and the ClickHouse {@code alerts}
 * table.
 *
 * @param series   the series, such as {@code page_views}
 * @param minute   the minute whose value is unusual
 * @param rule     {@link #THRESHOLD} or {@link #ZSCORE}
 * @param value    the minute's value
 * @param expected for a threshold, the limit the value crossed; for a z-score, the baseline's mean
 * @param score    for a z-score, (value − mean) / standard deviation of the baseline; for a threshold, 0
 */
public record Alert(String series, Instant minute, String rule, double value, double expected, double score) {

    /** The value lies outside the series' fixed limits. */
    public static final String THRESHOLD = "threshold";
    /** The value lies too many standard deviations from the series' recent values. */
    public static final String ZSCORE = "zscore";
}
