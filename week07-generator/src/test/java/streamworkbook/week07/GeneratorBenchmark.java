package streamworkbook.week07;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.week02.CatalogGenerator;
import streamworkbook.week07.solutions.FunnelSession;
import streamworkbook.week07.solutions.SchemaContracts;
import streamworkbook.week07.solutions.ShopRhythm;
import streamworkbook.week07.solutions.SteadyPacer;

/**
 * Not a test: how fast the generator is, and how steady its pace, on the reference solutions and a real local broker.
 *
 * <ol>
 *   <li>simulation only: records per second of {@link ShopGenerator#records()} (JSON included, no Kafka);</li>
 *   <li>the maximum rate into Kafka: unlimited pacing, contracts checked, acks=all;</li>
 *   <li>a held rate: 30 s at 5,000 records/s with the system clock, counted per 10 s window.</li>
 * </ol>
 *
 * <pre>
 * mvn -B -q -pl week07-generator -am install -DskipTests
 * mvn -B -q -pl week07-generator test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath streamworkbook.week07.GeneratorBenchmark"
 * </pre>
 */
public final class GeneratorBenchmark {

    private GeneratorBenchmark() {
    }

    /** The first sample taken at or after {@code nanoTime}. */
    private static long[] first(List<long[]> samples, long nanoTime) {
        return samples.stream().filter(s -> s[1] >= nanoTime).findFirst().orElse(samples.get(samples.size() - 1));
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Catalogue catalogue = Catalogue.of(CatalogGenerator.standard(42), 42);
        GeneratorSettings settings = GeneratorSettings.builder(42, Instant.parse("2026-11-23T00:00:00Z"))
                .eventsPerSecond(5_000).disorder(new DisorderRates(0.02, Duration.ofSeconds(30), 0.01, 0.005)).build();
        ShopGenerator generator = new ShopGenerator(settings, catalogue, new FunnelSession(), new ShopRhythm(settings.shape()),
                new SchemaContracts());

        long start = System.nanoTime();
        Iterator<GeneratedRecord> it = generator.records();
        long bytes = 0;
        for (int i = 0; i < records; i++) {
            bytes += it.next().value().length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("simulation: %,d records (%,.1f MB of JSON) in %.2f s = %,.0f records/s%n",
                records, bytes / 1e6, seconds, records / seconds);

        KafkaEndpoint kafka = Infra.kafka();
        String prefix = UniqueNames.next("bench-w7") + "-";
        kafka.createTopicsIfMissing(ShopGenerator.topics(prefix), 3);
        start = System.nanoTime();
        GeneratorStats stats = generator.send(kafka, prefix, new SteadyPacer(Pacing.unlimited(), Ticker.SYSTEM),
                ShopGenerator.Limit.records(records), n -> { });
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("into Kafka, unlimited: %s in %.2f s = %,.0f records/s%n", stats, seconds, stats.sent() / seconds);

        int rate = 5_000;
        List<long[]> samples = new ArrayList<>(); // (records sent, nanoTime) every thousand records
        stats = generator.send(kafka, prefix, new SteadyPacer(Pacing.rate(rate), Ticker.SYSTEM),
                new ShopGenerator.Limit(Long.MAX_VALUE, Duration.ofSeconds(31)), n -> samples.add(new long[] {n, System.nanoTime()}));
        List<String> windows = new ArrayList<>();
        long t0 = samples.get(0)[1];
        for (int k = 0; k < 3; k++) {
            long[] a = first(samples, t0 + k * 10_000_000_000L);
            long[] b = first(samples, t0 + (k + 1) * 10_000_000_000L);
            double perTenSeconds = (b[0] - a[0]) / ((b[1] - a[1]) / 1e9) * 10;
            windows.add(String.format("%,.0f (%+.2f %%)", perTenSeconds, (perTenSeconds / (rate * 10.0) - 1) * 100));
        }
        System.out.printf("held rate %,d/s for 30 s: records per 10 s %s (target %,d ± 2 %%)%n", rate, windows, rate * 10);
        System.exit(0);
    }
}
