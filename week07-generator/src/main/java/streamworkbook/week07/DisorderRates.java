package streamworkbook.week07;

import java.time.Duration;

/**
 * Imperfections on purpose, as real traffic has them; later weeks are tested against exactly these.
 *
 * @param late        the share of events that arrive late: their event time lies behind their place in the
 *                    stream by an exponentially distributed delay
 * @param meanDelay   the mean of that delay
 * @param duplicates  the share of events sent twice (same event id, same bytes), the copy a little later
 * @param invalid     the share of events that break their contract (replaced by a broken record: see {@link Corruption})
 */
public record DisorderRates(double late, Duration meanDelay, double duplicates, double invalid) {

    public DisorderRates {
        for (double p : new double[] {late, duplicates, invalid}) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("a disorder rate must be between 0 and 1, got " + p);
            }
        }
        if (meanDelay.isNegative()) {
            throw new IllegalArgumentException("meanDelay must not be negative: " + meanDelay);
        }
    }

    public static DisorderRates none() {
        return new DisorderRates(0, Duration.ofSeconds(30), 0, 0);
    }
}
