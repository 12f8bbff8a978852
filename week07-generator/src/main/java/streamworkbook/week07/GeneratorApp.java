package streamworkbook.week07;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.InfraUnavailable;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.week02.CatalogGenerator;
import streamworkbook.week02.ShopSchema;

/**
 * Realistic shop traffic into Kafka, from week 2's catalogue in PostgreSQL, against {@code ./workbook up} or
 * {@code docker compose up}:
 *
 * <pre>
 * ./workbook run week07 GeneratorApp --rate 5000 --duration 10m --speed 60 --late 0.02 --duplicates 0.01 --invalid 0.005
 * </pre>
 */
@Command(name = "GeneratorApp", mixinStandardHelpOptions = true,
        description = "Generates shop traffic (sessions, funnels, peak hours, disorder) into the shop's Kafka topics.")
public final class GeneratorApp implements Callable<Integer> {

    @Option(names = "--rate", defaultValue = "1000",
            description = "events per second; with --speed, the average over a day (default ${DEFAULT-VALUE}; 0 = as fast as possible)")
    double rate;
    @Option(names = "--speed", defaultValue = "0",
            description = "time compression: simulated seconds per real second, e.g. 60 = an hour a minute (default: off, a steady --rate)")
    double speed;
    @Option(names = "--duration", converter = DurationConverter.class, description = "stop after this long, e.g. 30s, 10m, 2h")
    Duration duration;
    @Option(names = "--events", defaultValue = "" + Long.MAX_VALUE, description = "stop after this many records")
    long events;
    @Option(names = "--late", defaultValue = "0", description = "share of events that arrive late (default ${DEFAULT-VALUE})")
    double late;
    @Option(names = "--late-delay", defaultValue = "30s", converter = DurationConverter.class,
            description = "mean delay of a late event (default ${DEFAULT-VALUE})")
    Duration lateDelay;
    @Option(names = "--duplicates", defaultValue = "0", description = "share of events sent twice (default ${DEFAULT-VALUE})")
    double duplicates;
    @Option(names = "--invalid", defaultValue = "0", description = "share of events broken on purpose (default ${DEFAULT-VALUE})")
    double invalid;
    @Option(names = "--anomaly", converter = AnomalyConverter.class,
            description = "KIND,START,DURATION,MAGNITUDE, e.g. traffic-drop,+3h,15m,0.2 (repeatable)")
    List<AnomalyConverter.Spec> anomalies = List.of();
    @Option(names = "--flat", description = "no daily or weekly rhythm")
    boolean flat;
    @Option(names = "--seed", defaultValue = "42", description = "the same seed and options give the same records (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--start", description = "simulated time of the first event (default: so that the run ends about now)")
    Instant start;
    @Option(names = "--topic-prefix", defaultValue = "", description = "prefix of the topic names (default: none)")
    String prefix;
    @Option(names = "--partitions", defaultValue = "3", description = "partitions of topics created here (default ${DEFAULT-VALUE})")
    int partitions;
    @Option(names = "--schema", defaultValue = "public", description = "PostgreSQL schema of week 2's catalogue (default ${DEFAULT-VALUE})")
    String schema;
    @Option(names = "--seed-catalogue", description = "migrate and seed week 2's catalogue first if it is empty")
    boolean seedCatalogue;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        Programs.main(new GeneratorApp(), "week07-generator", args);
    }

    @Override
    public Integer call() throws Exception {
        KafkaEndpoint kafka = Infra.forPrograms().kafka().requireReachable();
        Catalogue catalogue = catalogue(Infra.forPrograms().postgres().withSchema(schema));
        Instant first = start != null ? start : defaultStart();
        GeneratorSettings.Builder settings = GeneratorSettings.builder(seed, first)
                .eventsPerSecond(speed > 0 ? rate / speed : Math.max(rate, 1))
                .shape(flat ? TrafficShape.flat() : TrafficShape.typical())
                .disorder(new DisorderRates(late, lateDelay, duplicates, invalid));
        anomalies.forEach(a -> settings.anomaly(a.at(first)));
        ShopGenerator generator = ShopGenerator.of(settings.build(), catalogue);
        Pacer pacer = Exercises.pick(() -> new streamworkbook.week07.exercises.SteadyPacer(pacing(), Ticker.SYSTEM),
                () -> new streamworkbook.week07.solutions.SteadyPacer(pacing(), Ticker.SYSTEM));
        kafka.createTopicsIfMissing(ShopGenerator.topics(prefix), partitions);

        out.printf("Generating into %s on %s: %s, first event at %s%n", ShopGenerator.topics(prefix).get(0).replace("page-view", "*"),
                kafka.bootstrapServers(), speed > 0 ? rate + " events/s on average at " + speed + "× speed" : rate > 0 ? rate + " events/s" : "as fast as possible", first);
        Thread main = Thread.currentThread();
        Thread stopper = new Thread(() -> {
            main.interrupt();
            try {
                main.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "generator-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        long started = System.nanoTime();
        GeneratorStats stats;
        try (ProgressBar bar = progressBar()) {
            stats = generator.send(kafka, prefix, pacer, new ShopGenerator.Limit(events, duration == null ? Duration.ofDays(3650) : duration),
                    bar::stepTo);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("%s in %.1f s (%,.0f records/s, %,.1f MB)%n", stats, seconds, stats.sent() / seconds, stats.bytes() / 1e6);
        stats.sentByType().forEach((type, n) -> out.printf("  %-24s %,10d%n", prefix + type.topic(), n));
        stats.refusals().forEach(r -> out.println("  refused: " + r));
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException alreadyStopping) {
            // Ctrl-C: the hook is running and waits for this method to end
        }
        return stats.refused() == 0 ? 0 : 1;
    }

    private Pacing pacing() {
        return speed > 0 ? Pacing.speed(speed) : rate > 0 ? Pacing.rate(rate) : Pacing.unlimited();
    }

    /** So that a timed run ends about now: the simulated span is the run's length (times the speed). */
    private Instant defaultStart() {
        Duration span = duration == null ? Duration.ofHours(1) : duration;
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(speed > 0 ? span.multipliedBy((long) Math.max(1, speed)) : span);
    }

    /** A bar with events, rate and ETA in a terminal; a line every ten seconds when the output goes to a file. */
    private ProgressBar progressBar() {
        ProgressBarBuilder bar = new ProgressBarBuilder().setTaskName("generating").setUnit(" records", 1).showSpeed()
                .setStyle(ProgressBarStyle.ASCII);
        long expected = events != Long.MAX_VALUE ? events : duration != null && rate > 0 ? (long) (rate * duration.toSeconds()) : -1;
        bar.setInitialMax(expected);
        if (System.console() == null) {
            bar.setConsumer(new me.tongfei.progressbar.DelegatingProgressBarConsumer(System.out::println)).setUpdateIntervalMillis(10_000);
        }
        return bar.build();
    }

    private Catalogue catalogue(PostgresEndpoint db) throws SQLException {
        try {
            if (seedCatalogue) {
                ShopSchema.migrate(db);
                if (Catalogue.isEmpty(db)) {
                    out.println("Seeding week 2's catalogue (reference loader) into schema " + db.schema() + " …");
                    new streamworkbook.week02.solutions.BulkSeedLoader().load(db, CatalogGenerator.standard(42));
                }
            }
            return Catalogue.load(db, seed);
        } catch (SQLException e) {
            throw new InfraUnavailable("cannot read week 2's catalogue at " + db.jdbcUrl() + " (" + e.getMessage() + "). Is PostgreSQL "
                    + "running (`./workbook up`)? Is the catalogue there? Add --seed-catalogue to create and seed it.", e);
        }
    }
}
