package streamworkbook.week07;

import java.util.concurrent.TimeUnit;

/** The passing of real time, as a pacer sees it; tests replace it with a clock they move themselves. */
public interface Ticker {

    /** Now, in nanoseconds from an arbitrary origin (as {@link System#nanoTime()}). */
    long nanoTime();

    /** Waits {@code nanos} nanoseconds (returns at once for zero or less). */
    void sleep(long nanos) throws InterruptedException;

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            if (nanos > 0) {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        }
    };
}
