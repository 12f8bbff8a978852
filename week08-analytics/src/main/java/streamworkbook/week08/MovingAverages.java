package streamworkbook.week08;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Exercise 8.1 — two ways to smooth a noisy per-minute series.
 *
 * <p>The input of both methods is a stream of {@link MinuteMetric}s with event-time timestamps (each element's
 * timestamp lies inside its minute) and watermarks; a series' minutes may be missing (a minute in which nothing
 * happened has no element). Series are independent of each other: the result for one series must not depend on
 * the others, at any parallelism.
 */
public interface MovingAverages {

    /**
     * The simple moving average in sliding event-time windows: per series, windows of {@code size} starting every
     * {@code slide} (window starts are multiples of {@code slide} since the epoch; both are whole minutes, and
     * {@code size} a multiple of {@code slide}). A window's average is the sum of the values in it divided by the
     * number of minutes the window spans ({@code size} in minutes): <b>a missing minute counts as 0</b> — nothing
     * happened in it. One {@link Average} per series and window that holds at least one value, with
     * {@code at} = the window's end, emitted when the watermark passes the end. The order of the output is not
     * part of the contract.
     */
    DataStream<Average> slidingAverage(DataStream<MinuteMetric> minutes, Duration size, Duration slide);

    /**
     * The exponential moving average: per series, in the order the series' elements arrive, the first value is
     * the first average; after it, {@code average = alpha · value + (1 − alpha) · previous average}. One
     * {@link Average} per element, with {@code at} = the element's minute, emitted at once; per series in arrival
     * order. {@code 0 < alpha ≤ 1}.
     */
    DataStream<Average> exponentialAverage(DataStream<MinuteMetric> minutes, double alpha);
}
