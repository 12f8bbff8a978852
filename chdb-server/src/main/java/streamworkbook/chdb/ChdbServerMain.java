package streamworkbook.chdb;

import java.nio.file.Path;
import streamworkbook.chdb.engine.SignalChaining;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link ChdbServer} as a process of its own:
 *
 * <pre>
 *   java -cp &lt;classpath&gt; streamworkbook.chdb.ChdbServerMain --port 8123 --path ./chdb-data
 *        [--host 127.0.0.1] [--user NAME --password SECRET] [--max-concurrent-queries N] [--max-sessions N]
 * </pre>
 *
 * When ready it prints exactly one line to stdout, {@code chdb-server listening on http://HOST:PORT};
 * everything else (logs, errors) goes to stderr. SIGTERM or SIGINT stops it cleanly — every chDB
 * connection closed — with exit status 0. If it cannot start it prints one message to stderr and
 * exits with status 1 (2 for a bad command line).
 */
public final class ChdbServerMain {

    private static final String USAGE = "usage: ChdbServerMain --path DIR [--port 8123] [--host 127.0.0.1]"
            + " [--user NAME --password SECRET] [--max-concurrent-queries N] [--max-sessions N]";

    private ChdbServerMain() {
    }

    public static void main(String[] args) {
        // before any logger exists: this process logs WARN and above to stderr, whatever else is on the classpath
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "chdb-server-log4j2.xml");
        }
        ChdbServer.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chdb-server: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (SignalChaining.missing()) {
            System.err.println("chdb-server: the JDK's libjsig is not preloaded (start it with LD_PRELOAD="
                    + SignalChaining.launchEnvironment().get("LD_PRELOAD") + "): a signal the JVM raises while a chDB"
                    + " connection opens can crash the server");
        }
        ChdbServer server;
        try {
            StandardInput.detach(); // before the engine can leave the caller's stdin non-blocking
            server = builder.build().start();
        } catch (RuntimeException e) {
            System.err.println("chdb-server: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "chdb-server-shutdown"));
        StopSignals.onTermination(() -> {
            server.close();
            System.exit(0);
        });
        System.out.println("chdb-server listening on " + server.url());
        System.out.flush();
    }

    static ChdbServer.Builder parse(String[] args) {
        ChdbServer.Builder builder = ChdbServer.builder();
        List<String> rest = new ArrayList<>(List.of(args));
        boolean hasPath = false;
        String user = null;
        String password = null;
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            String value;
            int eq = option.indexOf('=');
            if (option.startsWith("--") && eq > 0) {
                value = option.substring(eq + 1);
                option = option.substring(0, eq);
            } else if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("help requested");
            } else {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                value = rest.remove(0);
            }
            switch (option) {
                case "--port" -> builder.port(number(option, value));
                case "--path" -> {
                    builder.dataPath(Path.of(value));
                    hasPath = true;
                }
                case "--host" -> builder.host(value);
                case "--user" -> user = value;
                case "--password" -> password = value;
                // --connections: this option's name before queries stopped being bound to a fixed set of connections
                case "--max-concurrent-queries", "--connections" -> builder.maxConcurrentQueries(number(option, value));
                case "--max-sessions" -> builder.maxSessions(number(option, value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (!hasPath) {
            throw new IllegalArgumentException("--path is required (the data directory; it is kept across restarts)");
        }
        if (user != null || password != null) {
            builder.user(user == null ? "default" : user, password == null ? "" : password);
        }
        return builder;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
        }
    }
}
