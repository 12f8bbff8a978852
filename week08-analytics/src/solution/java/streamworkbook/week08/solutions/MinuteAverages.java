package streamworkbook.week08.solutions;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import streamworkbook.week08.Average;
import streamworkbook.week08.MinuteMetric;
import streamworkbook.week08.MovingAverages;

/** Reference solution of exercise 8.1. */
public class MinuteAverages implements MovingAverages {

    @Override
    public DataStream<Average> slidingAverage(DataStream<MinuteMetric> minutes, Duration size, Duration slide) {
        return minutes
                .keyBy(MinuteMetric::series)
                .window(SlidingEventTimeWindows.of(size, slide))
                .process(new WindowAverage(size.toMinutes()))
                .name("sliding average");
    }

    @Override
    public DataStream<Average> exponentialAverage(DataStream<MinuteMetric> minutes, double alpha) {
        return minutes
                .keyBy(MinuteMetric::series)
                .process(new Ema(alpha))
                .name("exponential average");
    }

    /** Σ values / minutes in the window: a minute with no element contributed 0. */
    static final class WindowAverage extends ProcessWindowFunction<MinuteMetric, Average, String, TimeWindow> {
        private final long minutesPerWindow;

        WindowAverage(long minutesPerWindow) {
            this.minutesPerWindow = minutesPerWindow;
        }

        @Override
        public void process(String series, Context context, Iterable<MinuteMetric> values, Collector<Average> out) {
            double sum = 0;
            for (MinuteMetric m : values) {
                sum += m.value();
            }
            // divide by the window's minutes, not by the elements: a quiet minute is a zero, not a gap
            out.collect(new Average(series, Instant.ofEpochMilli(context.window().getEnd()), sum / minutesPerWindow));
        }
    }

    /** The previous average in keyed state: one per series, checkpointed with the job. */
    static final class Ema extends KeyedProcessFunction<String, MinuteMetric, Average> {
        private final double alpha;
        private transient ValueState<Double> average;

        Ema(double alpha) {
            this.alpha = alpha;
        }

        @Override
        public void open(OpenContext context) {
            average = getRuntimeContext().getState(new ValueStateDescriptor<>("ema", Types.DOUBLE));
        }

        @Override
        public void processElement(MinuteMetric m, Context context, Collector<Average> out) throws Exception {
            Double previous = average.value();
            // null: the series' first value; it is the first average (starting from 0 would drag it down for minutes)
            double next = previous == null ? m.value() : alpha * m.value() + (1 - alpha) * previous;
            average.update(next);
            out.collect(new Average(m.series(), m.minute(), next));
        }
    }
}
