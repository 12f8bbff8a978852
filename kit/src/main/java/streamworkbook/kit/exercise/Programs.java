package streamworkbook.kit.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /** Runs {@code command} with {@code args} and exits with its status. */
    public static void main(Object command, String module, String[] args) {
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((error, commandLine, parsed) -> {
            NotImplementedYet pending = NotImplementedYet.findIn(error);
            if (pending != null) {
                commandLine.getErr().println(pendingMessage(commandLine.getCommandName(), module, pending.exerciseId()));
                return PENDING;
            }
            if (error instanceof InfraUnavailable) {
                commandLine.getErr().println(error.getMessage());
                return NO_SERVER;
            }
            throw error;
        });
        System.exit(cli.execute(args));
    }

    /** "FirstJobApp uses exercise 3.2 A first job, which is not done yet: see …; or run it with --solutions." */
    static String pendingMessage(String program, String module, String exerciseId) {
        String title = "";
        String link = module + "/README.md";
        try (InputStream in = Programs.class.getClassLoader().getResourceAsStream(WeekManifest.resourceName(module))) {
            if (in != null) {
                WeekManifest manifest = WeekManifest.read(module, in);
                title = manifest.exercise(exerciseId).map(e -> " " + e.title()).orElse("");
                link = manifest.readmeLink(exerciseId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return program + " uses exercise " + exerciseId + title + ", which is not done yet: see " + link
                + " — or run the reference solutions with --solutions.";
    }
}
