package streamworkbook.week09;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.ClickHouseWriter;
import streamworkbook.week06.Rollups;
import streamworkbook.week06.ShopPipeline;
import streamworkbook.week06.SinkSettings;

/**
 * Week 9's pieces for any job: the Prometheus reporter's configuration, the metered operator (exercise 9.1) on a
 * stream of shop events, a counter of alerts, and week 6's pipeline with both.
 *
 * <pre>{@code
 * Configuration config = MonitoredPipeline.withPrometheusReporter(FlinkJobs.configuration(2), "9249-9260");
 * DataStream<ShopEvent> metered = MonitoredPipeline.metered(events);        // same events, now measured
 * MonitoredPipeline.countedAlerts(anomalies);                              // shop_alerts counts them
 * }</pre>
 */
public final class MonitoredPipeline {

    /** The ports a local job's reporter tries, first free one wins; the scrape config lists the first. */
    public static final String DEFAULT_REPORTER_PORTS = "9249-9260";

    /** The operator names, which Prometheus sees in the {@code operator_name} label. */
    public static final String METRICS_OPERATOR = "shop metrics";
    public static final String ALERTS_OPERATOR = "shop alerts";

    /** The counter of {@link #countedAlerts}: {@code flink_taskmanager_job_task_operator_shop_alerts}. */
    public static final String ALERTS = "alerts";

    private MonitoredPipeline() {
    }

    /**
     * Adds Flink's Prometheus reporter to a cluster's configuration: an HTTP endpoint ({@code /metrics}) on the
     * first free port of {@code portRange}, such as {@code "9249-9260"}. A range, because every JobManager and
     * TaskManager on one host starts a reporter of its own, and a reporter whose single port is taken only logs an
     * error and exposes nothing. The key is {@code factory.class}: the older {@code class} key is ignored without
     * a word in Flink 2.
     */
    public static Configuration withPrometheusReporter(Configuration config, String portRange) {
        config.setString("metrics.reporter.prom.factory.class", "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        config.setString("metrics.reporter.prom.port", portRange);
        return config;
    }

    /** The metered operator of exercise 9.1: the learner's, or the reference one with {@code --solutions}. */
    public static EventMetrics operator() {
        return Exercises.pick(streamworkbook.week09.exercises.MeteredEvents::new, streamworkbook.week09.solutions.MeteredEvents::new);
    }

    /** The events, passed through the metered operator of exercise 9.1 (the reference one with {@code --solutions}). */
    public static DataStream<ShopEvent> metered(DataStream<ShopEvent> events) {
        return metered(events, operator());
    }

    /** The events, passed through the given metered operator. */
    public static DataStream<ShopEvent> metered(DataStream<ShopEvent> events, EventMetrics operator) {
        return events.process(operator).name(METRICS_OPERATOR).uid("shop-metrics");
    }

    /** The alerts, unchanged, counted in {@code shop_alerts} (week 8's anomalies, in {@code final/}). */
    public static <T> DataStream<T> countedAlerts(DataStream<T> alerts) {
        return alerts.map(new CountAlerts<T>()).returns(alerts.getType()).name(ALERTS_OPERATOR).uid("shop-alerts");
    }

    /**
     * Week 6's pipeline with week 9's metrics: Kafka (through week 6's source, watermarks and deserializer, which
     * counts records it cannot read in {@code malformedRecords}) → the metered operator → ClickHouse's
     * {@code events} table and, unless {@code rollups} is null, the minute/hour/day metrics. Returns the metered
     * events.
     */
    public static DataStream<ShopEvent> build(StreamExecutionEnvironment env, KafkaSource<ShopEvent> source,
                                              ClickHouseEndpoint clickhouse, ClickHouseWriter writer, Rollups rollups,
                                              SinkSettings settings) {
        return build(env, source, clickhouse, writer, rollups, settings, operator());
    }

    /** {@link #build(StreamExecutionEnvironment, KafkaSource, ClickHouseEndpoint, ClickHouseWriter, Rollups, SinkSettings)} with a given metered operator. */
    public static DataStream<ShopEvent> build(StreamExecutionEnvironment env, KafkaSource<ShopEvent> source,
                                              ClickHouseEndpoint clickhouse, ClickHouseWriter writer, Rollups rollups,
                                              SinkSettings settings, EventMetrics operator) {
        DataStream<ShopEvent> events = metered(env.fromSource(source, ShopPipeline.watermarks(), "shop events"), operator);
        ShopPipeline.writeTo(events, clickhouse, writer, rollups, settings);
        return events;
    }

    /** A pass-through map that counts what passes: a counter registered once per subtask, in {@code open}. */
    private static final class CountAlerts<T> extends RichMapFunction<T, T> {
        private transient Counter alerts;

        @Override
        public void open(OpenContext context) {
            alerts = getRuntimeContext().getMetricGroup().addGroup(EventMetrics.GROUP).counter(ALERTS);
        }

        @Override
        public T map(T alert) {
            alerts.inc();
            return alert;
        }
    }
}
