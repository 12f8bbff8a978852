package streamworkbook.week08;

/**
 * The median and the two high percentiles of some values (8.2).
 *
 * @param count how many values
 * @param p50   the median
 * @param p95   the 95th percentile
 * @param p99   the 99th percentile
 */
public record Quantiles(long count, double p50, double p95, double p99) {
}
