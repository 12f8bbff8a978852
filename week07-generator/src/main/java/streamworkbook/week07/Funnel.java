package streamworkbook.week07;

import java.time.Duration;

/**
 * How shoppers behave in a session: the probabilities of each step of the shop's funnel
 * (land → browse → add to cart → check out → review), and how long they think between two clicks.
 *
 * @param searchFirst      the share of sessions that start with a search (the others land on the home page)
 * @param meanProductViews product pages viewed per session, on average (at least one)
 * @param addToCart        the chance that viewing a product puts it in the cart
 * @param removeFromCart   the chance that an item put in the cart is taken out again before checkout
 * @param purchase         the chance that a session whose cart is not empty at the end checks out
 * @param review           the chance that a purchased item is reviewed, one to three days later
 * @param minThink         the shortest pause between two events of a session
 * @param maxThink         the longest pause between two events of a session
 */
public record Funnel(double searchFirst, double meanProductViews, double addToCart, double removeFromCart,
                     double purchase, double review, Duration minThink, Duration maxThink) {

    public Funnel {
        for (double p : new double[] {searchFirst, addToCart, removeFromCart, purchase, review}) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("a funnel probability must be between 0 and 1, got " + p);
            }
        }
        if (meanProductViews < 1) {
            throw new IllegalArgumentException("meanProductViews must be at least 1, got " + meanProductViews);
        }
        if (minThink.isNegative() || maxThink.compareTo(minThink) < 0) {
            throw new IllegalArgumentException("think times must be 0 ≤ min ≤ max, got " + minThink + " and " + maxThink);
        }
    }

    /** A web shop of the usual shape: about 3 % of sessions end in an order. */
    public static Funnel typical() {
        return new Funnel(0.30, 4.0, 0.12, 0.15, 0.45, 0.25, Duration.ofSeconds(3), Duration.ofSeconds(90));
    }
}
