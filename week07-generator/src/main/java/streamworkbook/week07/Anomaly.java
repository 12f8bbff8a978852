package streamworkbook.week07;

import java.time.Duration;
import java.time.Instant;

/**
 * Something going wrong in the shop on purpose, for week 8's detectors to find.
 *
 * @param kind      what goes wrong
 * @param from      when it starts (event time)
 * @param duration  how long it lasts
 * @param magnitude how strong: for {@link Kind#TRAFFIC_DROP} the share of traffic that remains (0.2 = 80 % lost),
 *                  for {@link Kind#PRICE_GLITCH} the factor on purchase prices (0.01 = a hundred times too cheap),
 *                  for {@link Kind#CHECKOUT_FAILURE} the share of checkouts that still succeed
 */
public record Anomaly(Kind kind, Instant from, Duration duration, double magnitude) {

    public enum Kind {
        /** Fewer shoppers arrive: a broken landing page, a DNS problem, an outage upstream. */
        TRAFFIC_DROP,
        /** Purchases at a wrong price: a bad price import. */
        PRICE_GLITCH,
        /** Checkouts fail: carts are filled, orders do not come. */
        CHECKOUT_FAILURE
    }

    public Anomaly {
        if (duration.isNegative() || duration.isZero() || magnitude < 0) {
            throw new IllegalArgumentException("an anomaly needs a positive duration and a magnitude ≥ 0: " + duration + ", " + magnitude);
        }
    }

    public boolean covers(Instant t) {
        return !t.isBefore(from) && t.isBefore(from.plus(duration));
    }
}
