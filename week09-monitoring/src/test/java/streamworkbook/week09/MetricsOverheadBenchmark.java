package streamworkbook.week09;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.EventSender;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopTraffic;
import streamworkbook.week06.ShopPipeline;
import streamworkbook.week06.SinkSettings;

/**
 * Not a test: what the metrics cost, on week 6's pipeline benchmark (N events of the shop's six types, each type's
 * topic with 2 partitions; the same job as week 6's benchmark: Kafka source →
 * JSON → JDBC sink in batches of 50,000 into the ReplacingMergeTree {@code events}, parallelism 2), run alternately
 * without metrics ("plain": no reporter, no metered operator) and with them ("metered": Flink's Prometheus reporter,
 * the metered operator of 9.1, and a scraper reading /metrics every second as Prometheus would), in one JVM, in
 * the same run: a warm-up pair that does not count, then plain, metered, plain, metered… Each run writes into a fresh
 * ClickHouse database and is checked to hold N distinct events. See the README for the command.
 */
public final class MetricsOverheadBenchmark {

    private MetricsOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        KafkaEndpoint kafka = Infra.kafka();
        String prefix = UniqueNames.next("bench-w9") + "-";
        String[] topics = Arrays.stream(EventType.values()).map(t -> prefix + t.topic()).toArray(String[]::new);
        kafka.createTopicsIfMissing(List.of(topics), 2);
        produce(kafka, prefix, count);
        ClickHouseEndpoint server = Infra.clickhouse();

        // one round first that does not count: the JIT compiles the hot paths of both variants
        run(kafka, topics, server, count, false);
        run(kafka, topics, server, count, true);
        List<Double> plain = new ArrayList<>();
        List<Double> metered = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            plain.add(run(kafka, topics, server, count, false));
            metered.add(run(kafka, topics, server, count, true));
            System.out.printf("round %d: plain %,.0f events/s, metered %,.0f events/s%n", round,
                    plain.get(plain.size() - 1), metered.get(metered.size() - 1));
        }
        double p = median(plain);
        double m = median(metered);
        System.out.printf("median of %d rounds, %,d events: plain %,.0f events/s, metered %,.0f events/s: metrics cost %.1f %%%n",
                rounds, count, p, m, 100 * (p - m) / p);
        System.exit(0);
    }

    /** One bounded run of the pipeline over the whole topic; returns events per second of job time. */
    private static double run(KafkaEndpoint kafka, String[] topics, ClickHouseEndpoint server, int count, boolean withMetrics)
            throws Exception {
        ClickHouseEndpoint ch = server.withFreshDatabase("bench_w9");
        var table = new streamworkbook.week06.solutions.ReplacingEvents();
        try (var c = ch.connect(); var s = c.createStatement()) {
            s.execute(table.createEventsTable());
        }
        String ports = ReporterCluster.freePortRange();
        Configuration config = FlinkJobs.configuration(2);
        if (withMetrics) {
            MonitoredPipeline.withPrometheusReporter(config, ports);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        var source = ShopPipeline.source(kafka.bootstrapServers(), UniqueNames.next("bench-w9"), true, topics);
        var writer = new streamworkbook.week06.solutions.JdbcClickHouseWriter();
        SinkSettings settings = new SinkSettings(50_000, Duration.ofSeconds(1), 3);
        if (withMetrics) {
            MonitoredPipeline.build(env, source, ch, writer, null, settings, new streamworkbook.week09.solutions.MeteredEvents());
        } else {
            ShopPipeline.build(env, source, ch, writer, null, settings);
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger scrapes = new AtomicInteger();
        Thread scraper = new Thread(() -> scrapeEverySecond(ports, done, scrapes), "scraper");
        if (withMetrics) {
            scraper.start();
        }
        JobExecutionResult result = env.execute(withMetrics ? "week 9 benchmark, metered" : "week 9 benchmark, plain");
        done.set(true);
        scraper.join();
        long distinct;
        try (var c = ch.connect(); var s = c.createStatement(); var rs = s.executeQuery(table.distinctEvents())) {
            rs.next();
            distinct = rs.getLong(1);
        }
        if (distinct != count) {
            throw new IllegalStateException("ClickHouse holds " + distinct + " distinct events, expected " + count);
        }
        if (withMetrics && scrapes.get() == 0) {
            throw new IllegalStateException("the reporter was never scraped: is it on " + ports + "?");
        }
        return count / (result.getNetRuntime() / 1e3);
    }

    /** What Prometheus does to the job: read the whole exposition every second (the workbook scrapes every 5 s). */
    private static void scrapeEverySecond(String ports, AtomicBoolean done, AtomicInteger scrapes) {
        int first = Integer.parseInt(ports.split("-")[0]);
        while (!done.get()) {
            try {
                Exposition.scrape(URI.create("http://localhost:" + first + "/metrics"));
                scrapes.incrementAndGet();
            } catch (IOException notUpYet) {
                // the cluster is still starting
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void produce(KafkaEndpoint kafka, String prefix, int count) throws InterruptedException {
        long start = System.nanoTime();
        EventSender.send(kafka, prefix, ShopTraffic.seed(7).startingAt(Instant.parse("2026-11-24T10:00:00Z"))
                .gap(Duration.ofMillis(1)).disorder(Duration.ofMillis(500)).build(), count, 0);
        System.out.printf("produced %,d events in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }
}
