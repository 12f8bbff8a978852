package streamworkbook.kit.infra.local;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs one local service in the foreground until it is stopped (SIGTERM / Ctrl-C):
 * what {@code ./workbook up} starts in the background, and what fault tests kill and restart.
 */
@Command(name = "local-service", mixinStandardHelpOptions = true,
        subcommands = {LocalServiceMain.Kafka.class, LocalServiceMain.Postgres.class},
        description = "Runs a real Kafka broker or PostgreSQL server on a fixed port with persistent data.")
public final class LocalServiceMain {

    public static void main(String[] args) {
        int exit = new CommandLine(new LocalServiceMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Command(name = "kafka", description = "A Kafka broker in KRaft mode (broker and controller in one node).")
    static final class Kafka implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "9092", description = "client port (default ${DEFAULT-VALUE})")
        int port;
        @Option(names = "--controller-port", defaultValue = "9093", description = "KRaft controller port (default ${DEFAULT-VALUE})")
        int controllerPort;
        @Option(names = "--dir", required = true, description = "data directory, formatted on first start and kept")
        Path dir;

        @Override
        public Integer call() throws InterruptedException {
            KafkaBroker broker = KafkaBroker.persistent(port, controllerPort, dir).start();
            System.out.println("kafka listening on " + broker.bootstrapServers());
            return runUntilStopped(broker);
        }
    }

    @Command(name = "postgres", description = "A PostgreSQL server (user postgres, password postgres).")
    static final class Postgres implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "5432", description = "port (default ${DEFAULT-VALUE})")
        int port;
        @Option(names = "--dir", required = true, description = "data directory, initialised on first start and kept")
        Path dir;

        @Override
        public Integer call() throws InterruptedException {
            LocalPostgres postgres = LocalPostgres.persistent(port, dir);
            System.out.println("postgres listening on " + postgres.endpoint().jdbcUrl());
            return runUntilStopped(postgres);
        }
    }

    private static int runUntilStopped(AutoCloseable service) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("shutdown: " + e);
            }
            stopped.countDown();
        }, "stop-service"));
        stopped.await();
        return 0;
    }
}
