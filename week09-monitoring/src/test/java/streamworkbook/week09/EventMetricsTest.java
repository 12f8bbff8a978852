package streamworkbook.week09;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;
import streamworkbook.week06.ShopPipeline;

/**
 * Exercise 9.1: the metered operator runs in a real job (Kafka → watermarks → the operator, two subtasks) on a test
 * cluster with Flink's Prometheus reporter, and the test reads what Prometheus would read from the reporter's
 * /metrics endpoint: names, labels and values. Events are sent with an event time exactly 30 s before their send
 * time, so the expected latency and watermark lag are known.
 *
 * <p>Rejects:
 * <ul>
 *   <li>metrics registered outside the {@code shop} group, or under other names: the reporter exposes other names
 *       than the dashboards and alerts query;</li>
 *   <li>a counter created (or looked up) per record: Flink keeps the first one registered under a name and ignores
 *       the others, so the exposed count stays at 1 instead of the events sent;</li>
 *   <li>a counter reset or incremented twice per record, or not at all for some: the count differs from the events
 *       sent, exactly;</li>
 *   <li>a meter fed by a counter of its own that is never marked, or by another counter: its rate is not the count's
 *       over 60 s;</li>
 *   <li>latency measured as the time spent in the operator (processing time only), or as the event time itself:
 *       the histogram does not hold ≈30 s;</li>
 *   <li>a histogram not updated for every event: its count differs from the events counted;</li>
 *   <li>a watermark-lag gauge computed from the event's time instead of the watermark (5 s less, the
 *       out-of-orderness), from a watermark read once in {@code open}, returning the watermark itself, or
 *       overflowing before the first watermark (it must read 0);</li>
 *   <li>an operator that swallows events: the events counted downstream differ from those sent.</li>
 * </ul>
 */
@Exercise("9.1")
@OnTimeout("does your operator wait for something, or register a metric per event? Register the four metrics once, in open()")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventMetricsTest {

    private static final String PORTS = ReporterCluster.freePortRange();

    @RegisterExtension
    static final MiniClusterExtension FLINK = ReporterCluster.cluster(PORTS);

    private static final Duration AGE = Duration.ofSeconds(30);
    private static final long WATERMARK_DELAY_MS = ShopPipeline.OUT_OF_ORDERNESS.toMillis() + 1;

    private static final String IN = EventMetrics.prometheusName(EventMetrics.EVENTS_IN);
    private static final String RATE = EventMetrics.prometheusName(EventMetrics.EVENTS_PER_SECOND);
    private static final String LAG = EventMetrics.prometheusName(EventMetrics.EVENT_TIME_LAG);
    private static final String WATERMARK = EventMetrics.prometheusName(EventMetrics.WATERMARK_LAG);
    private static final String PASSED = "flink_taskmanager_job_task_operator_shop_" + MonitoredPipeline.ALERTS;

    private static KafkaEndpoint kafka;
    private static String topic;
    private static String jobName;
    private static JobClient job;
    private static URI metrics;

    @BeforeAll
    static void startTheMeteredJob(@InjectMiniCluster MiniCluster cluster) throws Exception {
        kafka = Infra.kafka();
        topic = UniqueNames.next("w9-metered");
        kafka.createTopicsIfMissing(List.of(topic), 2);
        jobName = UniqueNames.next("w9-metered-job");
        StreamExecutionEnvironment env = ReporterCluster.environment(cluster, 2);
        DataStream<ShopEvent> events = env.fromSource(ShopPipeline.source(kafka.bootstrapServers(), jobName, false, topic),
                ShopPipeline.watermarks(), "shop events");
        EventMetrics operator = Exercises.pick(streamworkbook.week09.exercises.MeteredEvents::new,
                streamworkbook.week09.solutions.MeteredEvents::new);
        DataStream<ShopEvent> metered = events.process(operator).name(MonitoredPipeline.METRICS_OPERATOR);
        // downstream of the operator: counts what it passed on (MonitoredPipeline's alert counter, reused)
        MonitoredPipeline.countedAlerts(metered).sinkTo(new DiscardingSink<>());
        job = env.executeAsync(jobName);
        metrics = ReporterCluster.awaitMetric(PORTS, job, jobName, PASSED, Duration.ofSeconds(40));
    }

    @AfterAll
    static void stopTheJob() throws Exception {
        if (job != null && !job.getJobStatus().get().isGloballyTerminalState()) {
            job.cancel().get();
        }
    }

    @Test
    @Order(1)
    void everyMetricIsThereForEverySubtaskBeforeTheFirstEvent() throws Exception {
        Exposition now = scrape();
        for (String name : List.of(IN, RATE, LAG + "_count", WATERMARK)) {
            List<Exposition.Sample> series = now.named(name, ofOperator());
            if (series.size() != 2) {
                fail("expected " + name + " once per subtask (2), found " + series.size() + ". The operator's metrics that "
                        + "are exposed: " + now.namesStartingWith("flink_taskmanager_job_task_operator_").stream()
                        .filter(n -> !n.startsWith("flink_taskmanager_job_task_operator_num")
                                && !n.startsWith("flink_taskmanager_job_task_operator_current")).toList());
            }
        }
        assertEquals(0, now.sum(IN, ofOperator()), IN + " before any event");
        for (Exposition.Sample gauge : now.named(WATERMARK, ofOperator())) {
            assertEquals(0, gauge.value(), WATERMARK + " of subtask " + gauge.label("subtask_index")
                    + " before any watermark: the contract says 0");
        }
    }

    @Test
    @Order(2)
    void theCounterAndTheMeterMoveByExactlyTheEventsSent() throws Exception {
        TestEvents.send(kafka, topic, 300, AGE, Duration.ofMillis(1500));
        awaitSum(IN, 300);
        Thread.sleep(1_000); // nothing more may come
        assertEquals(300, scrape().sum(IN, ofOperator()), IN + " summed over subtasks, a second later");
        awaitSum(RATE, 300.0 / EventMetrics.METER_SPAN_SECONDS);

        TestEvents.send(kafka, topic, 200, AGE, Duration.ofMillis(1000));
        awaitSum(IN, 500);
        awaitSum(RATE, 500.0 / EventMetrics.METER_SPAN_SECONDS);
        awaitSum(PASSED, 500, s -> s.label("operator_name").equals(ReporterCluster.labelValue(MonitoredPipeline.ALERTS_OPERATOR)),
                "events passed on by the operator (counted downstream)");
    }

    @Test
    @Order(3)
    void theHistogramHoldsHowOldEachEventWasWhenProcessed() throws Exception {
        Exposition now = scrape();
        assertEquals(now.sum(IN, ofOperator()), now.sum(LAG + "_count", ofOperator()),
                LAG + "_count summed over subtasks: one update per event counted");
        for (String quantile : List.of("0.5", "0.99")) {
            for (Exposition.Sample q : now.named(LAG, ofOperator().and(s -> s.label("quantile").equals(quantile)))) {
                double ms = q.value();
                assertTrue(ms >= AGE.toMillis() - 5 && ms <= AGE.toMillis() + 10_000,
                        "quantile " + quantile + " of " + LAG + " (subtask " + q.label("subtask_index") + ") is " + ms
                                + " ms; every event was sent " + AGE.toMillis() + " ms after its event time, so it must be "
                                + AGE.toMillis() + " ms plus the few ms it took to arrive");
            }
        }
    }

    @Test
    @Order(4)
    void theGaugeShowsHowFarTheWatermarkLagsBehindTheClock() throws Exception {
        double before = scrape().sum(IN, ofOperator());
        TestEvents.Sent sent = TestEvents.send(kafka, topic, 100, AGE, Duration.ofMillis(1200));
        awaitSum(IN, before + 100);
        long readFrom = System.currentTimeMillis();
        Exposition now = scrape();
        long readTo = System.currentTimeMillis();
        // the watermark trails the newest event time by the out-of-orderness (5 s) + 1 ms, and is emitted every 200 ms
        double lowest = readFrom - (sent.last().toEpochMilli() - AGE.toMillis() - WATERMARK_DELAY_MS) - 50;
        double highest = readTo - (sent.first().toEpochMilli() - AGE.toMillis() - WATERMARK_DELAY_MS) + 1_000;
        for (Exposition.Sample gauge : now.named(WATERMARK, ofOperator())) {
            assertTrue(gauge.value() >= lowest && gauge.value() <= highest,
                    WATERMARK + " of subtask " + gauge.label("subtask_index") + " is " + gauge.value() + " ms; events "
                            + AGE.toSeconds() + " s old with watermarks " + WATERMARK_DELAY_MS + " ms behind the newest event "
                            + "time put it between " + Math.round(lowest) + " and " + Math.round(highest) + " ms");
        }
    }

    private static Predicate<Exposition.Sample> ofOperator() {
        return s -> s.label("job_name").equals(ReporterCluster.labelValue(jobName))
                && s.label("operator_name").equals(ReporterCluster.labelValue(MonitoredPipeline.METRICS_OPERATOR));
    }

    private static Exposition scrape() throws Exception {
        ReporterCluster.rethrowIfFailed(job);
        return Exposition.scrape(metrics);
    }

    private static void awaitSum(String name, double expected) throws Exception {
        awaitSum(name, expected, ofOperator(), name + " summed over subtasks");
    }

    private static void awaitSum(String name, double expected, Predicate<Exposition.Sample> filter, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        double last = Double.NaN;
        while (System.nanoTime() < deadline) {
            Exposition now = scrape();
            last = now.sum(name, filter);
            if (Math.abs(last - expected) < 1e-6 && !now.named(name, filter).isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        fail(what + ": expected " + expected + " (sent and processed " + Instant.now() + "), still " + last + " after 20 s");
    }
}
