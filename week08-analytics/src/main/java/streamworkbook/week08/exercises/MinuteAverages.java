package streamworkbook.week08.exercises;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week08.Average;
import streamworkbook.week08.MinuteMetric;
import streamworkbook.week08.MovingAverages;

/**
 * Exercise 8.1 — smooth a per-minute series two ways: a simple moving average over sliding event-time windows, and
 * an exponential moving average kept in keyed state.
 *
 * @see MovingAverages the contract
 * @see <a href="../../../../../../README.md#81-moving-averages">week08-analytics/README.md#81-moving-averages</a>
 */
public class MinuteAverages implements MovingAverages {

    @Override
    public DataStream<Average> slidingAverage(DataStream<MinuteMetric> minutes, Duration size, Duration slide) {
        throw new NotImplementedYet("8.1");
    }

    @Override
    public DataStream<Average> exponentialAverage(DataStream<MinuteMetric> minutes, double alpha) {
        throw new NotImplementedYet("8.1");
    }
}
