package streamworkbook.week07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;

/**
 * Exercise 7.4 on a clock the test moves itself ({@link FakeTicker}): sleeping advances it, and so does the sender's
 * own work between two calls, so the figures are exact and the test takes milliseconds.
 *
 * <p>Rejects:
 * <ul>
 *   <li>sleeping {@code 1 / rate} after each record (a closed loop): every gap also holds the sender's own work, and at
 *       150 µs per send the rate falls from 5,000/s to under 3,000/s;</li>
 *   <li>catching up without a bound: after a 5 s stall, 5,000 records go out at once;</li>
 *   <li>re-anchoring the schedule to now after any delay: the missed second is never caught up;</li>
 *   <li>pacing by count when a speed is set (or by event times that are not measured from the first record);</li>
 *   <li>waiting with {@code Thread.sleep} or reading {@code System.nanoTime} instead of the ticker: the test then hangs or
 *       measures nothing.</li>
 * </ul>
 */
@Exercise("7.4")
@OnTimeout("does your pacer sleep with Thread.sleep, or read System.nanoTime, instead of the Ticker it was given? "
        + "The test's clock only moves through the Ticker.")
class PacerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    private static Pacer pacer(Pacing pacing, Ticker ticker) {
        return Exercises.pick(() -> new streamworkbook.week07.exercises.SteadyPacer(pacing, ticker),
                () -> new streamworkbook.week07.solutions.SteadyPacer(pacing, ticker));
    }

    @Test
    void aSteadyRateHoldsWithinTwoPercentInEveryTenSecondsWhateverTheSenderSpends() throws Exception {
        FakeTicker clock = new FakeTicker();
        Pacer pacer = pacer(Pacing.rate(5_000), clock);
        long start = clock.nanoTime();
        long[] perWindow = new long[6];
        while (true) {
            pacer.awaitTurn(T0);
            long window = (clock.nanoTime() - start) / 10_000_000_000L;
            if (window >= perWindow.length) {
                break;
            }
            perWindow[(int) window]++;
            clock.advance(150_000); // the send itself: 150 µs of the 200 µs a record may take
        }
        for (int w = 0; w < perWindow.length; w++) {
            assertEquals(50_000, perWindow[w], 1_000, "records in seconds " + (10 * w) + "–" + (10 * w + 10));
        }
    }

    @Test
    void afterAStallAtMostOneBurstGoesOutAtOnceThenTheRateHolds() throws Exception {
        FakeTicker clock = new FakeTicker();
        Pacer pacer = pacer(new Pacing(1_000, 0, Duration.ofSeconds(1)), clock);
        for (int i = 0; i < 100; i++) {
            pacer.awaitTurn(T0);
        }
        clock.advance(5_000_000_000L); // a 5 s stall: a full disk, a long GC pause, a broker that did not answer
        long stalledAt = clock.nanoTime();
        int atOnce = 0;
        while (true) {
            pacer.awaitTurn(T0);
            if (clock.nanoTime() != stalledAt) {
                break;
            }
            atOnce++;
        }
        assertEquals(1_000, atOnce, 2, "records sent at once after the stall: one second's worth");
        long resumedAt = clock.nanoTime();
        for (int i = 0; i < 2_000; i++) {
            pacer.awaitTurn(T0);
        }
        assertEquals(2.0, (clock.nanoTime() - resumedAt) / 1e9, 0.01, "seconds for the next 2,000 records");
    }

    @Test
    void bySpeedAnHourOfSimulatedTimeTakesAMinute() throws Exception {
        FakeTicker clock = new FakeTicker();
        Pacer pacer = pacer(Pacing.speed(60), clock);
        long start = clock.nanoTime();
        List<Double> releasedAfter = new ArrayList<>();
        for (Duration offset : List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(90),
                Duration.ofMinutes(90), Duration.ofHours(3))) {
            pacer.awaitTurn(T0.plus(offset));
            releasedAfter.add((clock.nanoTime() - start) / 1e9);
        }
        List<Double> expected = List.of(0.0, 1.0, 60.0, 90.0, 90.0, 180.0);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), releasedAfter.get(i), 0.001, "seconds until record " + i + " of " + releasedAfter);
        }
    }

    @Test
    void withoutRateOrSpeedItNeverWaits() throws Exception {
        FakeTicker clock = new FakeTicker();
        Pacer pacer = pacer(Pacing.unlimited(), clock);
        long start = clock.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            pacer.awaitTurn(T0.plusSeconds(i));
        }
        assertEquals(start, clock.nanoTime(), "time spent waiting");
        assertTrue(clock.sleeps() == 0, "sleeps: " + clock.sleeps());
    }
}
