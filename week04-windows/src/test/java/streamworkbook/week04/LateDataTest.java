package streamworkbook.week04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static streamworkbook.week04.TestEvents.at;
import static streamworkbook.week04.TestEvents.search;
import static streamworkbook.week04.TestEvents.view;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.CollectedStream;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Exercise 4.3, on events with exact timestamps and watermarks ({@link TestEvents#timestamped}, here with no
 * out-of-orderness: the watermark is newest − 1 ms), so which event is late, and by how much, is certain.
 *
 * <p>Rejects:
 * <ul>
 *   <li>no allowed lateness — the late event at 8 s goes to the side output instead of updating [0, 10) to 3;</li>
 *   <li>no side output — the event at 9 s, later than the lateness, is lost;</li>
 *   <li>a lateness other than {@code allowedLateness} (a fixed one, or the window size) — the event at 9 s is
 *       still counted, or zero lateness keeps events it should not;</li>
 *   <li>a trigger that fires only once, or purges the window when it fires — no second firing with the corrected
 *       count 3 (a purging trigger fires 1: the late event alone);</li>
 *   <li>processing-time windows.</li>
 * </ul>
 */
@Exercise("4.3")
class LateDataTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private final LateData job = Exercises.pick(streamworkbook.week04.exercises.LateCounts::new,
            streamworkbook.week04.solutions.LateCounts::new);

    @Test
    void aLateEventWithinTheLatenessUpdatesItsWindowAndOneBeyondGoesToTheSideOutput() throws Exception {
        ShopEvent tooLate = view(9);
        List<ShopEvent> events = List.of(
                view(1), view(3),
                view(12),   // watermark 11.999 s: [0, 10) fires with 2
                view(8),    // late, but 11.999 < 9.999 + 5: added, [0, 10) fires again with 3
                view(16),   // watermark 15.999 s ≥ 9.999 + 5: [0, 10) is gone
                tooLate,    // → side output
                view(25));  // watermark 24.999 s: [10, 20) fires with 2; [20, 30) at the end of input
        StreamExecutionEnvironment env = TestFlink.environment();
        SingleOutputStreamOperator<WindowCount> counts = job.countsWithLateness(
                TestEvents.timestamped(env, Duration.ZERO, events), Duration.ofSeconds(10), Duration.ofSeconds(5));
        CollectedStream<WindowCount> fired = CollectedStream.of(counts);
        CollectedStream<ShopEvent> late = CollectedStream.of(counts.getSideOutput(LateData.TOO_LATE));
        TestFlink.run(env, "late data");

        // one key (page_view), so one window operator instance: firings arrive in this exact order
        assertEquals(List.of(
                new WindowCount("page_view", at(0), at(10), 2),
                new WindowCount("page_view", at(0), at(10), 3),
                new WindowCount("page_view", at(10), at(20), 2),
                new WindowCount("page_view", at(20), at(30), 1)), fired.values());
        assertEquals(List.of(tooLate), late.values());
    }

    @Test
    void withoutLatenessEveryEventBehindTheWatermarkIsSideOutput() throws Exception {
        ShopEvent late1 = search(2);
        ShopEvent late2 = view(9.999);
        List<ShopEvent> events = List.of(view(1), search(5), view(10), late1, late2, view(10.5));
        StreamExecutionEnvironment env = TestFlink.environment();
        SingleOutputStreamOperator<WindowCount> counts = job.countsWithLateness(
                TestEvents.timestamped(env, Duration.ZERO, events), Duration.ofSeconds(10), Duration.ZERO);
        CollectedStream<WindowCount> fired = CollectedStream.of(counts);
        CollectedStream<ShopEvent> late = CollectedStream.of(counts.getSideOutput(LateData.TOO_LATE));
        TestFlink.run(env, "no lateness");

        List<WindowCount> windows = new ArrayList<>(fired.values());
        windows.sort(EventTimeWindowsTest.BY_KEY_AND_START);
        assertEquals(List.of(
                new WindowCount("page_view", at(0), at(10), 1),
                new WindowCount("page_view", at(10), at(20), 2),
                new WindowCount("search", at(0), at(10), 1)), windows);
        List<ShopEvent> lateEvents = new ArrayList<>(late.values());
        lateEvents.sort(Comparator.comparing(ShopEvent::eventTime));
        assertEquals(List.of(late1, late2), lateEvents);
    }
}
