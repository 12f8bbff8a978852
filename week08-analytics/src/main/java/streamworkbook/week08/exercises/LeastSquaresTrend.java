package streamworkbook.week08.exercises;

import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week08.MinuteMetric;
import streamworkbook.week08.Trend;
import streamworkbook.week08.TrendDetection;

/**
 * Exercise 8.3 — tell whether a series is rising or falling: the slope of a straight line through its latest
 * windows, per series, in keyed state.
 *
 * @see TrendDetection the contract
 * @see <a href="../../../../../../README.md#83-trends">week08-analytics/README.md#83-trends</a>
 */
public class LeastSquaresTrend implements TrendDetection {

    @Override
    public KeyedProcessFunction<String, MinuteMetric, Trend> detector(int windows, double threshold) {
        throw new NotImplementedYet("8.3");
    }
}
