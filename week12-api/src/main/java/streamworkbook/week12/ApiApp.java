package streamworkbook.week12;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.week02.CatalogGenerator;

/**
 * {@code ./workbook run week12 ApiApp}: the API and the dashboard on the ClickHouse of {@code ./workbook up}, with the
 * learner's exercises ({@code --solutions}: the reference ones). {@code --demo-events N} first fills a fresh
 * database with N events of week 7's generator that end now.
 */
@Command(name = "ApiApp", mixinStandardHelpOptions = true,
        description = "Serves the analytics API and the dashboard over ClickHouse until Ctrl-C.")
public final class ApiApp implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "interface to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 in a container)")
    String host;

    @Option(names = "--database", defaultValue = "shop", description = "the ClickHouse database with the tables (default ${DEFAULT-VALUE})")
    String database;

    @Option(names = "--demo-events", defaultValue = "0", description = "first load this many generated events ending now into a fresh --database")
    int demoEvents;

    @Option(names = "--seed", defaultValue = "42", description = "the generator's seed (default ${DEFAULT-VALUE})")
    long seed;

    public static void main(String[] args) {
        Programs.main(new ApiApp(), "week12-api", args);
    }

    @Override
    public Integer call() throws Exception {
        ClickHouseEndpoint server = Infra.forPrograms().clickhouse();
        ClickHouseEndpoint clickhouse = server.withDatabase(database);
        if (demoEvents > 0) {
            new ClickHouseHttp(server).execute("DROP DATABASE IF EXISTS " + database);
            new ClickHouseHttp(server).execute("CREATE DATABASE " + database);
            // about 20 events a second of event time, ending about now
            double perSecond = 20;
            Instant start = Instant.now().minusSeconds((long) (demoEvents / perSecond)).truncatedTo(ChronoUnit.MINUTES);
            long started = System.nanoTime();
            var catalog = CatalogGenerator.standard(seed);
            var events = DemoData.endingAt(DemoData.shopEvents(seed, start, perSecond, demoEvents, catalog), Instant.now());
            DemoData.load(new ClickHouseHttp(clickhouse), catalog, events);
            System.out.printf("loaded %,d events from %s into %s in %.1f s%n", demoEvents, start, database,
                    (System.nanoTime() - started) / 1e9);
        }
        try (ApiServer api = ApiServer.builder(clickhouse).host(host).port(port).learnerExercises()
                .refreshRollups(Duration.ofSeconds(30)).build().start()) {
            System.out.println("dashboard: " + api.url() + "/   API: " + api.url() + "/api/…   OpenAPI: " + api.url() + "/openapi.json");
            System.out.println("Ctrl-C stops it");
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
        return 0;
    }
}
