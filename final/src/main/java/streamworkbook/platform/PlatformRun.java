package streamworkbook.platform;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.week02.Catalog;
import streamworkbook.week02.CatalogGenerator;
import streamworkbook.week02.LoadReport;
import streamworkbook.week02.ShopSchema;
import streamworkbook.week02.solutions.BulkSeedLoader;
import streamworkbook.week07.Catalogue;
import streamworkbook.week07.DisorderRates;
import streamworkbook.week07.GeneratorSettings;
import streamworkbook.week07.Pacing;
import streamworkbook.week07.Ticker;
import streamworkbook.week07.TrafficShape;
import streamworkbook.week07.solutions.SteadyPacer;

/**
 * One run of the platform on a set of servers, under names of its own (a PostgreSQL schema, a ClickHouse database, a
 * Kafka topic prefix and consumer group), so that runs and tests sharing servers never see each other's data.
 */
record PlatformRun(PlatformServers servers, PlatformTopics topics, PostgresEndpoint shopDb, ClickHouseEndpoint clickhouse,
                   Catalogue catalogue, long seed, PlatformJob.Settings job) {

    /** Migrates and seeds PostgreSQL (week 2), creates the ClickHouse tables and the topics. */
    static PlatformRun prepare(PlatformServers servers, long seed, int parallelism, boolean bounded, PrintStream out) throws Exception {
        String run = UniqueNames.next("platform");
        step(out, "PostgreSQL: the shop's schema (Flyway, week 2) and its catalogue (COPY)");
        PostgresEndpoint shopDb = servers.postgres().withFreshSchema("platform");
        int migrations = ShopSchema.migrate(shopDb).migrationsExecuted;
        Catalog catalog = CatalogGenerator.standard(seed);
        LoadReport seeded = new BulkSeedLoader().load(shopDb, catalog);
        out.printf("  schema %s: %d migrations; %d categories, %d products, %d users, %d stock levels%n",
                shopDb.schema(), migrations, seeded.categories(), seeded.products(), seeded.users(), seeded.inventory());

        step(out, "ClickHouse: events, rollups, analytics, alerts, dimensions");
        String database = run.replace('-', '_');
        ClickHouseEndpoint clickhouse = PlatformTables.create(servers.clickhouse(), database, catalog);
        out.printf("  database %s: %d tables%n", database, PlatformTables.ddl().size());

        step(out, "Kafka: six event topics, dead letters, alerts");
        PlatformTopics topics = new PlatformTopics(run + "-");
        topics.create(servers.kafka());
        out.printf("  %s* (%d partitions each)%n", topics.prefix(), PlatformTopics.PARTITIONS);

        PlatformJob.Settings job = new PlatformJob.Settings(servers.kafka().bootstrapServers(), topics.prefix(), run, clickhouse,
                shopDb, parallelism, Duration.ofSeconds(5), bounded);
        return new PlatformRun(servers, topics, shopDb, clickhouse, Catalogue.load(shopDb, seed), seed, job);
    }

    /**
     * Week 7's generator for this run: {@code rate} events a second ({@code 0}: as fast as possible) with event time
     * keeping pace with the clock, or, with {@code speed}, the shop's daily rhythm compressed; {@code invalid} of them
     * broken on purpose; at most {@code limit} records. {@code span}: how much event time a bounded or timed run covers,
     * so that it ends about now (null: it starts now).
     */
    TrafficPublisher publisher(double rate, double speed, double invalid, long limit, Duration span) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        double perSimulatedSecond = speed > 0 ? rate / speed : Math.max(rate, 1);
        Instant start = span == null ? now : now.minus(span);
        GeneratorSettings settings = GeneratorSettings.builder(seed, start)
                .eventsPerSecond(perSimulatedSecond)
                // a steady rate with a steady shop: event time then keeps pace with the clock (the daily rhythm would
                // make simulated time run ahead at night); --speed shows the rhythm
                .shape(speed > 0 ? TrafficShape.typical() : TrafficShape.flat())
                .disorder(new DisorderRates(0, Duration.ofSeconds(30), 0, invalid))
                .build();
        Pacing pacing = speed > 0 ? Pacing.speed(speed) : rate > 0 ? Pacing.rate(rate) : Pacing.unlimited();
        Duration margin = speed > 0 ? Drills.CLOSED_MARGIN.multipliedBy(Math.max(1, (long) Math.ceil(speed / 4))) : Drills.CLOSED_MARGIN;
        return new TrafficPublisher(settings, catalogue, servers.kafka(), topics.prefix(), new SteadyPacer(pacing, Ticker.SYSTEM), limit,
                margin);
    }

    /** Polls until everything {@code traffic} had acknowledged is counted exactly once (or the timeout); the last counts. */
    Reconciliation awaitCaughtUp(TrafficPublisher traffic, Duration timeout) throws InterruptedException {
        return Drills.awaitCaughtUp(clickhouse, servers.kafka(), topics, traffic.ackedValid(), traffic.ackedInvalid(),
                traffic.closedMargin(), timeout);
    }

    static void step(PrintStream out, String title) {
        out.println();
        out.println("▶ " + title);
    }
}
