package streamworkbook.week07.solutions;

import java.time.Duration;
import java.time.Instant;
import streamworkbook.week07.Pacer;
import streamworkbook.week07.Pacing;
import streamworkbook.week07.Ticker;

/**
 * Exercise 7.4, reference solution: every record has a due time on a schedule fixed at the first call; the pacer
 * sleeps until it, never "a gap after the last send" (which would add the send's own time to every gap and drift).
 */
public class SteadyPacer implements Pacer {

    private final Pacing pacing;
    private final Ticker ticker;
    private final long maxBurstNanos;
    private long origin;
    private Instant firstEmit;
    private long sent;

    public SteadyPacer(Pacing pacing, Ticker ticker) {
        this.pacing = pacing;
        this.ticker = ticker;
        this.maxBurstNanos = pacing.maxBurst().toNanos();
    }

    @Override
    public void awaitTurn(Instant emitAt) throws InterruptedException {
        if (pacing.rate() == 0 && pacing.speed() == 0) {
            return;
        }
        long now = ticker.nanoTime();
        if (firstEmit == null) {
            origin = now;
            firstEmit = emitAt;
        }
        long due = origin + offsetNanos(emitAt);
        sent++;
        if (now - due > maxBurstNanos) {
            origin += now - due - maxBurstNanos; // too far behind: move the schedule instead of bursting
        } else if (due > now) {
            ticker.sleep(due - now);
        }
    }

    /** Where this record sits on the schedule, from its start. */
    private long offsetNanos(Instant emitAt) {
        if (pacing.speed() > 0) {
            return (long) (Duration.between(firstEmit, emitAt).toNanos() / pacing.speed());
        }
        return (long) (sent * 1e9 / pacing.rate());
    }
}
