package streamworkbook.week08.solutions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import streamworkbook.week08.MinuteMetric;
import streamworkbook.week08.Trend;
import streamworkbook.week08.TrendDetection;

/** Reference solution of exercise 8.3. */
public class LeastSquaresTrend implements TrendDetection {

    @Override
    public KeyedProcessFunction<String, MinuteMetric, Trend> detector(int windows, double threshold) {
        return new Detector(windows, threshold);
    }

    static final class Detector extends KeyedProcessFunction<String, MinuteMetric, Trend> {
        private final int windows;
        private final double threshold;
        private transient ListState<MinuteMetric> latest;

        Detector(int windows, double threshold) {
            this.windows = windows;
            this.threshold = threshold;
        }

        @Override
        public void open(OpenContext context) {
            latest = getRuntimeContext().getListState(new ListStateDescriptor<>("latest", TypeInformation.of(MinuteMetric.class)));
        }

        @Override
        public void processElement(MinuteMetric m, Context context, Collector<Trend> out) throws Exception {
            List<MinuteMetric> kept = new ArrayList<>();
            latest.get().forEach(kept::add);
            if (kept.size() >= windows && kept.stream().allMatch(k -> k.minute().isAfter(m.minute()))) {
                return; // older than the whole window of interest: it changes nothing
            }
            kept.add(m);
            // by minute, not by arrival: a late element takes its place in time
            kept.sort(Comparator.comparing(MinuteMetric::minute));
            if (kept.size() > windows) {
                kept = new ArrayList<>(kept.subList(kept.size() - windows, kept.size()));
            }
            latest.update(kept);
            if (kept.size() < windows) {
                return;
            }
            // least squares: slope = Σ (x − x̄)(y − ȳ) / Σ (x − x̄)², x in minutes (gaps stay gaps)
            double origin = kept.get(0).minute().getEpochSecond() / 60.0;
            double meanX = 0;
            double meanY = 0;
            for (MinuteMetric k : kept) {
                meanX += k.minute().getEpochSecond() / 60.0 - origin;
                meanY += k.value();
            }
            meanX /= kept.size();
            meanY /= kept.size();
            double sxy = 0;
            double sxx = 0;
            for (MinuteMetric k : kept) {
                double dx = k.minute().getEpochSecond() / 60.0 - origin - meanX;
                sxy += dx * (k.value() - meanY);
                sxx += dx * dx;
            }
            double slope = sxy / sxx;
            MinuteMetric last = kept.get(kept.size() - 1);
            if (slope >= threshold * Math.abs(meanY)) {
                out.collect(new Trend(m.series(), last.minute(), Trend.Direction.RISING, slope, meanY));
            } else if (slope <= -threshold * Math.abs(meanY)) {
                out.collect(new Trend(m.series(), last.minute(), Trend.Direction.FALLING, slope, meanY));
            }
        }
    }
}
