package streamworkbook.week09;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Exercise 9.1 — the contract of an operator that measures the shop's event stream, for Prometheus.
 *
 * <p>The operator passes every event on, unchanged and in order. In the user group {@value #GROUP} of its
 * operator metric group it keeps four metrics, which Flink's Prometheus reporter exposes as
 * {@code flink_taskmanager_job_task_operator_shop_<name>} ({@link #prometheusName}), one series per parallel
 * subtask, labelled with the job, task, operator and subtask:
 * <ul>
 *   <li>{@value #EVENTS_IN} — a counter: the events this subtask has processed, each counted exactly once, from 0
 *       when the subtask starts;</li>
 *   <li>{@value #EVENTS_PER_SECOND} — a meter: the rate of that same count, in events per second, as Flink's
 *       {@code MeterView} computes it over a 60-second span;</li>
 *   <li>{@value #EVENT_TIME_LAG} — a histogram over (at least) the last 1,000 events of the subtask: for each event,
 *       the wall-clock time at which the operator processed it minus the event's own {@code eventTime}, in
 *       milliseconds (how old an event is when the pipeline gets to it);</li>
 *   <li>{@value #WATERMARK_LAG} — a gauge: the wall-clock time at which the gauge is read minus the event-time
 *       watermark as the operator last saw it (the watermark current when it processed its latest event), in
 *       milliseconds; 0 until the operator has seen a watermark.</li>
 * </ul>
 * Each metric is registered once per subtask, before the first event arrives, and lives as long as the subtask.
 *
 * @see <a href="../../../../../README.md#91-custom-metrics-in-a-flink-operator">week09-monitoring/README.md#91-custom-metrics-in-a-flink-operator</a>
 */
public abstract class EventMetrics extends ProcessFunction<ShopEvent, ShopEvent> {

    /** The user metric group of the four metrics, the word after {@code operator_} in their Prometheus names. */
    public static final String GROUP = "shop";
    public static final String EVENTS_IN = "events_in";
    public static final String EVENTS_PER_SECOND = "events_per_second";
    public static final String EVENT_TIME_LAG = "event_time_lag_ms";
    public static final String WATERMARK_LAG = "watermark_lag_ms";

    /** The span, in seconds, over which {@value #EVENTS_PER_SECOND} averages (MeterView's default). */
    public static final int METER_SPAN_SECONDS = 60;

    /** The name under which Flink's Prometheus reporter exposes one of the four metrics. */
    public static String prometheusName(String metric) {
        return "flink_taskmanager_job_task_operator_" + GROUP + "_" + metric;
    }
}
