package streamworkbook.week04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static streamworkbook.week04.TestEvents.at;
import static streamworkbook.week04.TestEvents.purchase;
import static streamworkbook.week04.TestEvents.search;
import static streamworkbook.week04.TestEvents.view;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Exercise 4.2, on events with exact timestamps and watermarks ({@link TestEvents#timestamped}): every overlapping
 * window's count, and sessions with the boundary cases of the gap and a session bridged by a late event.
 *
 * <p>Rejects:
 * <ul>
 *   <li>tumbling instead of sliding windows, or size and slide swapped — windows and counts differ;</li>
 *   <li>processing-time windows (sliding or session) — the windows do not follow the events' own times;</li>
 *   <li>counting other event types that name a product (an add-to-cart), or page views without a product;</li>
 *   <li>a gap that is off by one millisecond either way — "exactly the gap" must stay one session, "gap + 1 ms"
 *       must be two;</li>
 *   <li>an accumulator whose {@code merge} loses one side — the bridged session of u-5 comes out short;</li>
 *   <li>summing prices instead of {@code revenue()}, or the window's end as the last event's time.</li>
 * </ul>
 */
@Exercise("4.2")
class SlidingAndSessionsTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private final SlidingAndSessions job = Exercises.pick(streamworkbook.week04.exercises.ViewsAndSessions::new,
            streamworkbook.week04.solutions.ViewsAndSessions::new);

    @Test
    void productViewsAreCountedInEveryOverlappingWindow() throws Exception {
        List<ShopEvent> events = List.of(
                view("u-1", 1, "p-001"), view("u-2", 4, "p-001"), view("u-1", 6, "p-001"),
                view("u-3", 7, "p-002"),
                ShopEvent.addToCart(TestEvents.id(), at(7.5), "u-3", "u-3-s", "p-002", 1, BigDecimal.ONE), // not a view
                ShopEvent.pageView(TestEvents.id(), at(8), "u-1", "u-1-s", "/deals", null), // no product
                search(9),
                view("u-2", 11, "p-001"));
        StreamExecutionEnvironment env = TestFlink.environment();
        List<WindowCount> out = new ArrayList<>(TestFlink.collect(job.productViews(
                TestEvents.timestamped(env, Duration.ZERO, events), Duration.ofSeconds(10), Duration.ofSeconds(5))));

        out.sort(EventTimeWindowsTest.BY_KEY_AND_START);
        assertEquals(List.of(
                new WindowCount("p-001", at(-5), at(5), 2),
                new WindowCount("p-001", at(0), at(10), 3),
                new WindowCount("p-001", at(5), at(15), 2),
                new WindowCount("p-001", at(10), at(20), 1),
                new WindowCount("p-002", at(0), at(10), 1),
                new WindowCount("p-002", at(5), at(15), 1)), out);
    }

    @Test
    void sessionsEndAfterTheGapAndMergeWhenAnEventBridgesThem() throws Exception {
        // (in arrival order; u-1: 0, 10, 35 → one session, 100 → another)
        List<ShopEvent> events = List.of(
                view("u-1", 0, "p-001"), view("u-3", 0, "p-003"), view("u-4", 0, "p-004"), view("u-5", 0, "p-005"),
                view("u-1", 10, "p-001"),
                purchase("u-2", 20, 2, "5.00"),
                view("u-3", 30, "p-003"),        // exactly the gap after u-3's last event: same session
                view("u-4", 30.001, "p-004"),    // 1 ms more than the gap: a new session
                purchase("u-1", 35, 1, "19.90"), // 25 s after u-1's last event: same session
                view("u-5", 50, "p-005"),        // 50 s after u-5's last event: a second session …
                view("u-5", 25, "p-005"),        // … until this out-of-order event bridges the two
                view("u-1", 100, "p-002"));      // 65 s after u-1's last event: a new session
        StreamExecutionEnvironment env = TestFlink.environment();
        // a bound of 60 s: the bridging event (25 s behind the newest) is not late
        List<UserSession> out = new ArrayList<>(TestFlink.collect(job.sessions(
                TestEvents.timestamped(env, Duration.ofSeconds(60), events), Duration.ofSeconds(30))));

        out.sort(Comparator.comparing(UserSession::userId).thenComparing(UserSession::firstEvent));
        assertEquals(List.of(
                new UserSession("u-1", at(0), at(35), 3, new BigDecimal("19.90")),
                new UserSession("u-1", at(100), at(100), 1, BigDecimal.ZERO),
                new UserSession("u-2", at(20), at(20), 1, new BigDecimal("10.00")),
                new UserSession("u-3", at(0), at(30), 2, BigDecimal.ZERO),
                new UserSession("u-4", at(0), at(0), 1, BigDecimal.ZERO),
                new UserSession("u-4", at(30.001), at(30.001), 1, BigDecimal.ZERO),
                new UserSession("u-5", at(0), at(50), 3, BigDecimal.ZERO)), out);
    }
}
