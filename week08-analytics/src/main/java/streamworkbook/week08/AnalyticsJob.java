package streamworkbook.week08;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.ClickHouseWriter;
import streamworkbook.week06.SinkSettings;

/**
 * Given: the week's analytics job, put together from the exercises. Shop events → per-minute series
 * ({@link MinuteMetrics}) → moving averages (8.1), trends (8.3) and anomalies (8.4); prices → percentiles per minute
 * with the sketch (8.2) and exactly. Results go to ClickHouse ({@link AnalyticsTables}, with week 6's JDBC sink)
 * and alerts also to Kafka.
 *
 * <pre>
 * events ─► MinuteMetrics ─┬─► 8.1 sliding + exponential averages ─► metric_points
 *                          ├─► (the values themselves)             ─► metric_points
 *                          ├─► 8.3 trends                          ─► trends
 *                          └─► 8.4 anomalies ─┬─► alerts (ClickHouse)
 *                                             └─► shop-alerts (Kafka, JSON, keyed by series)
 * events ─► prices ─┬─► 8.2 t-digest percentiles ─► price_percentiles (method tdigest)
 *                   └─► exact percentiles      ─► price_percentiles (method exact)
 * </pre>
 */
public final class AnalyticsJob {

    /** Event time may run this far out of order (the generator's own disorder is a few seconds late at most by default). */
    public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);

    /** The exercises the job runs: the learner's, or the reference solutions. */
    public record Parts(MovingAverages averages, SketchPercentiles percentiles, TrendDetection trends,
                        AnomalyDetection anomalies) {

        public static Parts picked() {
            return new Parts(
                    Exercises.pick(streamworkbook.week08.exercises.MinuteAverages::new, streamworkbook.week08.solutions.MinuteAverages::new),
                    Exercises.pick(streamworkbook.week08.exercises.TDigestPercentiles::new, streamworkbook.week08.solutions.TDigestPercentiles::new),
                    Exercises.pick(streamworkbook.week08.exercises.LeastSquaresTrend::new, streamworkbook.week08.solutions.LeastSquaresTrend::new),
                    Exercises.pick(streamworkbook.week08.exercises.ZScoreDetector::new, streamworkbook.week08.solutions.ZScoreDetector::new));
        }

        public static Parts solutions() {
            return new Parts(new streamworkbook.week08.solutions.MinuteAverages(), new streamworkbook.week08.solutions.TDigestPercentiles(),
                    new streamworkbook.week08.solutions.LeastSquaresTrend(), new streamworkbook.week08.solutions.ZScoreDetector());
        }
    }

    /** The job's outputs, for the sinks (and for tests that collect them). */
    public record Outputs(DataStream<AnalyticsTables.Point> points, DataStream<Percentiles> percentiles,
                          DataStream<Trend> trends, DataStream<Alert> alerts) {
    }

    private AnalyticsJob() {
    }

    /**
     * Timestamps from {@code eventTime}, watermarks {@link #OUT_OF_ORDERNESS} behind. {@code idleness}: a partition
     * with no data for this long stops holding the watermark back (live runs; null in bounded tests, where a
     * partition read later than another must not be skipped).
     */
    public static WatermarkStrategy<ShopEvent> watermarks(Duration idleness) {
        WatermarkStrategy<ShopEvent> strategy = WatermarkStrategy.<ShopEvent>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                .withTimestampAssigner((event, previous) -> event.eventTime().toEpochMilli());
        return idleness == null ? strategy : strategy.withIdleness(idleness);
    }

    /** The analyses on events that have timestamps and watermarks. */
    public static Outputs analyse(DataStream<ShopEvent> events, AnalyticsSettings settings, Parts parts) {
        DataStream<MinuteMetric> minutes = MinuteMetrics.of(events);

        DataStream<AnalyticsTables.Point> values = minutes
                .map(m -> new AnalyticsTables.Point(m.series(), "value", m.minute(), m.value())).name("values");
        DataStream<AnalyticsTables.Point> sma = parts.averages().slidingAverage(minutes, settings.smaSize(), settings.smaSlide())
                .map(a -> new AnalyticsTables.Point(a.series(), "sma", a.at(), a.value())).name("sma points");
        DataStream<AnalyticsTables.Point> ema = parts.averages().exponentialAverage(minutes, settings.emaAlpha())
                .map(a -> new AnalyticsTables.Point(a.series(), "ema", a.at(), a.value())).name("ema points");

        DataStream<Trend> trends = minutes.keyBy(MinuteMetric::series)
                .process(parts.trends().detector(settings.trendWindows(), settings.trendThreshold())).name("trends");
        DataStream<Alert> alerts = minutes.keyBy(MinuteMetric::series)
                .process(parts.anomalies().detector(settings.anomalies())).name("anomalies");

        DataStream<Sample> prices = PricePercentiles.prices(events);
        DataStream<Percentiles> percentiles = PricePercentiles.sketched(prices, parts.percentiles())
                .union(PricePercentiles.exact(prices));

        return new Outputs(values.union(sma, ema), percentiles, trends, alerts);
    }

    /** Adds the ClickHouse sinks (week 6's reference writer) and the Kafka sink of alerts to {@code alertsTopic}. */
    public static void writeTo(Outputs outputs, ClickHouseEndpoint clickhouse, SinkSettings sinkSettings,
                               String bootstrapServers, String alertsTopic) {
        ClickHouseWriter writer = new streamworkbook.week06.solutions.JdbcClickHouseWriter();
        outputs.points().sinkTo(writer.sink(clickhouse, AnalyticsTables.INSERT_POINT, AnalyticsTables::bindPoint, sinkSettings))
                .name("ClickHouse metric_points");
        outputs.percentiles().sinkTo(writer.sink(clickhouse, AnalyticsTables.INSERT_PERCENTILES, AnalyticsTables::bindPercentiles,
                sinkSettings)).name("ClickHouse price_percentiles");
        outputs.trends().sinkTo(writer.sink(clickhouse, AnalyticsTables.INSERT_TREND, AnalyticsTables::bindTrend, sinkSettings))
                .name("ClickHouse trends");
        outputs.alerts().sinkTo(writer.sink(clickhouse, AnalyticsTables.INSERT_ALERT, AnalyticsTables::bindAlert, sinkSettings))
                .name("ClickHouse alerts");
        outputs.alerts().sinkTo(KafkaSink.<Alert>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setRecordSerializer(KafkaRecordSerializationSchema.<Alert>builder()
                                .setTopic(alertsTopic)
                                // keyed by series: one series' alerts stay in order on one partition
                                .setKeySerializationSchema(a -> a.series().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                .setValueSerializationSchema(new AlertJson())
                                .build())
                        // flushed at every checkpoint and at the end of a bounded job; a replay may repeat an alert,
                        // which consumers recognise by (series, minute, rule) — as the alerts table does
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build())
                .name("Kafka " + alertsTopic);
    }

    /** The whole job: Kafka → analyses → ClickHouse and Kafka. */
    public static Outputs build(StreamExecutionEnvironment env, KafkaSource<ShopEvent> source, Duration idleness,
                                AnalyticsSettings settings, Parts parts, ClickHouseEndpoint clickhouse,
                                SinkSettings sinkSettings, String bootstrapServers, String alertsTopic) {
        DataStream<ShopEvent> events = env.fromSource(source, watermarks(idleness), "shop events");
        Outputs outputs = analyse(events, settings, parts);
        writeTo(outputs, clickhouse, sinkSettings, bootstrapServers, alertsTopic);
        return outputs;
    }
}
