package streamworkbook.week08;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.verify.Exercise;

/**
 * Exercise 8.1: four series of whole numbers over twelve minutes, some minutes missing, interleaved in one stream,
 * run at parallelism 2. Every sliding average (5-minute windows, 1-minute slide) and every exponential average
 * (α = 0.5) is compared with values worked out by hand below, to 10⁻⁹.
 *
 * <p>Rejects:
 * <ul>
 *   <li>tumbling windows: a window every 5 minutes instead of every minute — most of the expected windows are missing;</li>
 *   <li>dividing by the number of elements instead of the window's minutes: series b's quiet minutes are not zeros,
 *       and every window at the edge of a series comes out too high;</li>
 *   <li>the window's start as {@code at} instead of its end;</li>
 *   <li>the EMA in a field of the function instead of keyed state: the series on one parallel instance share it;</li>
 *   <li>the EMA starting from 0 instead of the first value: every series' first average is half its value.</li>
 * </ul>
 */
@Exercise("8.1")
class MovingAveragesTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private final MovingAverages averages = Exercises.pick(streamworkbook.week08.exercises.MinuteAverages::new,
            streamworkbook.week08.solutions.MinuteAverages::new);

    /** minute → value per series; b misses minutes 3, 4, 7 and 8; c has one minute; d two far apart. */
    private static final Map<String, Map<Integer, Double>> SERIES = new LinkedHashMap<>();

    static {
        SERIES.put("a", values(0, 10, 1, 20, 2, 30, 3, 40, 4, 50, 5, 60, 6, 70, 7, 80, 8, 90, 9, 100, 10, 110, 11, 120));
        SERIES.put("b", values(0, 5, 1, 5, 2, 5, 5, 10, 6, 10, 9, 20, 10, 20, 11, 20));
        SERIES.put("c", values(4, 7));
        SERIES.put("d", values(1, 8, 8, 4));
    }

    private static Map<Integer, Double> values(double... minuteValue) {
        Map<Integer, Double> m = new TreeMap<>();
        for (int i = 0; i < minuteValue.length; i += 2) {
            m.put((int) minuteValue[i], minuteValue[i + 1]);
        }
        return m;
    }

    /** The stream: minute by minute, the series of that minute in the order a, b, c, d. */
    private static List<MinuteMetric> input() {
        List<MinuteMetric> all = new ArrayList<>();
        for (int minute = 0; minute < 12; minute++) {
            for (var s : SERIES.entrySet()) {
                Double v = s.getValue().get(minute);
                if (v != null) {
                    all.add(Series.at(s.getKey(), minute, v));
                }
            }
        }
        return all;
    }

    /**
     * By hand, window [e − 5, e) for every end e with a value in it, Σ / 5. For example a: the first window ends at
     * 10:01 and holds 10 → 2.0; the one ending at 10:05 holds 10…50 → 30.0; the last ends at 10:16 and holds 120 → 24.0.
     * b at 10:07 holds minutes 2–6: 5 + 10 + 10 → 5.0 (not 25 / 3). c's one value makes five windows of 1.4.
     */
    private static Map<String, Double> expectedSliding() {
        Map<String, Double> expected = new TreeMap<>();
        for (var s : SERIES.entrySet()) {
            for (int end = 1; end <= 16; end++) {
                double sum = 0;
                boolean any = false;
                for (int m = end - 5; m < end; m++) {
                    Double v = s.getValue().get(m);
                    if (v != null) {
                        sum += v;
                        any = true;
                    }
                }
                if (any) {
                    expected.put(s.getKey() + " " + Series.minute(end), sum / 5);
                }
            }
        }
        return expected;
    }

    @Test
    void slidingAverageCountsQuietMinutesAsZero() throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment(2);
        List<Average> out = TestFlink.collect(averages.slidingAverage(Series.stream(env, input()),
                Duration.ofMinutes(5), Duration.ofMinutes(1)));

        Map<String, Double> expected = expectedSliding();
        // spot checks of the hand computation itself
        assertEquals(2.0, expected.get("a " + Series.minute(1)));
        assertEquals(30.0, expected.get("a " + Series.minute(5)));
        assertEquals(24.0, expected.get("a " + Series.minute(16)));
        assertEquals(5.0, expected.get("b " + Series.minute(7)));
        assertEquals(1.4, expected.get("c " + Series.minute(9)), 1e-12);

        List<String> wrong = Series.differences(expected, Series.byKey(out), 1e-9, 8);
        assertTrue(wrong.isEmpty(), "the sliding averages (series at = window end; " + expected.size() + " expected, "
                + out.size() + " emitted) differ:\n  " + String.join("\n  ", wrong));
    }

    /** By hand, α = 0.5: a: 10, 15, 22.5, 31.25, …; b: 5, 5, 5, 7.5, 8.75, 14.375, …; c: 7; d: 8, 6. */
    @Test
    void exponentialAveragePerSeriesStartsAtTheFirstValue() throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment(2);
        List<Average> out = TestFlink.collect(averages.exponentialAverage(Series.stream(env, input()), 0.5));

        Map<String, List<Double>> actual = new TreeMap<>();
        out.stream().sorted(Comparator.comparing(Average::at))
                .forEach(a -> actual.computeIfAbsent(a.series(), k -> new ArrayList<>()).add(a.value()));
        Map<String, List<Double>> expected = new TreeMap<>();
        for (var s : SERIES.entrySet()) {
            List<Double> emas = new ArrayList<>();
            Double ema = null;
            for (double v : s.getValue().values()) {
                ema = ema == null ? v : 0.5 * v + 0.5 * ema;
                emas.add(ema);
            }
            expected.put(s.getKey(), emas);
        }
        assertEquals(List.of(10.0, 15.0, 22.5, 31.25), expected.get("a").subList(0, 4), "the hand computation");
        assertEquals(List.of(5.0, 5.0, 5.0, 7.5, 8.75, 14.375), expected.get("b").subList(0, 6), "the hand computation");
        assertEquals(List.of(8.0, 6.0), expected.get("d"), "the hand computation");

        assertEquals(expected.keySet(), actual.keySet(), "the series with averages");
        for (String series : expected.keySet()) {
            List<Double> e = expected.get(series);
            List<Double> a = actual.get(series);
            assertEquals(e.size(), a.size(), "series " + series + ": one average per value, got " + a);
            for (int i = 0; i < e.size(); i++) {
                assertEquals(e.get(i), a.get(i), 1e-9, "series " + series + ", average after value " + (i + 1) + " of " + e.size()
                        + " (expected " + e + ", got " + a + ")");
            }
        }
        // at = the minute of the value that updated it
        assertEquals(Series.minute(11), out.stream().filter(a -> a.series().equals("a")).map(Average::at).max(Comparator.naturalOrder()).orElseThrow());
    }
}
