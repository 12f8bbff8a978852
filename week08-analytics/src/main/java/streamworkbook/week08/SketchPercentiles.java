package streamworkbook.week08;

import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Exercise 8.2 — percentiles in bounded memory, with a t-digest.
 *
 * <p>{@link #aggregate()} is a Flink {@link AggregateFunction} for windows: it takes the values, keeps a
 * <b>t-digest ({@code MergingDigest}) with compression {@value #COMPRESSION}</b>, and gives the count and the 50th,
 * 95th and 99th percentiles of what it was given. The rank of each returned percentile among the values (the share
 * of values at or below it) must be within {@link #RANK_ERROR} of the asked rank.
 *
 * <p>A t-digest has no proven error bound like KLL's: its error depends on the data and is smallest near the tails,
 * where its centroids are smallest (a centroid at p99 holds far fewer values than one at the median). So
 * {@link #RANK_ERROR} is a measured bound, not a theorem: on the test's data (6,667 values per window from a uniform,
 * a normal and a log-normal distribution; a million values in two merged halves) the reference's worst rank error is
 * 0.32 %, at a median; compression 10 misses by 7 %.
 *
 * <p>Its accumulator is Flink state. It must:
 * <ul>
 *   <li>be serializable by Flink without Kryo — the workbook's jobs run with {@code pipeline.generic-types: false},
 *       so a type Flink treats as a generic type fails the job;</li>
 *   <li>stay small whatever the number of values: under 64 KiB serialized after a million values;</li>
 *   <li>{@code merge} two accumulators into one that describes the values of both (merging windows, and
 *       hour percentiles from minute sketches).</li>
 * </ul>
 * A count of 0 has percentiles {@code NaN}.
 */
public interface SketchPercentiles {

    /** The digest's size parameter: larger is more accurate and bigger (it keeps at most about that many centroids). */
    int COMPRESSION = 100;

    /** The rank error {@link #aggregate()} must stay within: 1 %, three times the reference's worst on the test's data. */
    double RANK_ERROR = 0.01;

    /** The aggregate function, with an accumulator of your choice (see the class comment). */
    AggregateFunction<Double, ?, Quantiles> aggregate();
}
