package streamworkbook.week07;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * When shoppers come: a daily rhythm with a peak hour, busier weekends, and promotions.
 *
 * @param zone          the shop's time zone: "8 pm" is 8 pm there
 * @param peakHour      the busiest hour of the day (0–23, local time); the quietest is twelve hours later
 * @param peakToTrough  how many times busier the peak hour is than the quietest hour (1 = no daily rhythm)
 * @param weekendFactor how many times busier a Saturday or Sunday is than a weekday (1 = no weekly rhythm)
 * @param promotions    periods during which traffic is multiplied
 */
public record TrafficShape(ZoneId zone, int peakHour, double peakToTrough, double weekendFactor, List<Promotion> promotions) {

    /** During {@code [from, to)}, traffic is {@code factor} times what it would be. */
    public record Promotion(Instant from, Instant to, double factor) {
        public Promotion {
            if (!to.isAfter(from) || factor <= 0) {
                throw new IllegalArgumentException("a promotion needs from < to and a positive factor, got " + from + ", " + to + ", " + factor);
            }
        }

        public boolean covers(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    public TrafficShape {
        if (peakHour < 0 || peakHour > 23) {
            throw new IllegalArgumentException("peakHour must be 0–23, got " + peakHour);
        }
        if (peakToTrough < 1 || weekendFactor <= 0) {
            throw new IllegalArgumentException("peakToTrough must be ≥ 1 and weekendFactor > 0, got " + peakToTrough + " and " + weekendFactor);
        }
        promotions = List.copyOf(promotions);
    }

    /** A European shop: busiest at 8 pm Berlin time, four times the 8 am trough; weekends 30 % busier. */
    public static TrafficShape typical() {
        return new TrafficShape(ZoneId.of("Europe/Berlin"), 20, 4.0, 1.3, List.of());
    }

    /** No rhythm at all: every hour alike (benchmarks, and tests of other things). */
    public static TrafficShape flat() {
        return new TrafficShape(ZoneId.of("UTC"), 0, 1.0, 1.0, List.of());
    }

    public TrafficShape withPromotion(Promotion promotion) {
        List<Promotion> all = new java.util.ArrayList<>(promotions);
        all.add(promotion);
        return new TrafficShape(zone, peakHour, peakToTrough, weekendFactor, all);
    }
}
