package streamworkbook.week07;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that decides the generated stream. The same settings (and catalogue) give the same records, byte
 * for byte.
 *
 * @param seed            the seed of every random choice
 * @param start           the simulated time of the first arrival
 * @param eventsPerSecond events per simulated second on average over a week (the session arrival rate follows)
 * @param funnel          how shoppers behave
 * @param shape           when they come
 * @param disorder        late, duplicate and broken events
 * @param anomalies       things going wrong on purpose
 */
public record GeneratorSettings(long seed, Instant start, double eventsPerSecond, Funnel funnel, TrafficShape shape,
                                DisorderRates disorder, List<Anomaly> anomalies) {

    public GeneratorSettings {
        if (eventsPerSecond <= 0) {
            throw new IllegalArgumentException("eventsPerSecond must be positive, got " + eventsPerSecond);
        }
        anomalies = List.copyOf(anomalies);
    }

    public static Builder builder(long seed, Instant start) {
        return new Builder(seed, start);
    }

    public static final class Builder {
        private final long seed;
        private final Instant start;
        private double eventsPerSecond = 100;
        private Funnel funnel = Funnel.typical();
        private TrafficShape shape = TrafficShape.typical();
        private DisorderRates disorder = DisorderRates.none();
        private final List<Anomaly> anomalies = new ArrayList<>();

        private Builder(long seed, Instant start) {
            this.seed = seed;
            this.start = start;
        }

        public Builder eventsPerSecond(double rate) {
            this.eventsPerSecond = rate;
            return this;
        }

        public Builder funnel(Funnel funnel) {
            this.funnel = funnel;
            return this;
        }

        public Builder shape(TrafficShape shape) {
            this.shape = shape;
            return this;
        }

        public Builder disorder(DisorderRates disorder) {
            this.disorder = disorder;
            return this;
        }

        public Builder anomaly(Anomaly anomaly) {
            this.anomalies.add(anomaly);
            return this;
        }

        public GeneratorSettings build() {
            return new GeneratorSettings(seed, start, eventsPerSecond, funnel, shape, disorder, anomalies);
        }
    }
}
