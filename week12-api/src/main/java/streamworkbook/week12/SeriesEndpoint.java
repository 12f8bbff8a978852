package streamworkbook.week12;

/**
 * Exercise 12.1 — {@code GET /api/series}: a time series from week 6's {@code metrics} rollup, every parameter
 * typed and bounded, every value sent to ClickHouse as a query parameter.
 *
 * <p>The request's parameters:
 * <ul>
 *   <li>{@code metric} (required): one of {@link SeriesMetric#wireNames()}. A name of lower-case letters and
 *       underscores (at most 40) that is not one of them → {@link ApiException.UnknownName} (404) for
 *       {@code metric}, listing the known names; anything else (other characters, longer, empty) →
 *       {@link ApiException.BadRequest} for {@code metric} whose {@code allowed} is the list of names.</li>
 *   <li>{@code step} (optional, default {@code minute}): one of {@link Step#wireNames()}, else a 400 for
 *       {@code step} whose {@code allowed} is that list.</li>
 *   <li>{@code from}, {@code to} (required): ISO-8601 instants such as {@code 2026-03-01T12:00:00Z}; else a 400 for
 *       that parameter. {@code from} is rounded down and {@code to} up to whole steps; then {@code to} must lie
 *       after {@code from} (else a 400 for {@code to}) and the range may hold at most {@link #MAX_POINTS} buckets
 *       (else a 400 for {@code to} saying the longest range for that step).</li>
 * </ul>
 * Parameters the endpoint does not know are ignored. A parameter given twice is a 400 ({@link QueryParams#value}).
 */
public interface SeriesEndpoint {

    /** The most buckets one answer may have: 1,500 minutes (25 h), 1,500 hours (62.5 days) or 1,500 days. */
    int MAX_POINTS = 1_500;

    /** Checks and converts the request's parameters, or throws the {@link ApiException} the rules above name. */
    SeriesRequest parse(QueryParams params);

    /**
     * The query that answers {@code request}: two columns — the bucket's start (a {@code DateTime}, or seconds since
     * the epoch) and the value (the sum the metric names) — one row per bucket from {@code from} (inclusive) to
     * {@code to} (exclusive), {@code step} apart, in time order, with 0 for a bucket without data. It reads the
     * {@code metrics} rows of the step's level; a bucket written more than once (a window that fired again after a
     * replay) counts with its newest row only.
     *
     * <p>The SQL text never contains a request's values: the same metric and step give the same text whatever
     * {@code from} and {@code to} are, and the values travel in {@link BoundQuery#params()}.
     */
    BoundQuery query(SeriesRequest request);

}
