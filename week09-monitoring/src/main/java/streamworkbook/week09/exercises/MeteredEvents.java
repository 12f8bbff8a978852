package streamworkbook.week09.exercises;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week09.EventMetrics;

/**
 * Exercise 9.1 — measure the event stream from inside a Flink operator: a counter of events, a meter of their rate,
 * a histogram of how old each event is when it is processed, and a gauge of how far the watermark lags behind.
 *
 * @see EventMetrics the contract: metric names, groups and exact meanings
 * @see <a href="../../../../../../README.md#91-custom-metrics-in-a-flink-operator">week09-monitoring/README.md#91-custom-metrics-in-a-flink-operator</a>
 */
public class MeteredEvents extends EventMetrics {

    @Override
    public void open(OpenContext context) throws Exception {
        throw new NotImplementedYet("9.1");
    }

    @Override
    public void processElement(ShopEvent event, Context context, Collector<ShopEvent> out) throws Exception {
        throw new NotImplementedYet("9.1");
    }
}
