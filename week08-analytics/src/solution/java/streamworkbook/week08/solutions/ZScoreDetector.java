package streamworkbook.week08.solutions;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import streamworkbook.week08.Alert;
import streamworkbook.week08.AnomalyDetection;
import streamworkbook.week08.AnomalyRules;
import streamworkbook.week08.MinuteMetric;

/** Reference solution of exercise 8.4. */
public class ZScoreDetector implements AnomalyDetection {

    @Override
    public KeyedProcessFunction<String, MinuteMetric, Alert> detector(AnomalyRules rules) {
        return new Detector(rules);
    }

    static final class Detector extends KeyedProcessFunction<String, MinuteMetric, Alert> {
        private final AnomalyRules rules;
        /** The series' last normal values, oldest first. */
        private transient ListState<Double> baseline;
        /** When the series' state may be forgotten: the timer that is armed now. */
        private transient ValueState<Long> expiry;

        Detector(AnomalyRules rules) {
            this.rules = rules;
        }

        @Override
        public void open(OpenContext context) {
            // state is declared here, in open(OpenContext): the runtime context exists only once the task runs
            baseline = getRuntimeContext().getListState(new ListStateDescriptor<>("baseline", Types.DOUBLE));
            expiry = getRuntimeContext().getState(new ValueStateDescriptor<>("expiry", Types.LONG));
        }

        @Override
        public void processElement(MinuteMetric m, Context context, Collector<Alert> out) throws Exception {
            boolean alerted = false;
            AnomalyRules.Limits limits = rules.limits().get(m.series());
            if (limits != null && (m.value() < limits.min() || m.value() > limits.max())) {
                out.collect(new Alert(m.series(), m.minute(), Alert.THRESHOLD, m.value(),
                        m.value() < limits.min() ? limits.min() : limits.max(), 0));
                alerted = true;
            }

            List<Double> values = new ArrayList<>();
            baseline.get().forEach(values::add);
            // the baseline is what came before: with the current value in it, a spike would raise its own mean
            // and standard deviation and hide itself
            if (values.size() >= rules.minBaseline()) {
                double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
                double sd = Math.sqrt(squares / (values.size() - 1));
                if (sd > 0) {
                    double z = (m.value() - mean) / sd;
                    if (Math.abs(z) >= rules.zScore()) {
                        out.collect(new Alert(m.series(), m.minute(), Alert.ZSCORE, m.value(), mean, z));
                        alerted = true;
                    }
                }
            }
            if (!alerted) {
                // only normal values teach the baseline what normal is
                values.add(m.value());
                if (values.size() > rules.baseline()) {
                    values.remove(0);
                }
                baseline.update(values);
            }

            // one timer per series: the newest value moves it
            Long armed = expiry.value();
            if (armed != null) {
                context.timerService().deleteEventTimeTimer(armed);
            }
            long at = m.minute().plus(rules.idle()).toEpochMilli();
            context.timerService().registerEventTimeTimer(at);
            expiry.update(at);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext context, Collector<Alert> out) {
            // the series has been quiet for rules.idle(): forget it, or its state would stay for ever
            baseline.clear();
            expiry.clear();
        }
    }
}
