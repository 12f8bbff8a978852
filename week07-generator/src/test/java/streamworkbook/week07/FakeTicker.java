package streamworkbook.week07;

/** A clock that stands still until a sleep or the test moves it. */
final class FakeTicker implements Ticker {

    private long now = 1_000_000_000L;
    private long sleeps;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleep(long nanos) {
        if (nanos > 0) {
            now += nanos;
            sleeps++;
        }
    }

    /** Time passes outside the pacer: the sender's own work, or a stall. */
    void advance(long nanos) {
        now += nanos;
    }

    long sleeps() {
        return sleeps;
    }
}
