package streamworkbook.platform;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.InfraProvider;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week01.PublishResult;
import streamworkbook.kit.shop.ShopTraffic;
import streamworkbook.week01.ShopTopics;
import streamworkbook.week01.solutions.JsonEventPublisher;
import streamworkbook.week01.solutions.ShopTopicCreator;
import streamworkbook.week02.CatalogGenerator;
import streamworkbook.week02.LoadReport;
import streamworkbook.week02.ShopSchema;
import streamworkbook.week02.solutions.BulkSeedLoader;
import streamworkbook.week02.solutions.OutboxPublisher;
import streamworkbook.week06.MetricsTable;
import streamworkbook.week06.ShopPipeline;
import streamworkbook.week06.SinkSettings;
import streamworkbook.week06.solutions.JdbcClickHouseWriter;
import streamworkbook.week06.solutions.ReplacingEvents;
import streamworkbook.week06.solutions.WindowRollups;

/**
 * {@code ./workbook demo}: the platform as far as the weeks have built it, on real servers
 * started in-process (or, with {@code --external}, on the usual ports). It wires the reference
 * solutions together: PostgreSQL schema and seed data (week 2), shop events through Kafka
 * (week 1), product changes from the database to Kafka (week 2), the events through Flink into
 * ClickHouse with rollups (week 6, on week 5's table design) and the dashboard's questions
 * answered there.
 */
@Command(name = "workbook demo", mixinStandardHelpOptions = true,
        description = "Runs the Stream Workbook platform demo on embedded Kafka, PostgreSQL and ClickHouse.")
public final class PlatformDemo implements Callable<Integer> {

    @Option(names = "--external", description = "use servers on localhost:9092/5432/8123 (./workbook up or docker compose up)")
    boolean external;

    @Option(names = "--events", defaultValue = "200000", description = "shop events to generate (default ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--users", defaultValue = "5000", description = "distinct shoppers (default ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--seed", defaultValue = "42", description = "the same seed gives the same shop (default ${DEFAULT-VALUE})")
    long seed;

    private final PrintStream out;

    /** What one run found, for the end-to-end test. */
    record Outcome(long acknowledged, long rowsInClickHouse, long distinctEventIds, Map<String, Long> eventsByType) {
    }

    private Outcome outcome;

    public PlatformDemo() {
        this(System.out);
    }

    PlatformDemo(PrintStream out) {
        this.out = out;
    }

    Outcome outcome() {
        return outcome;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PlatformDemo()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        InfraProvider infra = Infra.named(external ? "external" : "local");
        out.println("Stream Workbook — platform demo (" + (external ? "external servers" : "embedded servers, no Docker") + ")");

        step("Starting Kafka, PostgreSQL and ClickHouse");
        KafkaEndpoint kafka = infra.kafka();
        PostgresEndpoint postgresServer = infra.postgres();
        ClickHouseEndpoint clickhouseServer = infra.clickhouse();
        out.printf("  Kafka %s · PostgreSQL %s · ClickHouse %s%n", kafka.bootstrapServers(), postgresServer.jdbcUrl(),
                clickhouseServer.httpUrl());

        String run = UniqueNames.next("demo");
        step("PostgreSQL: the shop's schema (Flyway) and its catalogue (COPY)");
        PostgresEndpoint shopDb = postgresServer.withFreshSchema("demo");
        int migrations = ShopSchema.migrate(shopDb).migrationsExecuted;
        LoadReport seeded = new BulkSeedLoader().load(shopDb, CatalogGenerator.standard(seed));
        out.printf("  schema %s: %d migrations; %d categories, %d products, %d users, %d stock levels%n",
                shopDb.schema(), migrations, seeded.categories(), seeded.products(), seeded.users(), seeded.inventory());

        step("Kafka: one topic per event type, then " + events + " shop events (idempotent producer, acks=all)");
        ShopTopics topics = new ShopTopics(run + "-");
        try (Admin admin = kafka.admin()) {
            new ShopTopicCreator().createTopics(admin, topics, 3, (short) 1, Map.of());
        }
        kafka.awaitTopicsReady(topics.all(), Duration.ofSeconds(60));
        long publishStart = System.nanoTime();
        PublishResult published = new JsonEventPublisher().publish(kafka.clientConfig(), topics,
                () -> limited(PlatformDemo.traffic(seed, users).build(), events));
        report("published", published.acked(), publishStart);
        if (!published.failed().isEmpty()) {
            throw new IllegalStateException(published.failed().size() + " events were not acknowledged, first: "
                    + published.failed().get(0).error());
        }

        step("PostgreSQL → Kafka: product changes, resumable (outbox cursor)");
        String changesTopic = run + "-product-changes";
        long changesStart = System.nanoTime();
        long changes = publishChanges(kafka, shopDb, changesTopic);
        report("product changes published to " + changesTopic + ":", changes, changesStart);

        step("Kafka → Flink → ClickHouse: the week 6 pipeline (idempotent events, minute/hour/day rollups)");
        ClickHouseEndpoint shopOlap = clickhouseServer.withFreshDatabase("demo");
        try (Connection clickhouse = shopOlap.connect()) {
            try (Statement ddl = clickhouse.createStatement()) {
                ddl.execute(new ReplacingEvents().createEventsTable());
                ddl.execute(MetricsTable.CREATE);
            }
            // bounded: the job reads the topics up to the offsets that are latest now, then finishes
            StreamExecutionEnvironment env = FlinkJobs.programEnvironment(2, 8081);
            ShopPipeline.build(env, ShopPipeline.source(kafka.bootstrapServers(), run + "-pipeline", true,
                    topics.all().toArray(String[]::new)), shopOlap, new JdbcClickHouseWriter(), new WindowRollups(),
                    SinkSettings.defaults());
            long pipelineStart = System.nanoTime();
            env.execute("platform demo: Kafka to ClickHouse");
            report("events through Flink into ClickHouse:", published.acked(), pipelineStart);

            long inClickHouse = ShopReport.count(clickhouse, "SELECT count() FROM events FINAL");
            long distinct = ShopReport.count(clickhouse, "SELECT uniqExact(event_id) FROM events");
            out.printf("  reconciled: %,d acknowledged by Kafka = %,d rows in ClickHouse (%,d distinct event ids)%s%n",
                    published.acked(), inClickHouse, distinct,
                    published.acked() == inClickHouse && inClickHouse == distinct ? "" : "  <-- MISMATCH");

            outcome = new Outcome(published.acked(), inClickHouse, distinct, ShopReport.eventsByType(clickhouse));

            step("ClickHouse: what happened in the shop");
            ShopReport.print(clickhouse, out);
            out.println();
            out.printf("Done in %.1f s. Still to come: the generator, monitoring, the API and dashboard (README.md).%n",
                    (System.nanoTime() - started) / 1e9);
            return published.acked() == inClickHouse && inClickHouse == distinct ? 0 : 1;
        }
    }

    private long publishChanges(KafkaEndpoint kafka, PostgresEndpoint db, String topic) throws Exception {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        long total = 0;
        try (Connection connection = db.connect();
             Producer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            OutboxPublisher publisher = new OutboxPublisher();
            for (int batch; (batch = publisher.publishNext(connection, producer, topic, "demo", 5_000)) > 0; ) {
                total += batch;
            }
        }
        return total;
    }

    /** The demo's traffic: the kit's plain generator, events 0–2 s apart from 2026-11-02 08:00 UTC. */
    static ShopTraffic.Settings traffic(long seed, int users) {
        return ShopTraffic.seed(seed).users(users).startingAt(Instant.parse("2026-11-02T08:00:00Z"))
                .gap(Duration.ZERO, Duration.ofSeconds(2));
    }

    private static Iterator<ShopEvent> limited(Iterator<ShopEvent> source, int count) {
        return new Iterator<>() {
            private int left = count;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public ShopEvent next() {
                left--;
                return source.next();
            }
        };
    }

    private void step(String title) {
        out.println();
        out.println("▶ " + title);
    }

    private void report(String what, long count, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf("  %s %,d in %.2f s (%,.0f/s)%n", what, count, seconds, count / Math.max(seconds, 1e-9));
    }


}
