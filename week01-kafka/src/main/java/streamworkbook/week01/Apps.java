package streamworkbook.week01;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.exercise.WeekManifest;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.InfraUnavailable;
import streamworkbook.kit.infra.KafkaEndpoint;

/** What the week's programs share: finding Kafka, and clear messages instead of stack traces. */
final class Apps {

    private static final String MODULE = "week01-kafka";

    private Apps() {
    }

    /** Runs a picocli command and exits with its status. */
    static void main(Object command, String[] args) {
        // Our shutdown hooks (Ctrl-C) still use Kafka clients, which log: keep Log4j running until the end
        // instead of letting its own hook stop it first.
        System.setProperty("log4j.shutdownHookEnabled", "false");
        CommandLine cli = new CommandLine(command).setExecutionExceptionHandler(Apps::explain);
        System.exit(cli.execute(args));
    }

    /**
     * The Kafka that {@code ./workbook up} or {@code docker compose up} runs (or {@code WORKBOOK_INFRA}
     * says), checked to answer, so a program fails in seconds with advice rather than hanging.
     */
    static KafkaEndpoint kafka() {
        KafkaEndpoint kafka = Infra.forPrograms().kafka();
        Admin admin = kafka.admin();
        try {
            admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new InfraUnavailable("Kafka does not answer at " + kafka.bootstrapServers()
                    + ". Start it with `./workbook up` (or `docker compose up -d kafka`), or point "
                    + "KAFKA_BOOTSTRAP_SERVERS at your broker.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraUnavailable("interrupted while connecting to Kafka", e);
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
        return kafka;
    }

    private static int explain(Exception failure, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        NotImplementedYet pending = NotImplementedYet.findIn(failure);
        if (pending != null) {
            err.println(pendingMessage(cli.getCommandName(), pending));
            return 2;
        }
        if (failure instanceof InfraUnavailable) {
            err.println(failure.getMessage());
            return 3;
        }
        failure.printStackTrace(err);
        return 1;
    }

    /** "ProducerApp uses exercise 1.2 Publish events as JSON, which is not done yet: …" */
    static String pendingMessage(String program, NotImplementedYet pending) {
        String id = pending.exerciseId();
        String title = "";
        String link = MODULE + "/README.md";
        try (InputStream in = Apps.class.getClassLoader().getResourceAsStream(WeekManifest.resourceName(MODULE))) {
            if (in != null) {
                WeekManifest manifest = WeekManifest.read(MODULE, in);
                title = manifest.exercise(id).map(e -> " " + e.title()).orElse("");
                link = manifest.readmeLink(id);
            }
        } catch (IOException ignored) {
            // the message is still useful without the title
        }
        StackTraceElement[] where = pending.getStackTrace();
        String file = where.length == 0 ? "" : " in " + MODULE + "/src/main/java/"
                + where[0].getClassName().replace('.', '/') + ".java";
        return program + " uses exercise " + id + title + ", which is not done yet.\n"
                + "  Write it" + file + " (steps: " + link + "),\n"
                + "  or try the reference solution meanwhile: WORKBOOK_MODE=solutions ./workbook run week01 " + program + " …";
    }
}
