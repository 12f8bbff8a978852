package streamworkbook.week08;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 8.4, in Flink's operator test harness: the test moves the watermark itself, so timers fire exactly when it
 * says, and it can count the keyed state that is left. Rules: baseline 10, at least 5, |z| ≥ 3, forget after 10 quiet
 * minutes, "price" never below 5. Alerts are compared with values computed by hand from the series (mean and sample
 * standard deviation of the baseline), to 10⁻⁹.
 *
 * <p>Rejects:
 * <ul>
 *   <li>the current value inside its own baseline: with 10 values, a point can then never be more than 3.02 standard
 *   deviations from the mean it is part of — the spike of 112 scores about 2.6 instead of 6.8, and is missed;</li>
 *   <li>no minimum baseline: with two values (100, 101) behind it, 104 scores 4.9 and raises a false alert;</li>
 *   <li>alerting values joining the baseline: after the spike, the baseline's deviation is four times larger, and
 *       the second anomaly (108) is missed;</li>
 *   <li>no timer, or a timer that is not moved by newer values: the state of a quiet series stays for ever (keyed
 *       state entries counted after the watermark passes), or a series that is still active is forgotten;</li>
 *   <li>the threshold only checked once the baseline is full: the price of 3 in the third minute raises nothing.</li>
 * </ul>
 */
@Exercise("8.4")
class AnomaliesTest {

    private final AnomalyDetection anomalies = Exercises.pick(streamworkbook.week08.exercises.ZScoreDetector::new,
            streamworkbook.week08.solutions.ZScoreDetector::new);

    private static final AnomalyRules RULES = new AnomalyRules(10, 5, 3.0, Duration.ofMinutes(10),
            Map.of("price", new AnomalyRules.Limits(5, Double.POSITIVE_INFINITY)));

    private KeyedOneInputStreamOperatorTestHarness<String, MinuteMetric, Alert> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(anomalies.detector(RULES), MinuteMetric::series, Types.STRING);
    }

    private static void feed(KeyedOneInputStreamOperatorTestHarness<String, MinuteMetric, Alert> harness, String series,
                             int firstMinute, double... values) throws Exception {
        for (int i = 0; i < values.length; i++) {
            MinuteMetric m = Series.at(series, firstMinute + i, values[i]);
            harness.processElement(m, m.minute().toEpochMilli() + 59_999);
        }
    }

    /** The z-score alert the contract describes, computed from the baseline values by hand. */
    private static Alert zAlert(String series, int minute, double value, double... baseline) {
        double mean = 0;
        for (double b : baseline) {
            mean += b;
        }
        mean /= baseline.length;
        double squares = 0;
        for (double b : baseline) {
            squares += (b - mean) * (b - mean);
        }
        double sd = Math.sqrt(squares / (baseline.length - 1));
        return new Alert(series, Series.minute(minute), Alert.ZSCORE, value, mean, (value - mean) / sd);
    }

    private static void assertAlerts(List<Alert> expected, List<Alert> actual) {
        String message = "alerts (series, minute, rule, value, expected, score)\n  expected " + expected + "\n  but were " + actual;
        assertEquals(expected.size(), actual.size(), message);
        for (int i = 0; i < expected.size(); i++) {
            Alert e = expected.get(i);
            Alert a = actual.get(i);
            assertEquals(e.series() + " " + e.minute() + " " + e.rule(), a.series() + " " + a.minute() + " " + a.rule(), message);
            assertEquals(e.value(), a.value(), 1e-9, message);
            assertEquals(e.expected(), a.expected(), 1e-9, "expected (the limit, or the baseline's mean); " + message);
            assertEquals(e.score(), a.score(), 1e-9, "score; " + message);
        }
    }

    private static final double[] NORMAL = {100, 102, 98, 101, 99, 100, 103, 97, 100, 100};

    /**
     * "spike": ten normal minutes (mean 100, s = 1.764), then 112 (z = 6.80: alert), 101 and 99 (normal, they join the
     * baseline, which drops its two oldest), then 108 against that baseline (z = 4.5: alert). "warm": 100, 101, 104, 99,
     * 102, … — nothing, the baseline is too small when 104 comes.
     */
    @Test
    void aSpikeIsFoundAgainstTheBaselineBeforeIt() throws Exception {
        var harness = harness();
        try {
            feed(harness, "warm", 0, 100, 101, 104, 99, 102, 100, 101, 99, 100, 102);
            feed(harness, "spike", 0, NORMAL);
            feed(harness, "spike", 10, 112, 101, 99, 108);
            double[] after = {98, 101, 99, 100, 103, 97, 100, 100, 101, 99};
            assertAlerts(List.of(zAlert("spike", 10, 112, NORMAL), zAlert("spike", 13, 108, after)),
                    new ArrayList<>(harness.extractOutputValues()));
            assertTrue(zAlert("spike", 13, 108, after).score() > 4, "the hand computation");
        } finally {
            harness.close();
        }
    }

    /** 50, 52, then 3 — under the limit of 5 at the third minute, with no baseline yet: a threshold alert; then normal. */
    @Test
    void theThresholdNeedsNoBaseline() throws Exception {
        var harness = harness();
        try {
            feed(harness, "price", 0, 50, 52, 3, 51);
            assertAlerts(List.of(new Alert("price", Series.minute(2), Alert.THRESHOLD, 3, 5, 0)),
                    new ArrayList<>(harness.extractOutputValues()));
        } finally {
            harness.close();
        }
    }

    /**
     * "idle": minutes 0–5, then one value at minute 8. At watermark 10:15 (10 minutes after minute 5, but not after
     * minute 8) its state must still be there; at 10:18 (10 minutes after minute 8) nothing of it may remain. Then,
     * from minute 30, 100 and 150 start a new baseline: 150 raises nothing (one value is not a baseline).
     */
    @Test
    void aQuietSeriesIsForgotten() throws Exception {
        var harness = harness();
        try {
            feed(harness, "idle", 0, NORMAL[0], NORMAL[1], NORMAL[2], NORMAL[3], NORMAL[4], NORMAL[5]);
            feed(harness, "idle", 8, NORMAL[6]);
            int entries = harness.numKeyedStateEntries();
            assertTrue(entries > 0, "the series keeps its baseline in keyed state");

            harness.processWatermark(Series.minute(15).toEpochMilli());
            assertEquals(entries, harness.numKeyedStateEntries(),
                    "keyed state entries at 10:15, 7 minutes after the series' last value at 10:08: it must be kept");
            harness.processWatermark(Series.minute(18).toEpochMilli());
            assertEquals(0, harness.numKeyedStateEntries(),
                    "keyed state entries at 10:18, 10 quiet minutes after 10:08: the series must be forgotten (an event-time timer)");

            feed(harness, "idle", 30, 100, 150);
            assertAlerts(List.of(), new ArrayList<>(harness.extractOutputValues()));
        } finally {
            harness.close();
        }
    }
}
