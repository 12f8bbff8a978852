package streamworkbook.week11.bench;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Latencies in milliseconds: an HdrHistogram for the percentiles (3 significant digits: a reported value is within
 * 0.1 % of a recorded one), and every sample as well, so that a test can check the percentiles against a brute-force
 * computation on the very same values and a plot can show them.
 */
public final class Latencies {

    private final Histogram histogram = new Histogram(3); // auto-resizing: no upper bound to guess
    private long[] samples = new long[1024];
    private int count;

    public synchronized void record(long millis) {
        long value = Math.max(0, millis); // a clock step backwards must not throw: count it as 0
        histogram.recordValue(value);
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = value;
    }

    public synchronized long count() {
        return histogram.getTotalCount();
    }

    /**
     * The value at {@code percentile} (0–100): the smallest recorded value that at least {@code percentile} % of the
     * samples are less than or equal to (nearest rank), reported as the largest value its histogram bucket holds.
     */
    public synchronized long percentile(double percentile) {
        return histogram.getValueAtPercentile(percentile);
    }

    public synchronized long max() {
        return histogram.getMaxValue();
    }

    public synchronized double mean() {
        return histogram.getMean();
    }

    /** Whether two values fall into the same histogram bucket (differ by less than its precision). */
    public synchronized boolean equivalent(long a, long b) {
        return histogram.valuesAreEquivalent(a, b);
    }

    /** A copy of every sample, in the order recorded. */
    public synchronized long[] samples() {
        return Arrays.copyOf(samples, count);
    }

    /** A copy of the histogram (for plots and reports). */
    public synchronized Histogram histogram() {
        return histogram.copy();
    }

    /** "p50 120 ms, p95 …" */
    public synchronized String summary() {
        if (count == 0) {
            return "no samples";
        }
        return String.format("p50 %,d ms, p95 %,d ms, p99 %,d ms, max %,d ms (%,d samples)",
                percentile(50), percentile(95), percentile(99), max(), count);
    }
}
