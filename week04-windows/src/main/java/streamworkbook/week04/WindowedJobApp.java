package streamworkbook.week04;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.kit.flink.ShopEventDeserializer;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.InfraProvider;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.shop.EventSender;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopTraffic;

/**
 * Week 4's jobs on the shop topics, locally with the Flink web UI: per-type counts in one-minute
 * event-time windows with late data, user sessions, per-user purchase totals and (with
 * {@code --enrich}) events enriched from PostgreSQL.
 *
 * <pre>
 * ./workbook up
 * ./workbook run week04 WindowedJobApp                       # your code (exercises 4.1–4.5)
 * ./workbook run week04 WindowedJobApp --solutions --enrich  # the reference solutions, with enrichment
 * </pre>
 */
@Command(name = "WindowedJobApp", mixinStandardHelpOptions = true,
        description = "Runs week 4's windowed Flink jobs on the shop topics, with the Flink UI on http://localhost:8081.")
public class WindowedJobApp implements Callable<Integer> {

    @Option(names = "--generate", defaultValue = "2000",
            description = "publish this many sample events before the job starts (event times up to now); 0 for none (default: ${DEFAULT-VALUE})")
    int generate;

    @Option(names = "--rate", defaultValue = "50",
            description = "then keep publishing this many events per second while the job runs, event time = now, "
                    + "one in twenty up to 90 s early; 0 for none (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--window", defaultValue = "PT1M", description = "tumbling window size, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration window;

    @Option(names = "--lateness", defaultValue = "PT30S", description = "allowed lateness (default: ${DEFAULT-VALUE})")
    Duration lateness;

    @Option(names = "--out-of-orderness", defaultValue = "PT5S", description = "watermark bound (default: ${DEFAULT-VALUE})")
    Duration outOfOrderness;

    @Option(names = "--session-gap", defaultValue = "PT2M",
            description = "session inactivity gap; short, so the sample traffic closes sessions (default: ${DEFAULT-VALUE})")
    Duration sessionGap;

    @Option(names = "--enrich", description = "also enrich purchases from PostgreSQL (seeds a demo catalog if empty)")
    boolean enrich;

    @Option(names = "--cache-expiry", defaultValue = "PT1M",
            description = "how long enrichment uses a cached product before looking it up again (default: ${DEFAULT-VALUE})")
    Duration cacheExpiry;

    @Option(names = "--bootstrap-servers",
            description = "Kafka to read (default: KAFKA_BOOTSTRAP_SERVERS, or localhost:9092 as `./workbook up` and compose provide)")
    String bootstrapServers;

    @Option(names = "--ui-port", defaultValue = "8081", description = "port of the Flink web UI (default: ${DEFAULT-VALUE})")
    int uiPort;

    public static void main(String[] args) {
        Programs.main(new WindowedJobApp(), "week04-windows", args);
    }

    @Override
    public Integer call() throws Exception {
        InfraProvider infra = Infra.forPrograms();
        KafkaEndpoint kafka = bootstrapServers != null ? new KafkaEndpoint(bootstrapServers) : infra.kafka();
        List<String> topics = Arrays.stream(EventType.values()).map(EventType::topic).toList();
        kafka.createTopicsIfMissing(topics, 3);
        if (generate > 0) {
            publishSamples(kafka, generate);
        }

        EventTimeWindows windows = Exercises.pick(streamworkbook.week04.exercises.TumblingCounts::new,
                streamworkbook.week04.solutions.TumblingCounts::new);
        SlidingAndSessions sessions = Exercises.pick(streamworkbook.week04.exercises.ViewsAndSessions::new,
                streamworkbook.week04.solutions.ViewsAndSessions::new);
        LateData late = Exercises.pick(streamworkbook.week04.exercises.LateCounts::new,
                streamworkbook.week04.solutions.LateCounts::new);
        UserTotals totals = Exercises.pick(streamworkbook.week04.exercises.PurchaseTotals::new,
                streamworkbook.week04.solutions.PurchaseTotals::new);

        StreamExecutionEnvironment env = FlinkJobs.programEnvironment(2, uiPort);

        KafkaSource<ShopEvent> source = KafkaSource.<ShopEvent>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(topics)
                .setGroupId("week04-windowed-job")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new ShopEventDeserializer())
                .build();
        DataStream<ShopEvent> events = env.fromSource(source,
                windows.watermarks(outOfOrderness, Duration.ofSeconds(30)), "shop events");

        SingleOutputStreamOperator<WindowCount> counts = late.countsWithLateness(events, window, lateness);
        counts.print("count");
        counts.getSideOutput(LateData.TOO_LATE).print("too late");
        sessions.sessions(events, sessionGap).print("session");
        events.keyBy(ShopEvent::userId).process(totals.runningTotals(Duration.ofHours(1))).name("user totals")
                .print("total");
        if (enrich) {
            Enrichment enrichment = Exercises.pick(streamworkbook.week04.exercises.AsyncProductEnrichment::new,
                    streamworkbook.week04.solutions.AsyncProductEnrichment::new);
            JdbcSettings catalog = JdbcSettings.of(infra.postgres());
            try (Connection c = catalog.connect()) {
                ProductCatalog.seedDemo(c);
            }
            enrichment.enrich(events.filter(e -> e.type() == EventType.PURCHASE), catalog, cacheExpiry).print("enriched");
        }

        System.out.printf("Flink UI on http://localhost:%d — reading %s from %s; Ctrl+C to stop%n",
                uiPort, topics, kafka.bootstrapServers());
        JobClient job = env.executeAsync("week 4 — windows, state, enrichment");
        if (!env.getConfiguration().get(DeploymentOptions.ATTACHED)) {
            // `flink run -d`: the job now runs on the cluster; this client is done
            System.out.printf("submitted job %s%n", job.getJobID());
            return 0;
        }
        if (rate > 0) {
            publishLive(kafka, rate); // until Ctrl+C
        }
        job.getJobExecutionResult().get();
        return 0;
    }

    /**
     * Live traffic: event times follow the clock, so watermarks advance as they would in production,
     * and the events that are published "early" really arrive late.
     */
    private static void publishLive(KafkaEndpoint kafka, int perSecond) throws InterruptedException {
        long step = Math.max(1, 1000 / perSecond);
        EventSender.send(kafka, "", ShopTraffic.seed(System.nanoTime()).startingAt(Instant.now())
                .gap(Duration.ofMillis(step)).disorder(Duration.ofSeconds(90)).build(), Long.MAX_VALUE, step);
    }

    private static void publishSamples(KafkaEndpoint kafka, int count) throws InterruptedException {
        long step = 200;
        // event times from (now − count × step) to now. Read as a backlog, before the first periodic
        // watermark (every 200 ms), none of them is late: lateness needs live traffic (--rate).
        EventSender.send(kafka, ShopTraffic.seed(System.nanoTime())
                .gap(Duration.ofMillis(step)).disorder(Duration.ofSeconds(90)).endingAt(Instant.now(), count).iterator(), count);
        System.out.printf("published %d sample events%n", count);
    }
}
