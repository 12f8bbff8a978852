package streamworkbook.week08;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;

/**
 * Exercise 8.3, in Flink's operator test harness (keyed state and all, no cluster): six small series, fitted over
 * the latest 5 minutes with a threshold of 2 % of the mean per minute. Every emitted trend — series, minute,
 * direction, slope and mean, to 10⁻⁹ — is compared with the list worked out by hand below, in order.
 *
 * <p>Rejects:
 * <ul>
 *   <li>the slope over all history instead of the latest 5 minutes: series "peak" rises for ten minutes, then stays
 *       flat — the whole history still rises, the last five minutes do not;</li>
 *   <li>points in arrival order instead of by minute: series "late" has minute 4 before minute 3, and series "stale"
 *       gets minute 1 after minute 6 — kept by arrival, it pushes out a newer minute;</li>
 *   <li>positions 0, 1, 2… as x instead of minutes: series "gap" misses minute 3, which bends the slope;</li>
 *   <li>a trend before 5 minutes are kept, or a threshold not relative to the mean.</li>
 * </ul>
 */
@Exercise("8.3")
@OnTimeout("does processElement() end for every element? A loop that trims the kept minutes to the latest N must shrink the list on every turn")
class TrendsTest {

    private final TrendDetection trends = Exercises.pick(streamworkbook.week08.exercises.LeastSquaresTrend::new,
            streamworkbook.week08.solutions.LeastSquaresTrend::new);

    private List<Trend> run(List<MinuteMetric> input) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, MinuteMetric, Trend> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(trends.detector(5, 0.02), MinuteMetric::series, Types.STRING);
        try {
            for (MinuteMetric m : input) {
                harness.processElement(m, m.minute().toEpochMilli());
            }
            return new ArrayList<>(harness.extractOutputValues());
        } finally {
            harness.close();
        }
    }

    private static Trend trend(String series, int minute, Trend.Direction direction, double slope, double mean) {
        return new Trend(series, Series.minute(minute), direction, slope, mean);
    }

    private static void assertTrends(List<Trend> expected, List<Trend> actual) {
        String message = "trends (series, latest minute, direction, slope per minute, mean)\n  expected " + expected
                + "\n  but were " + actual;
        assertEquals(expected.size(), actual.size(), message);
        for (int i = 0; i < expected.size(); i++) {
            Trend e = expected.get(i);
            Trend a = actual.get(i);
            assertEquals(e.series() + " " + e.at() + " " + e.direction(), a.series() + " " + a.at() + " " + a.direction(), message);
            assertEquals(e.slope(), a.slope(), 1e-9, "slope of " + e.series() + " at " + e.at() + "; " + message);
            assertEquals(e.mean(), a.mean(), 1e-9, "mean of " + e.series() + " at " + e.at() + "; " + message);
        }
    }

    /** 100, 110, … 170: from the fifth minute on, slope 10 ≥ 2 % of the mean (120 → 2.4): rising, every minute. */
    @Test
    void aSteadyRiseIsRisingOnceFiveMinutesAreKept() throws Exception {
        List<MinuteMetric> input = new ArrayList<>();
        for (int m = 0; m < 8; m++) {
            input.add(Series.at("rise", m, 100 + 10 * m));
        }
        assertTrends(List.of(
                trend("rise", 4, Trend.Direction.RISING, 10, 120),
                trend("rise", 5, Trend.Direction.RISING, 10, 130),
                trend("rise", 6, Trend.Direction.RISING, 10, 140),
                trend("rise", 7, Trend.Direction.RISING, 10, 150)), run(input));
    }

    /**
     * Noise around 100 (slopes of at most 0.3 either way, under 2 % of 100) raises nothing; 500, 480, … falls by 20 a
     * minute (4 % of the mean 460 is 18.4): falling from the fifth minute.
     */
    @Test
    void flatNoiseIsNothingAndAFallIsFalling() throws Exception {
        double[] noise = {100, 101, 99, 100, 102, 98, 100, 101, 99, 100};
        List<MinuteMetric> input = new ArrayList<>();
        for (int m = 0; m < noise.length; m++) {
            input.add(Series.at("flat", m, noise[m]));
            if (m < 6) {
                input.add(Series.at("fall", m, 500 - 20 * m));
            }
        }
        assertTrends(List.of(
                trend("fall", 4, Trend.Direction.FALLING, -20, 460),
                trend("fall", 5, Trend.Direction.FALLING, -20, 440)), run(input));
    }

    /**
     * "peak": 100 … 190 over minutes 0–9, then 190 for minutes 10–15. Last 5 minutes: rising with slope 10 until
     * minute 9; at minute 10 (points 160, 170, 180, 190, 190) slope 8, mean 178; at 11 (170, 180, 190, 190, 190) slope
     * 5, mean 184; at 12 (180, 190 ×4) slope 2, mean 188 — under 2 % of 188 (3.76): nothing from here on.
     */
    @Test
    void onlyTheLatestMinutesCount() throws Exception {
        List<MinuteMetric> input = new ArrayList<>();
        for (int m = 0; m < 16; m++) {
            input.add(Series.at("peak", m, Math.min(100 + 10 * m, 190)));
        }
        List<Trend> expected = new ArrayList<>();
        for (int m = 4; m <= 9; m++) {
            expected.add(trend("peak", m, Trend.Direction.RISING, 10, 100 + 10 * m - 20));
        }
        expected.add(trend("peak", 10, Trend.Direction.RISING, 8, 178));
        expected.add(trend("peak", 11, Trend.Direction.RISING, 5, 184));
        assertTrends(expected, run(input));
    }

    /**
     * "late": 100 + 10·minute, minute 4 arriving before minute 3 — by minute, after the fifth arrival the points are
     * minutes 0–4 exactly: slope 10, mean 120, latest minute 4. "gap": 100 + 10·minute for minutes 0, 1, 2, 4, 5 —
     * fitted against minutes, slope 10 (mean 124); against positions it would be 13. "stale": minutes 0, 2–6, then
     * minute 1 — older than every one of the five kept minutes (2–6), so it changes nothing and raises nothing; kept
     * by arrival instead, it would push out minute 2 and raise a trend with mean 138.
     */
    @Test
    void pointsAreFittedByMinuteNotByArrival() throws Exception {
        List<MinuteMetric> input = new ArrayList<>();
        for (int m : new int[] {0, 1, 2, 4, 3, 5}) {
            input.add(Series.at("late", m, 100 + 10 * m));
        }
        for (int m : new int[] {0, 1, 2, 4, 5}) {
            input.add(Series.at("gap", m, 100 + 10 * m));
        }
        for (int m : new int[] {0, 2, 3, 4, 5, 6, 1}) {
            input.add(Series.at("stale", m, 100 + 10 * m));
        }
        assertTrends(List.of(
                trend("late", 4, Trend.Direction.RISING, 10, 120),
                trend("late", 5, Trend.Direction.RISING, 10, 130),
                trend("gap", 5, Trend.Direction.RISING, 10, 124),
                trend("stale", 5, Trend.Direction.RISING, 10, 128),
                trend("stale", 6, Trend.Direction.RISING, 10, 140)), run(input));
    }
}
