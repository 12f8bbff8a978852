package streamworkbook.week12;

import java.time.Instant;

/**
 * A valid request for a time series: the buckets of {@code step} that start in [{@code from}, {@code to}).
 *
 * @param metric what to sum
 * @param step   the bucket size (and the {@code metrics} level read)
 * @param from   the first bucket's start, a whole step
 * @param to     the end of the last bucket, a whole step, after {@code from}
 */
public record SeriesRequest(SeriesMetric metric, Step step, Instant from, Instant to) {

    /** How many buckets the answer has. */
    public long points() {
        return java.time.Duration.between(from, to).dividedBy(step.size());
    }
}
