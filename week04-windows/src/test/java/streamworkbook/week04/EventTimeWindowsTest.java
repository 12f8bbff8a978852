package streamworkbook.week04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static streamworkbook.week04.TestEvents.at;
import static streamworkbook.week04.TestEvents.search;
import static streamworkbook.week04.TestEvents.view;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Exercise 4.1: the watermark strategy on its own, with a manual clock for idleness, and the tumbling counts on
 * events with exact timestamps and watermarks ({@link TestEvents#timestamped}).
 *
 * <p>Rejects:
 * <ul>
 *   <li>no timestamp assigner (Kafka's record time), processing time, or seconds instead of milliseconds — the
 *       timestamp is not the event time;</li>
 *   <li>{@code forMonotonousTimestamps}, {@code noWatermarks}, or another bound — the watermark is not newest − 2 s
 *       − 1 ms;</li>
 *   <li>no idleness, or idleness that is not the given timeout — not idle after 30 s, or idle before;</li>
 *   <li>processing-time windows — the counts do not follow the events' own times;</li>
 *   <li>a count window, a window over all types ({@code windowAll}), the enum name instead of the wire name as the
 *       key, or {@code maxTimestamp()} as the window's end;</li>
 *   <li>counting an event that arrives after its window fired (a late event must be dropped here).</li>
 * </ul>
 */
@Exercise("4.1")
class EventTimeWindowsTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private final EventTimeWindows windows = Exercises.pick(streamworkbook.week04.exercises.TumblingCounts::new,
            streamworkbook.week04.solutions.TumblingCounts::new);

    static final Comparator<WindowCount> BY_KEY_AND_START =
            Comparator.comparing(WindowCount::key).thenComparing(WindowCount::windowStart);

    @Test
    void theWatermarkTrailsTheNewestEventByTheBoundAndAnIdleInputSaysSo() {
        WatermarkStrategy<ShopEvent> strategy = windows.watermarks(Duration.ofSeconds(2), Duration.ofSeconds(30));
        ManualClock clock = new ManualClock(1_000_000_000L);
        WatermarkGenerator<ShopEvent> generator = strategy.createWatermarkGenerator(new WatermarkGeneratorSupplier.Context() {
            @Override
            public MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
            }

            @Override
            public RelativeClock getInputActivityClock() {
                return clock;
            }
        });
        TimestampAssigner<ShopEvent> timestamps = strategy.createTimestampAssigner(
                (TimestampAssignerSupplier.Context) UnregisteredMetricsGroup::new);
        RecordingOutput output = new RecordingOutput();

        for (ShopEvent event : List.of(view(10), view(7), view(12.5), view(11))) {
            long timestamp = timestamps.extractTimestamp(event, Long.MIN_VALUE);
            assertEquals(event.eventTime().toEpochMilli(), timestamp, "the timestamp is the event time");
            generator.onEvent(event, timestamp, output);
        }
        generator.onPeriodicEmit(output);
        assertEquals(List.of("watermark " + (at(12.5).toEpochMilli() - 2_000 - 1)), output.drain(),
                "newest event time − 2 s − 1 ms");

        // no events any more: still active until the idle timeout has passed
        generator.onPeriodicEmit(output);
        clock.advanceTime(Duration.ofSeconds(29));
        generator.onPeriodicEmit(output);
        assertEquals(false, output.drain().contains("idle"), "not idle before 30 s without events");
        clock.advanceTime(Duration.ofSeconds(2));
        generator.onPeriodicEmit(output);
        assertEquals(true, output.drain().contains("idle"), "idle after 30 s without events");
    }

    @Test
    void eventsAreCountedPerTypeInTumblingWindowsAndLateOnesDropped() throws Exception {
        List<ShopEvent> events = List.of(
                view(1), view(4), search(6), view(11),
                view(9),     // 2 s behind the newest: within the bound, still counted in [0, 10)
                search(13),
                view(25),    // watermark 22.999 s: windows [0, 10) and [10, 20) fire
                view(8),     // [0, 10) has fired: dropped
                view(21));
        StreamExecutionEnvironment env = TestFlink.environment();
        List<WindowCount> out = new ArrayList<>(TestFlink.collect(windows.countsPerType(
                TestEvents.timestamped(env, Duration.ofSeconds(2), events), Duration.ofSeconds(10))));

        out.sort(BY_KEY_AND_START);
        assertEquals(List.of(
                new WindowCount("page_view", at(0), at(10), 3),
                new WindowCount("page_view", at(10), at(20), 1),
                new WindowCount("page_view", at(20), at(30), 2),
                new WindowCount("search", at(0), at(10), 1),
                new WindowCount("search", at(10), at(20), 1)), out);
    }

    /** Writes what the generator emits as short strings. */
    private static final class RecordingOutput implements WatermarkOutput {
        private final List<String> emitted = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add("watermark " + watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            emitted.add("idle");
        }

        @Override
        public void markActive() {
            emitted.add("active");
        }

        List<String> drain() {
            List<String> copy = List.copyOf(emitted);
            emitted.clear();
            return copy;
        }
    }
}
