package streamworkbook.week08;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * What counts as an anomaly (8.4).
 *
 * @param baseline    the z-score compares a value with the last this many normal values of its series
 * @param minBaseline no z-score before the baseline holds this many values
 * @param zScore      a value whose |z| is at least this is an anomaly
 * @param idle        a series with no new value for this long (in event time) is forgotten
 * @param limits      fixed limits per series: a value outside is an anomaly whatever the baseline says
 */
public record AnomalyRules(int baseline, int minBaseline, double zScore, Duration idle, Map<String, Limits> limits)
        implements Serializable {

    /** The values a series may take; use infinities for "no limit". */
    public record Limits(double min, double max) implements Serializable {
    }

    public AnomalyRules {
        if (minBaseline < 2 || baseline < minBaseline || zScore <= 0 || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("need 2 ≤ minBaseline ≤ baseline, zScore > 0 and idle > 0: " + baseline
                    + ", " + minBaseline + ", " + zScore + ", " + idle);
        }
        limits = Map.copyOf(limits);
    }
}
