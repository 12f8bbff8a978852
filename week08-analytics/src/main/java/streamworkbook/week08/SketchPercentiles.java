package streamworkbook.week08;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.datasketches.kll.KllSketch;

/**
 * Exercise 8.2 — percentiles in bounded memory, with a KLL sketch.
 *
 * <p>{@link #aggregate()} is a Flink {@link AggregateFunction} for windows: it takes the values, keeps a
 * <b>KLL sketch with k = {@value #K}</b>, and gives the count and the 50th, 95th and 99th percentiles of what it
 * was given. Its guarantee is the sketch's: the rank of each returned percentile among the values (the share of
 * values at or below it) is within {@link #RANK_ERROR} of the asked rank — the sketch's documented
 * single-quantile normalised rank error for k = {@value #K} (about 1.3 %), which holds with 99 % confidence.
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

    /** The sketch's size parameter: larger is more accurate and bigger. */
    int K = 200;

    /** The rank error that {@link #aggregate()} guarantees: {@code KllSketch.getNormalizedRankError(K, false)}. */
    double RANK_ERROR = KllSketch.getNormalizedRankError(K, false);

    /** The aggregate function, with an accumulator of your choice (see the class comment). */
    AggregateFunction<Double, ?, Quantiles> aggregate();
}
