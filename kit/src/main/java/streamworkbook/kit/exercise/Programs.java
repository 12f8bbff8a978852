package streamworkbook.kit.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import streamworkbook.kit.infra.InfraUnavailable;

/**
 * Runs a week's program (a picocli command) so that a learner sees a sentence, not a stack trace,
 * when the program reaches an exercise that is not done yet or a server that is not running.
 */
public final class Programs {

    /** Exit status when a program needs an exercise that is still pending. */
    public static final int PENDING = 2;
    /** Exit status when Kafka, PostgreSQL or ClickHouse cannot be reached. */
    public static final int NO_SERVER = 3;

    private Programs() {
    }

    /**
     * Runs {@code command} with {@code args} and exits with its status. Every program takes
     * {@code --solutions}: it runs the reference solutions instead of the learner's exercises, which
     * the program picks with {@link Exercises#pick}, as the tests do.
     */
    public static void main(Object command, String module, String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.remove("--solutions")) {
            System.setProperty("workbook.mode", "solutions");
        }
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((error, commandLine, parsed) -> {
            NotImplementedYet pending = NotImplementedYet.findIn(error);
            if (pending != null) {
                commandLine.getErr().println(pendingMessage(commandLine.getCommandName(), module, pending));
                return PENDING;
            }
            if (error instanceof InfraUnavailable) {
                commandLine.getErr().println(error.getMessage());
                return NO_SERVER;
            }
            throw error;
        });
        System.exit(cli.execute(rest.toArray(String[]::new)));
    }

    /**
     * "ProducerApp uses exercise 1.2 Publish events as JSON, which is not done yet: write it in
     * week01-kafka/src/main/java/…/JsonEventPublisher.java (steps: week01-kafka/README.md#…), or run the
     * reference solutions with --solutions."
     */
    static String pendingMessage(String program, String module, NotImplementedYet pending) {
        String id = pending.exerciseId();
        String title = "";
        String link = module + "/README.md";
        try (InputStream in = Programs.class.getClassLoader().getResourceAsStream(WeekManifest.resourceName(module))) {
            if (in != null) {
                WeekManifest manifest = WeekManifest.read(module, in);
                title = manifest.exercise(id).map(e -> " " + e.title()).orElse("");
                link = manifest.readmeLink(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StackTraceElement[] where = pending.getStackTrace();
        String file = where.length == 0 ? "" : " in " + module + "/src/main/java/"
                + where[0].getClassName().replace('.', '/') + ".java";
        return program + " uses exercise " + id + title + ", which is not done yet.\n"
                + "  Write it" + file + " (steps: " + link + "),\n"
                + "  or run the reference solutions meanwhile: add --solutions.";
    }
}
