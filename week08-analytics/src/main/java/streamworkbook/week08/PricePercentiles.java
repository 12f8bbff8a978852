package streamworkbook.week08;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.WindowedStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Given: percentiles per key and minute, twice — with 8.2's sketch, and exactly, from every value the window kept,
 * for comparison. The exact way needs memory for every value of the window (Flink keeps them all in window state);
 * the sketch a few kilobytes whatever the traffic.
 */
public final class PricePercentiles {

    /** The percentiles both ways report. */
    public static final double[] RANKS = {0.5, 0.95, 0.99};

    private PricePercentiles() {
    }

    /** Unit prices of the events that have one (add to cart, remove from cart, purchase), keyed by event type. */
    public static DataStream<Sample> prices(DataStream<ShopEvent> events) {
        return events.filter(e -> e.price() != null)
                .map(e -> new Sample(e.type().wireName(), e.eventTime(), e.price().doubleValue()))
                .name("prices");
    }

    /** Per key and minute, the percentiles from {@code sketch} ({@code method} = {@code tdigest}). */
    public static DataStream<Percentiles> sketched(DataStream<Sample> samples, SketchPercentiles sketch) {
        return sketched(minutes(samples), sketch.aggregate());
    }

    /** Per key and minute, the exact percentiles ({@code method} = {@code exact}). */
    public static DataStream<Percentiles> exact(DataStream<Sample> samples) {
        return minutes(samples).process(new ExactPercentiles()).name("exact percentiles");
    }

    private static WindowedStream<Sample, String, TimeWindow> minutes(DataStream<Sample> samples) {
        return samples.keyBy(Sample::key).window(TumblingEventTimeWindows.of(MinuteMetrics.MINUTE));
    }

    private static <A> DataStream<Percentiles> sketched(WindowedStream<Sample, String, TimeWindow> windows,
                                                        AggregateFunction<Double, A, Quantiles> function) {
        // the accumulator's type as Flink sees it: a generic type here fails the job, as generic types are disabled
        TypeInformation<A> accumulator = TypeExtractor.getAggregateFunctionAccumulatorType(function, Types.DOUBLE,
                function.getClass().getSimpleName(), false);
        return windows.aggregate(new OnValues<>(function), new Stamp(), accumulator,
                        TypeInformation.of(Quantiles.class), TypeInformation.of(Percentiles.class))
                .name("sketched percentiles");
    }

    /** The percentiles of sorted values, each the smallest value whose rank (the share of values ≤ it) is ≥ p. */
    public static Quantiles exact(double[] sorted) {
        if (sorted.length == 0) {
            return new Quantiles(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] q = new double[RANKS.length];
        for (int i = 0; i < RANKS.length; i++) {
            int index = (int) Math.ceil(RANKS[i] * sorted.length) - 1;
            q[i] = sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
        return new Quantiles(sorted.length, q[0], q[1], q[2]);
    }

    /** The learner's function on the samples' values. */
    private static final class OnValues<A> implements AggregateFunction<Sample, A, Quantiles> {
        private final AggregateFunction<Double, A, Quantiles> function;

        OnValues(AggregateFunction<Double, A, Quantiles> function) {
            this.function = function;
        }

        @Override
        public A createAccumulator() {
            return function.createAccumulator();
        }

        @Override
        public A add(Sample sample, A accumulator) {
            return function.add(sample.value(), accumulator);
        }

        @Override
        public Quantiles getResult(A accumulator) {
            return function.getResult(accumulator);
        }

        @Override
        public A merge(A a, A b) {
            return function.merge(a, b);
        }
    }

    private static final class Stamp extends ProcessWindowFunction<Quantiles, Percentiles, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Quantiles> results, Collector<Percentiles> out) {
            out.collect(Percentiles.of(key, Instant.ofEpochMilli(context.window().getStart()), "tdigest", results.iterator().next()));
        }
    }

    private static final class ExactPercentiles extends ProcessWindowFunction<Sample, Percentiles, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Sample> samples, Collector<Percentiles> out) {
            List<Double> values = new ArrayList<>();
            samples.forEach(s -> values.add(s.value()));
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            out.collect(Percentiles.of(key, Instant.ofEpochMilli(context.window().getStart()), "exact", exact(sorted)));
        }
    }
}
