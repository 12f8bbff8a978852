package streamworkbook.week09.solutions;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.util.Collector;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week09.EventMetrics;

/** Reference solution of exercise 9.1. */
public class MeteredEvents extends EventMetrics {

    /** How many recent events the latency histogram keeps: its quantiles describe these. */
    private static final int HISTOGRAM_WINDOW = 10_000;

    private transient Counter eventsIn;
    private transient Histogram eventTimeLag;
    // written by the task thread, read by the reporter's thread whenever Prometheus scrapes
    private transient volatile long lastWatermark;

    @Override
    public void open(OpenContext context) {
        // Metrics are registered once, here: a metric registered again under the same name is ignored by Flink
        // (with a warning), so one created per record would never be seen by the reporter.
        MetricGroup shop = getRuntimeContext().getMetricGroup().addGroup(GROUP);
        eventsIn = shop.counter(EVENTS_IN);
        // the meter is a view of the counter: Flink updates its rate every 5 s from the counter's value
        shop.meter(EVENTS_PER_SECOND, new MeterView(eventsIn, METER_SPAN_SECONDS));
        eventTimeLag = shop.histogram(EVENT_TIME_LAG, new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        lastWatermark = Long.MIN_VALUE;
        // a gauge is computed when it is read (at each scrape), so the lag keeps growing while nothing arrives
        shop.gauge(WATERMARK_LAG, (Gauge<Long>) this::watermarkLag);
    }

    @Override
    public void processElement(ShopEvent event, Context context, Collector<ShopEvent> out) {
        eventsIn.inc();
        // event time against the wall clock: how old the event is now, not how long this method takes
        eventTimeLag.update(System.currentTimeMillis() - event.eventTime().toEpochMilli());
        lastWatermark = context.timerService().currentWatermark();
        out.collect(event);
    }

    private long watermarkLag() {
        long watermark = lastWatermark;
        return watermark == Long.MIN_VALUE ? 0 : System.currentTimeMillis() - watermark;
    }
}
