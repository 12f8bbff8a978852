package streamworkbook.week08;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * How the analytics job smooths, trends and alerts.
 *
 * @param smaSize        the sliding average's window (8.1)
 * @param smaSlide       …and how often it moves
 * @param emaAlpha       the exponential average's weight of the newest value (8.1)
 * @param trendWindows   how many minutes a trend is fitted to (8.3)
 * @param trendThreshold the slope, relative to the mean per minute, that counts as a trend (8.3)
 * @param anomalies      the anomaly rules (8.4)
 */
public record AnalyticsSettings(Duration smaSize, Duration smaSlide, double emaAlpha, int trendWindows,
                                double trendThreshold, AnomalyRules anomalies) implements Serializable {

    /**
     * A 5-minute average moving every minute; α = 0.3; trends over 10 minutes at 2 % of the mean per minute;
     * anomalies at |z| ≥ 5 against the last 30 normal minutes (at least 10), series forgotten after 30 quiet
     * minutes, and an average purchase price under 5.00 always an anomaly (the catalogue's cheapest product costs
     * 1.00, and an average over dozens of purchases never comes near it).
     *
     * <p>Why 5 and not the textbook 3: the job watches six series, each minute. With a normal-ish series, |z| ≥ 3
     * happens about once in 370 minutes by chance — with six series that is a false alarm about every hour, and
     * small baselines make the tails heavier still. At 5 the shop's injected anomalies (traffic down to a fifth,
     * prices a hundredfold too low, nine checkouts in ten failing) still stand out by 8 to 30 standard deviations.
     */
    public static AnalyticsSettings defaults() {
        return new AnalyticsSettings(Duration.ofMinutes(5), Duration.ofMinutes(1), 0.3, 10, 0.02,
                new AnomalyRules(30, 10, 5.0, Duration.ofMinutes(30),
                        Map.of(MinuteMetrics.AVG_PRICE, new AnomalyRules.Limits(5.00, Double.POSITIVE_INFINITY))));
    }
}
